#include "textdelta.h"

#include "linediff.h"

#include <QList>

#include <cmath>

namespace plein::text {

namespace {

// Where each line starts, and the text's length last: line k (from 0) is
// [starts[k], starts[k + 1]), its '\n' included.
QList<qsizetype> lineStarts(const QString& s)
{
    QList<qsizetype> starts {0};
    for (qsizetype i = 0; i < s.size(); ++i) {
        if (s.at(i) == u'\n' && i + 1 < s.size())
            starts.append(i + 1);
    }
    starts.append(s.size());
    return starts;
}

qsizetype lineStart(const QList<qsizetype>& starts, qsizetype line)
{
    return starts.at(std::clamp<qsizetype>(line, 0, starts.size() - 1));
}

struct Steps
{
    QJsonArray out;
    qsizetype at = 0; // in the old text

    void keep(qsizetype n)
    {
        if (n <= 0)
            return;
        if (!out.isEmpty() && out.last().isDouble() && out.last().toDouble() > 0)
            out.last() = out.last().toDouble() + double(n);
        else
            out.append(double(n));
        at += n;
    }
    void remove(qsizetype n)
    {
        if (n <= 0)
            return;
        out.append(-double(n));
        at += n;
    }
    void insert(const QString& s)
    {
        if (!s.isEmpty())
            out.append(s);
    }
};

QJsonArray replaceAll(const QString& from, const QString& to)
{
    Steps s;
    s.remove(from.size());
    s.insert(to);
    return s.out;
}

} // namespace

QJsonArray makeDelta(const QString& from, const QString& to)
{
    // The same text (a client asking for the revision it holds): nothing to diff.
    if (from == to) {
        Steps s;
        s.keep(from.size());
        return s.out;
    }
    struct Hunk
    {
        qsizetype oldStart, oldLines, newStart, newLines;
    };
    QList<Hunk> hunks;
    const bool diffed
        = diffLines(from.toUtf8(), to.toUtf8(), 0,
                    [&](const git_diff_hunk& h) {
                        hunks.append({h.old_start, h.old_lines, h.new_start, h.new_lines});
                    },
                    {});
    if (!diffed)
        return replaceAll(from, to);
    const QList<qsizetype> oldStarts = lineStarts(from);
    const QList<qsizetype> newStarts = lineStarts(to);
    Steps s;
    for (const Hunk& h : std::as_const(hunks)) {
        // Without lines on a side, the hunk sits after line `start` (from 1) of that side.
        qsizetype oldBegin = lineStart(oldStarts, h.oldLines ? h.oldStart - 1 : h.oldStart);
        qsizetype oldEnd
            = h.oldLines ? lineStart(oldStarts, h.oldStart - 1 + h.oldLines) : oldBegin;
        qsizetype newBegin = lineStart(newStarts, h.newLines ? h.newStart - 1 : h.newStart);
        qsizetype newEnd
            = h.newLines ? lineStart(newStarts, h.newStart - 1 + h.newLines) : newBegin;
        if (oldBegin < s.at)
            return replaceAll(from, to); // hunks out of order: never expected
        // Only the characters that differ: what both sides start and end with stays.
        while (oldBegin < oldEnd && newBegin < newEnd && from.at(oldBegin) == to.at(newBegin)) {
            ++oldBegin;
            ++newBegin;
        }
        while (oldEnd > oldBegin && newEnd > newBegin && from.at(oldEnd - 1) == to.at(newEnd - 1)) {
            --oldEnd;
            --newEnd;
        }
        // A surrogate pair stays whole on both sides of the change.
        if (oldBegin > 0 && from.at(oldBegin - 1).isHighSurrogate() && newBegin > 0
            && to.at(newBegin - 1).isHighSurrogate()) {
            --oldBegin;
            --newBegin;
        }
        if (oldEnd < from.size() && from.at(oldEnd).isLowSurrogate() && newEnd < to.size()
            && to.at(newEnd).isLowSurrogate()) {
            ++oldEnd;
            ++newEnd;
        }
        s.keep(oldBegin - s.at);
        s.remove(oldEnd - oldBegin);
        s.insert(to.mid(newBegin, newEnd - newBegin));
    }
    s.keep(from.size() - s.at);
    // What is sent must give exactly the new text; anything else is sent whole.
    if (applyDelta(from, s.out) != to)
        return replaceAll(from, to);
    return s.out;
}

std::optional<QString> applyDelta(const QString& from, const QJsonArray& steps)
{
    QString out;
    qsizetype at = 0;
    for (const QJsonValue& v : steps) {
        if (v.isString()) {
            const QString s = v.toString();
            if (s.isEmpty())
                return std::nullopt;
            out += s;
            continue;
        }
        if (!v.isDouble())
            return std::nullopt;
        const double d = v.toDouble();
        if (d == 0 || d != std::floor(d) || std::abs(d) > double(from.size() - at))
            return std::nullopt;
        const auto n = qsizetype(std::abs(d));
        if (d > 0)
            out += QStringView(from).mid(at, n);
        at += n;
    }
    if (at != from.size())
        return std::nullopt;
    return out;
}

} // namespace plein::text
