#pragma once

#include "protocol/messagespec.h"

namespace plein::protocol::feed {

// The microblog: posts and replies, likes, mentions and pins, company-wide or in a group.
inline constexpr QLatin1StringView FeedPage {"feed.page"};
inline constexpr QLatin1StringView ThreadGet {"thread.get"};
inline constexpr QLatin1StringView PostCreate {"post.create"};
inline constexpr QLatin1StringView PostEdit {"post.edit"};
inline constexpr QLatin1StringView PostDelete {"post.delete"};
inline constexpr QLatin1StringView PostLike {"post.like"};
inline constexpr QLatin1StringView PostPin {"post.pin"};
inline constexpr QLatin1StringView PostLikers {"post.likers"};
inline constexpr QLatin1StringView FeedFollow {"feed.follow"};
inline constexpr QLatin1StringView FeedFollows {"feed.follows"};

inline constexpr QLatin1StringView PostCreated {"post.created"};
inline constexpr QLatin1StringView PostEdited {"post.edited"};
inline constexpr QLatin1StringView PostDeleted {"post.deleted"};
inline constexpr QLatin1StringView PostLiked {"post.liked"};
inline constexpr QLatin1StringView PostPinned {"post.pinned"};
inline constexpr QLatin1StringView FeedFollowed {"feed.followed"};

// How many of the people who liked a post `post.likers` names (the newest likes).
inline constexpr int maxLikers = 50;

// How many topics and people one user may follow.
inline constexpr int maxFollows = 1000;
// How many candidates of a topic's page, or of the followed posts, are looked at per page.
inline constexpr int maxPageCandidates = 2000;

const CapabilitySpec& capability();

} // namespace plein::protocol::feed
