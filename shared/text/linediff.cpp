#include "linediff.h"

#include <algorithm>
#include <git2/global.h>

namespace plein::text {

bool libgit2Ready()
{
    static const bool ready = git_libgit2_init() > 0;
    return ready;
}

bool diffLines(const QByteArray& before, const QByteArray& after, int context,
               const std::function<void(const git_diff_hunk&)>& onHunk,
               const std::function<void(const git_diff_line&)>& onLine)
{
    if (!libgit2Ready())
        return false;
    git_diff_options options;
    if (git_diff_options_init(&options, GIT_DIFF_OPTIONS_VERSION) != 0)
        return false;
    options.flags = GIT_DIFF_FORCE_TEXT | GIT_DIFF_MINIMAL;
    options.context_lines = std::uint32_t(std::max(0, context));
    options.interhunk_lines = 0;
    struct Calls
    {
        const std::function<void(const git_diff_hunk&)>& hunk;
        const std::function<void(const git_diff_line&)>& line;
    } calls {onHunk, onLine};
    const auto hunkCb = [](const git_diff_delta*, const git_diff_hunk* h, void* payload) -> int {
        if (const auto& f = static_cast<Calls*>(payload)->hunk)
            f(*h);
        return 0;
    };
    const auto lineCb = [](const git_diff_delta*, const git_diff_hunk*, const git_diff_line* l,
                           void* payload) -> int {
        if (const auto& f = static_cast<Calls*>(payload)->line)
            f(*l);
        return 0;
    };
    return git_diff_buffers(before.constData(), size_t(before.size()), nullptr, after.constData(),
                            size_t(after.size()), nullptr, &options, nullptr, nullptr, hunkCb,
                            lineCb, &calls)
        == 0;
}

} // namespace plein::text
