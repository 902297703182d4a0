#pragma once

#include <git2/global.h>

namespace plein::client {

// libgit2 is set up once for the process (its allocator and settings); diffing and merging
// texts in memory needs no repository. Internal to the blogs' text helpers.
inline bool libgit2Ready()
{
    static const bool ready = git_libgit2_init() > 0;
    return ready;
}

} // namespace plein::client
