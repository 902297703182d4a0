#pragma once

#include <QList>
#include <QString>

namespace plein::client::textdiff {

// What changed between two versions of a text (an article's revisions), line by line with
// libgit2's diff (git's own xdiff), and within a changed line word by word, so a paragraph
// with one word changed shows that word and not the whole paragraph as new.

// Characters of a line that differ from the line it replaced (or was replaced by).
struct Span
{
    int from = 0;
    int length = 0;
};

struct Line
{
    enum class Kind { Same, Added, Removed, Skipped };
    Kind kind = Kind::Same;
    QString text; // without its line break; empty for Skipped
    int oldNumber = 0; // 1-based; 0 where the line is not in that version
    int newNumber = 0;
    int skipped = 0; // Skipped: how many unchanged lines are left out here
    // Added or Removed, and paired with a line of the other version: the words that differ.
    // Empty when the whole line is new (or gone).
    QList<Span> changed;
};

struct Diff
{
    // False when the diff could not be made (the texts are then shown as removed and added).
    bool made = false;
    QList<Line> lines;
    int added = 0;
    int removed = 0;

    bool identical() const { return added == 0 && removed == 0; }
};

// The lines of `after` against `before`, with `context` unchanged lines around each change
// and the rest left out as Skipped.
Diff diff(const QString& before, const QString& after, int context = 3);

} // namespace plein::client::textdiff
