#pragma once

#include "protocol/result.h"

#include <QJsonObject>
#include <QList>
#include <QString>
#include <QStringList>

#include <optional>

namespace plein::server {

class Database;

enum class ArticleState { Draft, Scheduled, Published };

QString articleStateName(ArticleState state);

struct ArticlePerson
{
    qint64 id = 0;
    QString username;
    QString displayName;
    QString department;

    QJsonObject toJson() const;
};

// An article as stored: its current text and state.
struct Article
{
    qint64 id = 0;
    ArticlePerson author; // the owner
    QList<ArticlePerson> coAuthors;
    qint64 groupId = 0; // 0: the company blog
    ArticleState state = ArticleState::Draft;
    qint64 revision = 0;
    QString title;
    QString summary;
    QString body;
    QStringList tags;
    int words = 0;
    QString createdAt;
    QString changedAt;
    QString publishAt;
    QString publishedAt;
    QString editedAt;
    qint64 publishedSeq = 0;
    QString publishError;
    int likes = 0;
    int comments = 0;
    bool likedByMe = false; // in answers to one user only
    // The cover image's file (as `attachments` describe files), or null: the blog service
    // fills it in from the files capability (owner kind "article").
    QJsonValue cover;

    bool isDraft() const { return state != ArticleState::Published; }
    // The owner and the co-authors.
    QList<qint64> authorIds() const;
    bool isAuthor(qint64 userId) const { return authorIds().contains(userId); }
    // Its card (everything but the body) and, with `withBody`, the text and `likedByMe`.
    QJsonObject toJson(bool withBody) const;
};

// The text of a change, as a write gives it.
struct ArticleText
{
    QString title;
    QString summary;
    QString body;
    QStringList tags;
};

// A kept revision.
struct ArticleRevisionRow
{
    qint64 revision = 0;
    QString kind; // published, edited, restored
    ArticlePerson by;
    ArticleText text;
    qint64 restoredFrom = 0;
    QString createdAt;

    QJsonObject toJson(bool withText) const;
};

// Articles, their authors and their kept revisions. Methods run in the caller's transaction
// and check nothing about who may see what: the blog service does.
class BlogStore
{
public:
    explicit BlogStore(Database& db)
        : m_db(db)
    { }

    // A new draft at revision 1, with the owner among its authors; its id.
    Result<qint64> insertDraft(qint64 ownerId, qint64 groupId, const ArticleText& text);
    // The text, as revision `base` + 1, only if the article is still at `base`: false when
    // another change came first.
    Result<bool> updateText(qint64 articleId, qint64 base, const ArticleText& text, bool edited);
    Result<bool> setAuthors(qint64 articleId, qint64 ownerId, const QList<qint64>& coAuthors);
    // Scheduled for `at`, or back to a draft (`at` empty), with the reason of a failure; only
    // if still at `revision` and not published.
    Result<bool> setSchedule(qint64 articleId, qint64 revision, const QString& at,
                             const QString& error = {});
    // Published as of event `seq`, only if still at `revision` and not published (and, with
    // `scheduledAt`, still scheduled for that time).
    Result<bool> markPublished(qint64 articleId, qint64 revision, qint64 seq,
                               const QString& scheduledAt = {});
    Result<bool> keepRevision(qint64 articleId, qint64 revision, const QString& kind, qint64 userId,
                              const ArticleText& text, qint64 restoredFrom = 0);
    Result<bool> remove(qint64 articleId);

    std::optional<Article> find(qint64 articleId);
    bool likedBy(qint64 articleId, qint64 userId);
    Result<QList<ArticleRevisionRow>> revisions(qint64 articleId);
    std::optional<ArticleRevisionRow> revision(qint64 articleId, qint64 revision);

    // Published articles of a blog (groupId 0: the company's), newest first, published before
    // event `before` and after `visibleFrom`.
    Result<QList<Article>> blog(qint64 groupId, qint64 before, int limit, qint64 visibleFrom);
    // Published articles `authorId` wrote or co-wrote that `viewerId` may read (the company
    // blog; a group's for everyone in a public group, its members from their history rule on,
    // admins in any), newest first.
    Result<QList<Article>> byAuthor(qint64 authorId, qint64 viewerId, bool admin, qint64 before,
                                    int limit);
    // The drafts and scheduled articles `userId` is an author of, newest first; `before`
    // is an article id.
    Result<QList<Article>> drafts(qint64 userId, qint64 before, int limit);
    // Scheduled articles whose time came, oldest first.
    Result<QList<qint64>> due(const QString& now, int limit);
    // The earliest time a scheduled article waits for, if any.
    std::optional<QString> nextDue();

private:
    Result<QList<Article>> select(const QString& where, const QList<QVariant>& values);
    bool fillCoAuthors(QList<Article>& articles);

    Database& m_db;
};

} // namespace plein::server
