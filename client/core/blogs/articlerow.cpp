#include "articlerow.h"

#include "jsonfields.h"

#include <QJsonArray>

namespace plein::client {

using L = QLatin1StringView;

namespace {

QString orEmpty(const QJsonValue& v)
{
    return v.isString() ? v.toString() : QString();
}

} // namespace

ArticlePerson ArticlePerson::fromJson(const QJsonObject& o)
{
    return ArticlePerson {jsonNumber(o, L("id")), o.value(L("username")).toString(),
                          o.value(L("displayName")).toString(),
                          o.value(L("department")).toString()};
}

QJsonObject ArticlePerson::toJson() const
{
    return QJsonObject {{QStringLiteral("id"), id},
                        {QStringLiteral("username"), username},
                        {QStringLiteral("displayName"), displayName},
                        {QStringLiteral("department"), department}};
}

ArticleText ArticleText::fromJson(const QJsonObject& o)
{
    ArticleText t;
    t.title = o.value(L("title")).toString();
    t.summary = o.value(L("summary")).toString();
    t.body = o.value(L("body")).toString();
    for (const QJsonValue& v : o.value(L("tags")).toArray())
        t.tags.append(v.toString());
    return t;
}

bool ArticleRow::isAuthor(qint64 userId) const
{
    return authorIds().contains(userId);
}

QList<qint64> ArticleRow::authorIds() const
{
    QList<qint64> ids {author.id};
    for (const ArticlePerson& p : coAuthors)
        ids.append(p.id);
    return ids;
}

ArticleRow ArticleRow::fromJson(const QJsonObject& o)
{
    ArticleRow a;
    a.id = jsonNumber(o, L("id"));
    a.groupId = jsonNumber(o, L("groupId"));
    a.state = o.value(L("state")).toString();
    a.revision = jsonNumber(o, L("revision"));
    a.author = ArticlePerson::fromJson(o.value(L("author")).toObject());
    for (const QJsonValue& v : o.value(L("coAuthors")).toArray())
        a.coAuthors.append(ArticlePerson::fromJson(v.toObject()));
    a.text = ArticleText::fromJson(o);
    a.hasBody = o.value(L("body")).isString();
    a.words = o.value(L("words")).toInt();
    a.readingMinutes = std::max(1, o.value(L("readingMinutes")).toInt());
    a.createdAt = orEmpty(o.value(L("createdAt")));
    a.changedAt = orEmpty(o.value(L("changedAt")));
    a.publishAt = orEmpty(o.value(L("publishAt")));
    a.publishedAt = orEmpty(o.value(L("publishedAt")));
    a.editedAt = orEmpty(o.value(L("editedAt")));
    a.publishError = orEmpty(o.value(L("publishError")));
    a.publishedSeq = jsonNumber(o, L("publishedSeq"));
    a.likes = o.value(L("likes")).toInt();
    a.comments = o.value(L("comments")).toInt();
    a.likedByMe = o.value(L("likedByMe")).toBool();
    if (const QJsonValue cover = o.value(L("cover")); cover.isObject())
        a.cover = Attachment::fromJson(cover.toObject()); // checked: malformed is none
    return a;
}

QJsonObject ArticleRow::toJson() const
{
    QJsonArray co;
    for (const ArticlePerson& p : coAuthors)
        co.append(p.toJson());
    const auto orNull = [](const QString& s) { return s.isEmpty() ? QJsonValue() : QJsonValue(s); };
    QJsonObject o {{QStringLiteral("id"), id},
                   {QStringLiteral("author"), author.toJson()},
                   {QStringLiteral("coAuthors"), co},
                   {QStringLiteral("groupId"), groupId ? QJsonValue(groupId) : QJsonValue()},
                   {QStringLiteral("state"), state},
                   {QStringLiteral("revision"), revision},
                   {QStringLiteral("title"), text.title},
                   {QStringLiteral("summary"), text.summary},
                   {QStringLiteral("tags"), QJsonArray::fromStringList(text.tags)},
                   {QStringLiteral("words"), words},
                   {QStringLiteral("readingMinutes"), readingMinutes},
                   {QStringLiteral("createdAt"), createdAt},
                   {QStringLiteral("changedAt"), changedAt},
                   {QStringLiteral("publishAt"), orNull(publishAt)},
                   {QStringLiteral("publishedAt"), orNull(publishedAt)},
                   {QStringLiteral("editedAt"), orNull(editedAt)},
                   {QStringLiteral("publishError"), orNull(publishError)},
                   {QStringLiteral("likes"), likes},
                   {QStringLiteral("comments"), comments},
                   {QStringLiteral("likedByMe"), likedByMe}};
    if (publishedSeq > 0)
        o.insert(QStringLiteral("publishedSeq"), publishedSeq);
    if (hasBody)
        o.insert(QStringLiteral("body"), text.body);
    o.insert(QStringLiteral("cover"), cover ? QJsonValue(cover->toJson()) : QJsonValue());
    return o;
}

CommentRow CommentRow::fromJson(const QJsonObject& o)
{
    CommentRow c;
    c.id = jsonNumber(o, L("id"));
    c.articleId = jsonNumber(o, L("articleId"));
    c.parentId = jsonNumber(o, L("parentId"));
    c.author = ArticlePerson::fromJson(o.value(L("author")).toObject());
    c.body = o.value(L("body")).toString();
    c.createdAt = orEmpty(o.value(L("createdAt")));
    c.editedAt = orEmpty(o.value(L("editedAt")));
    c.deleted = o.value(L("deleted")).toBool();
    c.likes = o.value(L("likes")).toInt();
    c.replies = o.value(L("replies")).toInt();
    c.likedByMe = o.value(L("likedByMe")).toBool();
    return c;
}

} // namespace plein::client
