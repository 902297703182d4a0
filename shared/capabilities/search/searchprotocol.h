#pragma once

#include "protocol/messagespec.h"

namespace plein::protocol::search {

// Search on the server: the words of posts, replies and chat messages over everything the
// user may see, ranked, with highlighted snippets. The visibility rules are part of the query.
inline constexpr QLatin1StringView SearchQuery {"search.query"};

inline constexpr QLatin1StringView Feature {"search"};

inline constexpr int maxQueryChars = 200;
// The most words of a query that count (more are left out).
inline constexpr int maxQueryTerms = 8;
inline constexpr int defaultPage = 20;
inline constexpr int maxPage = 50;
// Results are paged by position; past this many a query should be narrowed.
inline constexpr int maxOffset = 500;

const CapabilitySpec& capability();

} // namespace plein::protocol::search
