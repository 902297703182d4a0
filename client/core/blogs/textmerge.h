#pragma once

#include <QList>
#include <QString>

#include <functional>

namespace plein::client::textmerge {

// A three-way merge of texts (an article's base revision, the author's version and the one
// published in between), line by line, with libgit2's merge of files (git's own xdiff): the
// changes that do not overlap are merged, the ones that do are conflicts for the author to
// choose. Nothing of either side is dropped without a conflict saying so.

// A stretch of the merged text: agreed text, or a conflict with the three versions of it.
struct Region
{
    bool conflict = false;
    QString text; // agreed text (no conflict)
    QString base;
    QString mine;
    QString theirs;
};

struct Merge
{
    // False when the merge could not be made at all (then `regions` is one conflict of the
    // three whole texts, so the author still chooses).
    bool merged = false;
    QList<Region> regions;

    int conflicts() const;
    bool clean() const { return conflicts() == 0; }
    // The merged text, each conflict replaced by what `choose` gives for it (its index among
    // the conflicts, and the region).
    QString resolved(const std::function<QString(int index, const Region& region)>& choose) const;
};

Merge merge(const QString& base, const QString& mine, const QString& theirs);

} // namespace plein::client::textmerge
