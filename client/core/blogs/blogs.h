#pragma once

#include "articlerow.h"
#include "protocol/result.h"

#include <QJsonObject>
#include <QObject>

#include <functional>
#include <optional>

namespace plein::client {

class Cache;
class Drafts;
class Outbox;
class Session;
class SyncEngine;
class Uploads;

// One kept revision of an article (article.revisions, article.revision).
struct RevisionRow
{
    qint64 revision = 0;
    QString kind; // published, edited, restored
    ArticlePerson by;
    QString createdAt;
    qint64 restoredFrom = 0;
    ArticleText text; // title only in a list; all of it from article.revision
};

// The blogs as the app sees them: articles and comments read into the cache, and the writes
// that are not the text itself (likes, comments, unscheduling, deleting, restoring) through
// the outbox, each in the lane `article:<id>`, so they wait offline and go in order. What the
// author writes goes through Drafts.
class Blogs : public QObject
{
    Q_OBJECT

public:
    Blogs(Session& session, Cache& cache, Outbox& outbox, Drafts& drafts, SyncEngine& sync,
          Uploads& uploads, QObject* parent = nullptr);

    Drafts& drafts() { return m_drafts; }
    qint64 userId() const;

    // article.list into the cache: a blog's newest page (groupId 0: the company blog), the
    // user's drafts, a person's articles. blogFetched follows.
    void fetchBlog(qint64 groupId);
    void fetchDrafts();
    void fetchAuthor(qint64 userId);
    // article.get into the cache (its text); articleChanged or articleFetchFailed follows.
    // When the cache holds the text of an older revision, the server sends only what changed
    // since (when that is shorter), which is applied to it and checked.
    void fetchArticle(qint64 articleId);
    // How the texts of article.get arrived: whole, or as the steps from the held text.
    struct TextStats
    {
        int whole = 0;
        int patched = 0;
    };
    TextStats textStats() const { return m_textStats; }
    // comment.list, every page, into the cache; commentsChanged follows.
    void fetchComments(qint64 articleId, qint64 after = 0);

    void requestRevisions(qint64 articleId, QObject* context,
                          std::function<void(const Result<QList<RevisionRow>>&)> reply);
    // One kept revision; with `base` (another revision's text the caller holds) the server
    // may send only the steps from it.
    void requestRevision(qint64 articleId, qint64 revision, QObject* context,
                         std::function<void(const Result<RevisionRow>&)> reply,
                         std::optional<HeldText> base = std::nullopt);

    // The cover of an article on the server (a draft once saved there): the image at `path`
    // uploaded through the outbox before article.cover names it, so it goes when online and
    // resumes after a drop; `error` gets why it was not queued (not an image the app can
    // send, the cache). removeCover takes it off. Each returns the write's clientId.
    QString setCover(qint64 articleId, const QString& path, QString* error = nullptr);
    static inline const QString coverField = QStringLiteral("coverFileId");
    QString removeCover(qint64 articleId);
    // The cover being sent for the article (its outbox write), if any.
    QString pendingCover(qint64 articleId) const;

    // Writes through the outbox; each returns its clientId, empty when it was not stored.
    QString like(qint64 articleId, bool liked);
    QString comment(qint64 articleId, qint64 parentId, const QString& body);
    QString editComment(qint64 articleId, qint64 commentId, const QString& body);
    QString deleteComment(qint64 articleId, qint64 commentId);
    QString likeComment(qint64 articleId, qint64 commentId, bool liked);
    QString unschedule(qint64 articleId);
    QString remove(qint64 articleId);
    QString restore(qint64 articleId, qint64 baseRevision, qint64 revision);

    // The article's comments with those written here and not confirmed yet (last, pending).
    QList<CommentRow> comments(qint64 articleId) const;

    static QString laneOf(qint64 articleId);

Q_SIGNALS:
    void blogFetched(qint64 groupId);
    void articleChanged(qint64 articleId);
    void articleFetchFailed(qint64 articleId, const QString& code, const QString& message);
    void commentsChanged(qint64 articleId);
    // A comment arrived (live or in a catch-up) on an article the user wrote, or mentioning
    // them: for the notification centre.
    void commentForMe(const plein::client::CommentRow& comment, const QString& articleTitle,
                      bool mention);

private:
    friend class BlogsApplier;
    void fetchList(const QJsonObject& payload, qint64 groupId);
    void fetchArticle(qint64 articleId, std::optional<HeldText> base);
    QString queue(QLatin1StringView kind, qint64 articleId, const QJsonObject& payload);

    Session& m_session;
    Cache& m_cache;
    Outbox& m_outbox;
    Drafts& m_drafts;
    SyncEngine& m_sync;
    Uploads& m_uploads;
    TextStats m_textStats;
};

} // namespace plein::client
