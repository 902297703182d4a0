#include "capabilities/blogs/blogsprotocol.h"

#include "protocol/fields.h"
#include "protocol/limits.h"

#include <array>

namespace plein::protocol::blogs {

namespace {

using L = QLatin1StringView;

constexpr FieldSpec articleIdField {L("articleId"), FieldType::Id,   true, 1,
                                    maxSafeInteger, L("The article")};
constexpr FieldSpec baseRevisionField {
    L("baseRevision"),
    FieldType::Integer,
    true,
    0,
    maxSafeInteger,
    L("The article's revision this change was made on (0 for a new article); an older one is "
      "`stale_revision`")};
constexpr FieldSpec titleField {L("title"), FieldType::String, true,
                                1,          maxTitleChars,     L("Title, one line")};
constexpr FieldSpec summaryField {
    L("summary"),    FieldType::Text,
    false,           0,
    maxSummaryChars, L("A short summary for the article's card (plain text)")};
constexpr FieldSpec bodyField {L("body"), FieldType::Text, true,
                               0,         maxBodyChars,    L("Markdown text")};
constexpr FieldSpec tagsField {L("tags"), FieldType::StringList,
                               false,     0,
                               maxTags,   L("#topics (case-folded, NFC, without '#')")};
constexpr FieldSpec coAuthorsField {
    L("coAuthors"), FieldType::IdList,
    false,          0,
    maxCoAuthors,   L("Active users who may edit it too (set by its owner; left out: unchanged)")};

constexpr std::array saveFields {
    clientIdField,
    FieldSpec {L("articleId"), FieldType::Id, false, 1, maxSafeInteger,
               L("The draft to save; without it a new draft")},
    FieldSpec {L("groupId"), FieldType::Id, false, 1, maxSafeInteger,
               L("A new draft's blog: the group's (members only); without it the company blog")},
    baseRevisionField,
    titleField,
    summaryField,
    bodyField,
    tagsField,
    coAuthorsField,
};
constexpr std::array publishFields {
    clientIdField,
    articleIdField,
    baseRevisionField,
    FieldSpec {L("at"), FieldType::String, false, 20, 30,
               L("ISO 8601 UTC time to publish at (scheduled; at most 366 days ahead); without "
                 "it, or in the past, now")},
};
constexpr std::array unscheduleFields {
    clientIdField,
    articleIdField,
};
constexpr std::array editFields {
    clientIdField, articleIdField, baseRevisionField, titleField,
    summaryField,  bodyField,      tagsField,         coAuthorsField,
};
constexpr std::array restoreFields {
    clientIdField,
    articleIdField,
    baseRevisionField,
    FieldSpec {L("revision"), FieldType::Integer, true, 1, maxSafeInteger,
               L("The kept revision whose text becomes the newest")},
};
constexpr std::array coverFields {
    clientIdField,
    articleIdField,
    FieldSpec {L("coverFileId"), FieldType::String, true, 0, 64,
               L("An uploaded image (PNG, JPEG, GIF, WebP) the user may see; \"\" for none")},
};
constexpr std::array deleteFields {
    clientIdField,
    articleIdField,
};
// The revision whose text the client holds: the answer may then carry the steps from it
// (`bodyDelta`) instead of the whole text.
constexpr FieldSpec haveField {L("have"),      FieldType::Integer,
                               false,          1,
                               maxSafeInteger, L("A revision whose text the client holds")};
constexpr std::array getFields {
    articleIdField,
    haveField,
};
constexpr std::array listFields {
    FieldSpec {L("groupId"), FieldType::Id, false, 1, maxSafeInteger,
               L("The group's blog; without it (and without `authorId`) the company blog")},
    FieldSpec {L("authorId"), FieldType::Id, false, 1, maxSafeInteger,
               L("The published articles this person wrote or co-wrote, in every blog the user "
                 "reads")},
    FieldSpec {L("drafts"), FieldType::Bool, false, 0, 0,
               L("true: the drafts and scheduled articles the user is an author of, newest first")},
    FieldSpec {L("before"), FieldType::Id, false, 1, maxSafeInteger,
               L("Page on: the `next` of the previous answer")},
    FieldSpec {L("limit"), FieldType::Integer, false, 1, maxListPage, L("Most articles")},
};
constexpr std::array revisionsFields {
    articleIdField,
};
constexpr std::array revisionFields {
    articleIdField,
    FieldSpec {L("revision"), FieldType::Integer, true, 1, maxSafeInteger, L("A kept revision")},
    haveField,
};

constexpr std::array articleLikeFields {
    clientIdField,
    articleIdField,
    FieldSpec {L("liked"), FieldType::Bool, true, 0, 0, L("true to like, false to take it back")},
};
constexpr FieldSpec commentIdField {L("commentId"), FieldType::Id,   true, 1,
                                    maxSafeInteger, L("The comment")};
constexpr std::array commentCreateFields {
    clientIdField,
    articleIdField,
    FieldSpec {L("parentId"), FieldType::Id, false, 1, maxSafeInteger,
               L("The comment this one answers (a reply to a reply joins its thread)")},
    FieldSpec {L("body"), FieldType::Text, true, 1, maxCommentChars, L("Markdown text")},
};
constexpr std::array commentEditFields {
    clientIdField,
    commentIdField,
    FieldSpec {L("body"), FieldType::Text, true, 1, maxCommentChars, L("New Markdown text")},
};
constexpr std::array commentDeleteFields {
    clientIdField,
    commentIdField,
};
constexpr std::array commentLikeFields {
    clientIdField,
    commentIdField,
    FieldSpec {L("liked"), FieldType::Bool, true, 0, 0, L("true to like, false to take it back")},
};
constexpr std::array commentListFields {
    articleIdField,
    FieldSpec {L("after"), FieldType::Id, false, 1, maxSafeInteger,
               L("Comments newer than this comment id")},
    FieldSpec {L("limit"), FieldType::Integer, false, 1, maxCommentPage, L("Most comments")},
};

constexpr std::array messages {
    MessageSpec {ArticleSave, Direction::Request, true, saveFields,
                 L("Save a draft (an article not yet published): a new one, or again")},
    MessageSpec {ArticlePublish, Direction::Request, true, publishFields,
                 L("Publish a draft now, or schedule it (again, to move the time)")},
    MessageSpec {ArticleUnschedule, Direction::Request, true, unscheduleFields,
                 L("Take a scheduled article back to a draft")},
    MessageSpec {ArticleEdit, Direction::Request, true, editFields,
                 L("Change a published article: a new revision")},
    MessageSpec {ArticleRestore, Direction::Request, true, restoreFields,
                 L("Make an older revision's text the newest revision")},
    MessageSpec {ArticleCover, Direction::Request, true, coverFields,
                 L("Set or take off an article's cover image (no revision)")},
    MessageSpec {ArticleDelete, Direction::Request, true, deleteFields,
                 L("Delete an article with its revisions")},
    MessageSpec {ArticleGet, Direction::Request, true, getFields,
                 L("An article with its text (a draft: its authors only)")},
    MessageSpec {ArticleList, Direction::Request, true, listFields,
                 L("A page of a blog's articles, newest first, without their text")},
    MessageSpec {ArticleRevisions, Direction::Request, true, revisionsFields,
                 L("The kept revisions of an article: who, when, what kind")},
    MessageSpec {ArticleRevision, Direction::Request, true, revisionFields,
                 L("One kept revision with its text")},
    MessageSpec {ArticleLike, Direction::Request, true, articleLikeFields,
                 L("Set or clear the user's like on a published article")},
    MessageSpec {CommentCreate, Direction::Request, true, commentCreateFields,
                 L("Comment on a published article, or reply to a comment")},
    MessageSpec {CommentEdit, Direction::Request, true, commentEditFields,
                 L("Replace a comment's text (its author or an admin)")},
    MessageSpec {CommentDelete, Direction::Request, true, commentDeleteFields,
                 L("Delete a comment (its replies stay, under a deleted comment)")},
    MessageSpec {CommentLike, Direction::Request, true, commentLikeFields,
                 L("Set or clear the user's like on a comment")},
    MessageSpec {CommentList, Direction::Request, true, commentListFields,
                 L("A page of an article's comments and replies, oldest first")},
};

constexpr std::array events {
    EventKindSpec {ArticleDraft, L("the article's authors only"), L("`article` (no `body`)"),
                   L("A draft was saved, scheduled, unscheduled, or its publishing failed")},
    EventKindSpec {ArticlePublished, L("the article's blog"), L("`article` (no `body`)"),
                   L("An article was published")},
    EventKindSpec {ArticleEdited, L("the article's blog"), L("`article` (no `body`)"),
                   L("A published article has a new revision")},
    EventKindSpec {ArticleDeleted, L("the article's blog, or a draft's authors"),
                   L("`articleId`, `groupId`"), L("An article was deleted")},
    EventKindSpec {ArticleLiked, L("the article's blog"),
                   L("`articleId`, `userId`, `liked`, `likes`"),
                   L("A like on an article was set or taken back")},
    EventKindSpec {CommentCreated, L("the article's blog"),
                   L("`comment`, `articleAuthors`, `mentions` (user ids)"),
                   L("A comment or reply was written")},
    EventKindSpec {CommentEdited, L("the article's blog"), L("`comment`"),
                   L("A comment's text changed")},
    EventKindSpec {CommentDeleted, L("the article's blog"),
                   L("`commentId`, `articleId`, `comments`"), L("A comment was deleted")},
    EventKindSpec {CommentLiked, L("the article's blog"),
                   L("`commentId`, `articleId`, `userId`, `liked`, `likes`"),
                   L("A like on a comment was set or taken back")},
};

constexpr CapabilitySpec spec {L("blogs"), Feature, messages, events};

} // namespace

const CapabilitySpec& capability()
{
    return spec;
}

int wordCount(QStringView text)
{
    int words = 0;
    bool inWord = false;
    for (const QChar c : text) {
        const bool space = c.isSpace();
        if (!space && !inWord)
            ++words;
        inWord = !space;
    }
    return words;
}

} // namespace plein::protocol::blogs
