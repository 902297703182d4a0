#include "textdiff.h"

#include "text/linediff.h"

#include <algorithm>
#include <git2/diff.h>

namespace plein::client::textdiff {

namespace {

// A changed line is shown word by word only when at least this share of it stayed; below
// that it reads better as a new line.
constexpr double keptShareForWords = 0.3;

using Origin = git_diff_line_t;

int lineCount(const QString& text)
{
    if (text.isEmpty())
        return 0;
    return int(text.count(u'\n')) + (text.endsWith(u'\n') ? 0 : 1);
}

// A line split into words, runs of spaces and single other characters, with where each starts.
struct Tokens
{
    QList<int> starts;
    QByteArray joined; // one token a line, for the diff
};

Tokens tokens(const QString& line)
{
    Tokens t;
    int at = 0;
    while (at < line.size()) {
        const QChar c = line.at(at);
        int end = at + 1;
        if (c.isLetterOrNumber()) {
            while (end < line.size() && line.at(end).isLetterOrNumber())
                ++end;
        } else if (c.isSpace()) {
            while (end < line.size() && line.at(end).isSpace())
                ++end;
        } else if (c.isHighSurrogate() && end < line.size() && line.at(end).isLowSurrogate()) {
            ++end; // an emoji is one character
        }
        t.starts.append(at);
        t.joined += line.mid(at, end - at).toUtf8();
        t.joined += '\n';
        at = end;
    }
    t.starts.append(int(line.size()));
    return t;
}

// The changed characters of each of two lines, from the words that differ; false when too
// little stayed for a word by word view to help.
bool wordSpans(const QString& removed, const QString& added, QList<Span>& outRemoved,
               QList<Span>& outAdded)
{
    const Tokens a = tokens(removed);
    const Tokens b = tokens(added);
    QList<bool> goneA(a.starts.size() - 1, false);
    QList<bool> newB(b.starts.size() - 1, false);
    const bool made = plein::text::diffLines(
        a.joined, b.joined, 0, [](const git_diff_hunk&) {},
        [&](const git_diff_line& l) {
            if (l.origin == GIT_DIFF_LINE_DELETION && l.old_lineno > 0
                && l.old_lineno <= goneA.size())
                goneA[l.old_lineno - 1] = true;
            else if (l.origin == GIT_DIFF_LINE_ADDITION && l.new_lineno > 0
                     && l.new_lineno <= newB.size())
                newB[l.new_lineno - 1] = true;
        });
    if (!made)
        return false;
    const auto spans = [](const Tokens& t, QList<bool> changed, const QString& line) {
        // A space between two changed words belongs to the change.
        for (qsizetype i = 1; i + 1 < changed.size(); ++i) {
            if (!changed[i] && changed[i - 1] && changed[i + 1] && line.at(t.starts[i]).isSpace())
                changed[i] = true;
        }
        QList<Span> out;
        int kept = 0;
        for (qsizetype i = 0; i < changed.size(); ++i) {
            const int from = t.starts[i];
            const int length = t.starts[i + 1] - from;
            if (!changed[i]) {
                kept += line.at(from).isSpace() ? 0 : length;
                continue;
            }
            if (!out.isEmpty() && out.last().from + out.last().length == from)
                out.last().length += length;
            else
                out.append({from, length});
        }
        return std::pair {out, kept};
    };
    const auto [spansA, keptA] = spans(a, goneA, removed);
    const auto [spansB, keptB] = spans(b, newB, added);
    const int longer = int(std::max(removed.size(), added.size()));
    if (longer == 0 || double(std::max(keptA, keptB)) < keptShareForWords * longer)
        return false;
    outRemoved = spansA;
    outAdded = spansB;
    return true;
}

// Pairs each run of removed lines with the added lines that follow it, line for line, and
// marks the words that differ in each pair.
void markWords(QList<Line>& lines)
{
    qsizetype at = 0;
    while (at < lines.size()) {
        if (lines[at].kind != Line::Kind::Removed) {
            ++at;
            continue;
        }
        qsizetype removedEnd = at;
        while (removedEnd < lines.size() && lines[removedEnd].kind == Line::Kind::Removed)
            ++removedEnd;
        qsizetype addedEnd = removedEnd;
        while (addedEnd < lines.size() && lines[addedEnd].kind == Line::Kind::Added)
            ++addedEnd;
        const qsizetype pairs = std::min(removedEnd - at, addedEnd - removedEnd);
        for (qsizetype i = 0; i < pairs; ++i) {
            Line& gone = lines[at + i];
            Line& came = lines[removedEnd + i];
            if (!wordSpans(gone.text, came.text, gone.changed, came.changed)) {
                gone.changed.clear();
                came.changed.clear();
            }
        }
        at = addedEnd;
    }
}

} // namespace

Diff diff(const QString& before, const QString& after, int context)
{
    Diff d;
    const QByteArray a = before.toUtf8();
    const QByteArray b = after.toUtf8();
    int lastOld = 0; // the last line of `before` accounted for
    const auto skipTo = [&](int oldLine) {
        if (oldLine > lastOld + 1) {
            Line gap;
            gap.kind = Line::Kind::Skipped;
            gap.skipped = oldLine - lastOld - 1;
            d.lines.append(gap);
        }
    };
    d.made = plein::text::diffLines(
        a, b, context,
        [&](const git_diff_hunk& h) {
            // A hunk that only adds starts after its old_start line; other hunks at it.
            if (h.old_lines == 0) {
                skipTo(h.old_start + 1);
                lastOld = std::max(lastOld, h.old_start);
            } else {
                skipTo(h.old_start);
            }
        },
        [&](const git_diff_line& l) {
            Line line;
            switch (l.origin) {
            case GIT_DIFF_LINE_CONTEXT:
                line.kind = Line::Kind::Same;
                break;
            case GIT_DIFF_LINE_ADDITION:
                line.kind = Line::Kind::Added;
                ++d.added;
                break;
            case GIT_DIFF_LINE_DELETION:
                line.kind = Line::Kind::Removed;
                ++d.removed;
                break;
            default:
                return; // the notes on a missing line break at the end
            }
            QByteArrayView content(l.content, qsizetype(l.content_len));
            if (content.endsWith('\n'))
                content.chop(1);
            line.text = QString::fromUtf8(content);
            line.oldNumber = std::max(0, l.old_lineno);
            line.newNumber = std::max(0, l.new_lineno);
            if (line.oldNumber > 0)
                lastOld = line.oldNumber;
            d.lines.append(line);
        });
    if (!d.made) {
        d = {};
        const auto all = [&](const QString& text, Line::Kind kind, int& count) {
            const QStringList parts = text.split(u'\n');
            for (qsizetype i = 0; i < parts.size(); ++i) {
                if (i + 1 == parts.size() && parts[i].isEmpty())
                    break;
                Line line;
                line.kind = kind;
                line.text = parts[i];
                (kind == Line::Kind::Removed ? line.oldNumber : line.newNumber) = int(i + 1);
                d.lines.append(line);
                ++count;
            }
        };
        all(before, Line::Kind::Removed, d.removed);
        all(after, Line::Kind::Added, d.added);
        return d;
    }
    skipTo(lineCount(before) + 1);
    markWords(d.lines);
    return d;
}

} // namespace plein::client::textdiff
