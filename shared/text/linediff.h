#pragma once

#include <QByteArray>

#include <functional>
#include <git2/diff.h>

namespace plein::text {

// libgit2 set up once for the process (its allocator and settings); diffing and merging texts
// in memory needs no repository.
bool libgit2Ready();

// libgit2's minimal line diff of two buffers, with `context` unchanged lines around each hunk:
// each hunk's start and each added, removed or unchanged line go to the callbacks in order.
// False when libgit2 could not run it.
bool diffLines(const QByteArray& before, const QByteArray& after, int context,
               const std::function<void(const git_diff_hunk&)>& onHunk,
               const std::function<void(const git_diff_line&)>& onLine);

} // namespace plein::text
