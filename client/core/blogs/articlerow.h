#pragma once

#include "files/attachment.h"

#include <QJsonObject>
#include <QList>
#include <QString>
#include <QStringList>

#include <optional>

namespace plein::client {

// Someone named by an article or a comment, as the server sends them.
struct ArticlePerson
{
    qint64 id = 0;
    QString username;
    QString displayName;
    QString department;

    static ArticlePerson fromJson(const QJsonObject& o);
    QJsonObject toJson() const;
    bool operator==(const ArticlePerson&) const = default;
};

// What an author writes: the part of an article that revisions keep and merges compare.
struct ArticleText
{
    QString title;
    QString summary;
    QString body;
    QStringList tags;

    bool operator==(const ArticleText&) const = default;
    static ArticleText fromJson(const QJsonObject& o);
};

// An article as the cache holds it (the server's card, and its text once read whole).
struct ArticleRow
{
    qint64 id = 0;
    qint64 groupId = 0; // 0: the company blog
    QString state; // draft, scheduled, published
    qint64 revision = 0;
    ArticlePerson author;
    QList<ArticlePerson> coAuthors;
    ArticleText text; // text.body is empty while !hasBody
    bool hasBody = false;
    int words = 0;
    int readingMinutes = 1;
    QString createdAt;
    QString changedAt;
    QString publishAt;
    QString publishedAt;
    QString editedAt;
    QString publishError;
    qint64 publishedSeq = 0;
    int likes = 0;
    int comments = 0;
    bool likedByMe = false;
    bool commentsLoaded = false;
    qint64 seq = 0;
    std::optional<Attachment> cover; // the cover image, as the server describes the file

    bool isPublished() const { return state == QLatin1StringView("published"); }
    bool isScheduled() const { return state == QLatin1StringView("scheduled"); }
    bool isAuthor(qint64 userId) const;
    QList<qint64> authorIds() const;
    bool operator==(const ArticleRow&) const = default;

    // Reads an article as the server sends it; `body` only when the JSON has one.
    static ArticleRow fromJson(const QJsonObject& o);
    // The same form, for keeping one in the cache as JSON.
    QJsonObject toJson() const;
};

// A comment or a reply, as the cache holds it.
struct CommentRow
{
    qint64 id = 0;
    qint64 articleId = 0;
    qint64 parentId = 0;
    ArticlePerson author;
    QString body;
    QString createdAt;
    QString editedAt;
    bool deleted = false;
    int likes = 0;
    int replies = 0;
    bool likedByMe = false;
    // A comment written here and not confirmed yet (then `id` is 0).
    QString clientId;
    bool pending = false;
    bool failed = false;
    QString error;

    bool operator==(const CommentRow&) const = default;
    static CommentRow fromJson(const QJsonObject& o);
};

// The text of one revision of an article, as the cache holds it.
struct HeldText
{
    qint64 revision = 0;
    QString body;
};

} // namespace plein::client
