#include "textmerge.h"

#include "text/linediff.h"

#include <algorithm>
#include <git2/errors.h>
#include <git2/merge.h>

namespace plein::client::textmerge {

namespace {

// The conflict markers must not occur in the texts: one character longer than the longest
// run of a marker character that starts a line in any of them (git's default is 7).
int markerSize(const QList<QByteArray>& texts)
{
    int longest = 0;
    for (const QByteArray& t : texts) {
        qsizetype at = 0;
        while (at < t.size()) {
            const char c = t.at(at);
            if (c == '<' || c == '>' || c == '=' || c == '|') {
                qsizetype end = at;
                while (end < t.size() && t.at(end) == c)
                    ++end;
                longest = std::max(longest, int(end - at));
            }
            const qsizetype newline = t.indexOf('\n', at);
            if (newline < 0)
                break;
            at = newline + 1;
        }
    }
    return std::clamp(longest + 1, GIT_MERGE_CONFLICT_MARKER_SIZE, 65535);
}

QByteArray withNewline(const QString& text)
{
    QByteArray b = text.toUtf8();
    if (!b.endsWith('\n'))
        b.append('\n');
    return b;
}

// Whether `line` is the marker of `c` at this size (with or without a label).
bool isMarker(QByteArrayView line, char c, int size)
{
    if (line.size() < size)
        return false;
    for (int i = 0; i < size; ++i) {
        if (line.at(i) != c)
            return false;
    }
    // A label, or the line's end (xdiff ends marker lines with CR LF in texts that use it).
    return line.size() == size || line.at(size) == ' ' || line.at(size) == '\n'
        || line.at(size) == '\r';
}

Merge wholeConflict(const QString& base, const QString& mine, const QString& theirs)
{
    Merge m;
    Region r;
    r.conflict = true;
    r.base = base;
    r.mine = mine;
    r.theirs = theirs;
    m.regions.append(r);
    return m;
}

} // namespace

int Merge::conflicts() const
{
    return int(
        std::count_if(regions.begin(), regions.end(), [](const Region& r) { return r.conflict; }));
}

QString Merge::resolved(const std::function<QString(int, const Region&)>& choose) const
{
    QString out;
    int index = 0;
    for (const Region& r : regions)
        out += r.conflict ? choose(index++, r) : r.text;
    return out;
}

Merge merge(const QString& base, const QString& mine, const QString& theirs)
{
    if (!plein::text::libgit2Ready())
        return wholeConflict(base, mine, theirs);
    // Every text ends with a line break, so a change on the last line is a line like any
    // other; the one added to the author's text is taken off the result again.
    const QByteArray b = withNewline(base);
    const QByteArray m = withNewline(mine);
    const QByteArray t = withNewline(theirs);
    const int size = markerSize({b, m, t});

    git_merge_file_input inBase = GIT_MERGE_FILE_INPUT_INIT;
    git_merge_file_input inMine = GIT_MERGE_FILE_INPUT_INIT;
    git_merge_file_input inTheirs = GIT_MERGE_FILE_INPUT_INIT;
    inBase.ptr = b.constData();
    inBase.size = size_t(b.size());
    inMine.ptr = m.constData();
    inMine.size = size_t(m.size());
    inTheirs.ptr = t.constData();
    inTheirs.size = size_t(t.size());
    git_merge_file_options options = GIT_MERGE_FILE_OPTIONS_INIT;
    options.flags = GIT_MERGE_FILE_STYLE_DIFF3 | GIT_MERGE_FILE_DIFF_MINIMAL;
    options.marker_size = static_cast<unsigned short>(size);
    git_merge_file_result result {};
    if (git_merge_file(&result, &inBase, &inMine, &inTheirs, &options) != 0) {
        git_merge_file_result_free(&result);
        return wholeConflict(base, mine, theirs);
    }
    const QByteArrayView out(result.ptr, qsizetype(result.len));

    Merge merged;
    merged.merged = true;
    enum class Part { Agreed, Mine, Base, Theirs };
    Part part = Part::Agreed;
    QByteArray agreed, partMine, partBase, partTheirs;
    const auto flushAgreed = [&]() {
        if (agreed.isEmpty())
            return;
        Region r;
        r.text = QString::fromUtf8(agreed);
        merged.regions.append(r);
        agreed.clear();
    };
    qsizetype at = 0;
    while (at < out.size()) {
        qsizetype end = out.indexOf('\n', at);
        end = end < 0 ? out.size() : end + 1;
        const QByteArrayView line = out.sliced(at, end - at);
        at = end;
        if (part == Part::Agreed && isMarker(line, '<', size)) {
            flushAgreed();
            part = Part::Mine;
        } else if (part == Part::Mine && isMarker(line, '|', size)) {
            part = Part::Base;
        } else if ((part == Part::Mine || part == Part::Base) && isMarker(line, '=', size)) {
            part = Part::Theirs;
        } else if (part == Part::Theirs && isMarker(line, '>', size)) {
            Region r;
            r.conflict = true;
            r.mine = QString::fromUtf8(partMine);
            r.base = QString::fromUtf8(partBase);
            r.theirs = QString::fromUtf8(partTheirs);
            merged.regions.append(r);
            partMine.clear();
            partBase.clear();
            partTheirs.clear();
            part = Part::Agreed;
        } else {
            QByteArray& into = part == Part::Agreed ? agreed
                : part == Part::Mine                ? partMine
                : part == Part::Base                ? partBase
                                                    : partTheirs;
            into.append(line.data(), line.size());
        }
    }
    git_merge_file_result_free(&result);
    if (part != Part::Agreed) // cut off: never silently half a merge
        return wholeConflict(base, mine, theirs);
    flushAgreed();
    // The line breaks added above: off the last region again where a text had none.
    if (!merged.regions.isEmpty()) {
        Region& last = merged.regions.last();
        const auto unadd = [](QString& piece, const QString& original) {
            if (!original.endsWith(u'\n') && piece.endsWith(u'\n'))
                piece.chop(1);
        };
        unadd(last.text, mine);
        unadd(last.mine, mine);
        unadd(last.base, base);
        unadd(last.theirs, theirs);
    }
    return merged;
}

} // namespace plein::client::textmerge
