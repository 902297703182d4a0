#include "capabilities/feed/feedprotocol.h"

#include "capabilities/files/filesprotocol.h"
#include "protocol/fields.h"
#include "protocol/limits.h"

#include <array>

namespace plein::protocol::feed {

namespace {

using L = QLatin1StringView;

constexpr std::array feedPageFields {
    FieldSpec {L("groupId"), FieldType::Id, false, 1, maxSafeInteger,
               L("The group's feed (feature `groups`); without it the company feed")},
    FieldSpec {L("before"), FieldType::Id, false, 1, maxSafeInteger,
               L("Return top-level posts older than this post id")},
    FieldSpec {L("limit"), FieldType::Integer, false, 1, maxFeedPage, L("Most posts to return")},
    FieldSpec {L("topic"), FieldType::String, false, 2, 200,
               L("The top-level posts with this #topic (case-folded, NFC) in any feed the user "
                 "reads, their replies' topics included; page on with `next`")},
    FieldSpec {L("following"), FieldType::Bool, false, 0, 0,
               L("true: the top-level posts by the people and with the topics the user follows; "
                 "page on with `next`")},
};
constexpr std::array followFields {
    clientIdField,
    FieldSpec {L("topic"), FieldType::String, false, 2, 200,
               L("The #topic to follow (case-folded, NFC); or `userId`")},
    FieldSpec {L("userId"), FieldType::Id, false, 1, maxSafeInteger,
               L("The person to follow (an active user); or `topic`")},
    FieldSpec {L("on"), FieldType::Bool, true, 0, 0, L("true to follow, false to stop")},
};
constexpr std::array<FieldSpec, 0> noFields {};
constexpr std::array threadFields {
    FieldSpec {L("postId"), FieldType::Id, true, 1, maxSafeInteger,
               L("Top-level post of the thread")},
    FieldSpec {L("after"), FieldType::Id, false, 1, maxSafeInteger,
               L("Return replies newer than this reply id")},
    FieldSpec {L("limit"), FieldType::Integer, false, 1, maxFeedPage, L("Most replies to return")},
};
constexpr std::array likersFields {
    FieldSpec {L("postId"), FieldType::Id, true, 1, maxSafeInteger, L("Post whose likes to list")},
};
constexpr std::array createFields {
    clientIdField,
    FieldSpec {L("body"), FieldType::Text, true, 0, maxPostChars,
               L("Markdown text (empty only with attachments)")},
    FieldSpec {L("parentId"), FieldType::Id, false, 1, maxSafeInteger,
               L("Post this one replies to (a reply joins its parent's group)")},
    FieldSpec {L("groupId"), FieldType::Id, false, 1, maxSafeInteger,
               L("Group to post in (members only); without it the company feed")},
    FieldSpec {L("attachments"), FieldType::StringList, false, 0, files::maxAttachments,
               L("Ids of finished files (uploaded by the user or visible to them) to attach")},
};
constexpr std::array editFields {
    clientIdField,
    FieldSpec {L("postId"), FieldType::Id, true, 1, maxSafeInteger,
               L("Post to edit (author or admin)")},
    FieldSpec {L("body"), FieldType::Text, true, 0, maxPostChars,
               L("New Markdown text (empty only for a post with attachments)")},
};
constexpr std::array deleteFields {
    clientIdField,
    FieldSpec {L("postId"), FieldType::Id, true, 1, maxSafeInteger,
               L("Post to delete (author, the group's owners and moderators, or an admin)")},
};
constexpr std::array likeFields {
    clientIdField,
    FieldSpec {L("postId"), FieldType::Id, true, 1, maxSafeInteger, L("Post to like or unlike")},
    FieldSpec {L("liked"), FieldType::Bool, true, 0, 0,
               L("true to like, false to take the like back")},
};
constexpr std::array pinFields {
    clientIdField,
    FieldSpec {L("postId"), FieldType::Id, true, 1, maxSafeInteger, L("Top-level post")},
    FieldSpec {L("pinned"), FieldType::Bool, true, 0, 0, L("true to pin, false to unpin")},
};

constexpr std::array messages {
    MessageSpec {FeedPage, Direction::Request, true, feedPageFields,
                 L("A page of a feed's top-level posts, newest first (pinned ones on the first "
                   "page)")},
    MessageSpec {FeedFollow, Direction::Request, true, followFields,
                 L("Follow a topic or a person, or stop (at most 1,000 follows)")},
    MessageSpec {FeedFollows, Direction::Request, true, noFields,
                 L("The topics and people the user follows")},
    MessageSpec {ThreadGet, Direction::Request, true, threadFields,
                 L("A top-level post and a page of its replies, oldest first")},
    MessageSpec {PostLikers, Direction::Request, true, likersFields,
                 L("Who liked a post: the 50 newest likes and the total")},
    MessageSpec {PostCreate, Direction::Request, true, createFields, L("Write a post or a reply")},
    MessageSpec {PostEdit, Direction::Request, true, editFields, L("Replace a post's text")},
    MessageSpec {PostDelete, Direction::Request, true, deleteFields,
                 L("Delete a post (its replies stay, shown under a deleted parent)")},
    MessageSpec {PostLike, Direction::Request, true, likeFields,
                 L("Set or clear the user's like on a post")},
    MessageSpec {PostPin, Direction::Request, true, pinFields,
                 L("Pin a post to the top of its feed (group owners and moderators; admins for "
                   "the company feed)")},
};

constexpr std::array events {
    EventKindSpec {PostCreated, L("the post's feed"), L("`post`, `mentions` (user ids)"),
                   L("A post or reply was written")},
    EventKindSpec {PostEdited, L("the post's feed"), L("`post`"), L("A post's text changed")},
    EventKindSpec {PostDeleted, L("the post's feed"), L("`postId`, `parentId`, `groupId`"),
                   L("A post was deleted")},
    EventKindSpec {PostLiked, L("the post's feed"), L("`postId`, `userId`, `liked`, `likes`"),
                   L("A like was set or taken back")},
    EventKindSpec {PostPinned, L("the post's feed"), L("`postId`, `groupId`, `pinned`"),
                   L("A post was pinned or unpinned")},
    EventKindSpec {FeedFollowed, L("the user only"),
                   L("`kind` (`topic`, `person`), `target`, `on`"),
                   L("The user followed a topic or a person, or stopped")},
};

constexpr CapabilitySpec spec {L("feed"), L("feed"), messages, events};

} // namespace

const CapabilitySpec& capability()
{
    return spec;
}

} // namespace plein::protocol::feed
