#include "yamjamstore.h"

#include "capabilities/yamjams/yamjamsprotocol.h"
#include "jsonfields.h"
#include "store/cache.h"

#include <QDateTime>
#include <QJsonArray>
#include <QJsonDocument>
#include <QSqlError>
#include <QSqlQuery>

namespace plein::client {

namespace yamjams = protocol::yamjams;
using L = QLatin1StringView;

namespace {

QDateTime utc(const QJsonValue& v)
{
    const QString s = v.toString();
    return s.isEmpty() ? QDateTime() : QDateTime::fromString(s, Qt::ISODateWithMs);
}

QString compact(const QJsonObject& o)
{
    return QString::fromUtf8(QJsonDocument(o).toJson(QJsonDocument::Compact));
}

bool names(const QJsonValue& people, qint64 userId)
{
    const QJsonArray list = people.toArray();
    return std::any_of(list.cbegin(), list.cend(), [userId](const QJsonValue& p) {
        return jsonNumber(p.toObject(), L("id")) == userId;
    });
}

YamJamQuestionRow readQuestion(const QSqlQuery& q)
{
    YamJamQuestionRow r;
    r.id = q.value(0).toLongLong();
    r.yamjamId = q.value(1).toLongLong();
    r.state = q.value(2).toString();
    r.votes = q.value(3).toInt();
    r.votedByMe = q.value(4).toInt() != 0;
    r.mine = q.value(5).toInt() != 0;
    r.answered = q.value(6).toInt() != 0;
    r.data = QJsonDocument::fromJson(q.value(7).toString().toUtf8()).object();
    // The row's own columns are the newest word on these.
    r.data.insert(QStringLiteral("votes"), r.votes);
    r.data.insert(QStringLiteral("votedByMe"), r.votedByMe);
    r.data.insert(QStringLiteral("mine"), r.mine);
    return r;
}

const QString questionColumns
    = QStringLiteral("SELECT id, yamjam_id, state, votes, voted_by_me, mine, answered, data FROM "
                     "yamjam_questions ");

} // namespace

QString YamJamCard::phase() const
{
    return QString(yamjams::phaseName(
        yamjams::phaseAt(utc(card.value(L("startsAt"))), utc(card.value(L("endsAt"))),
                         utc(card.value(L("endedAt"))), QDateTime::currentDateTimeUtc())));
}

bool YamJamCard::isHost(qint64 userId) const
{
    return names(card.value(L("hosts")), userId);
}

bool YamJamCard::isOrganiser(qint64 userId) const
{
    return names(card.value(L("organisers")), userId);
}

bool YamJamStore::upsert(const QJsonObject& card, qint64 seq)
{
    const qint64 id = jsonNumber(card, L("id"));
    if (id <= 0 || card.value(L("title")).toString().isEmpty()
        || !utc(card.value(L("startsAt"))).isValid() || !utc(card.value(L("endsAt"))).isValid())
        return true; // malformed: nothing of it is kept
    auto& statements = m_cache.statements();
    if (!statements.run(
            QStringLiteral("INSERT INTO yamjams (id, title, starts_at, ends_at, ended_at, card, "
                           "seq) VALUES (?, ?, ?, ?, ?, ?, ?) ON CONFLICT (id) DO UPDATE SET "
                           "title = excluded.title, starts_at = excluded.starts_at, ends_at = "
                           "excluded.ends_at, ended_at = excluded.ended_at, card = excluded.card, "
                           "seq = excluded.seq WHERE excluded.seq >= yamjams.seq"),
            {id, card.value(L("title")).toString(), card.value(L("startsAt")).toString(),
             card.value(L("endsAt")).toString(),
             // Not ended: '' (a null QString would bind NULL).
             card.value(L("endedAt")).isString() ? card.value(L("endedAt")).toString()
                                                 : QStringLiteral(""),
             compact(card), seq}))
        return m_cache.fail(statements.lastError());
    m_cache.noteChange(yamjamsArea, id);
    return true;
}

bool YamJamStore::remove(qint64 yamjamId)
{
    auto& statements = m_cache.statements();
    if (!statements.run(QStringLiteral("DELETE FROM yamjam_questions WHERE yamjam_id = ?"),
                        {yamjamId})
        || !statements.run(QStringLiteral("DELETE FROM yamjams WHERE id = ?"), {yamjamId}))
        return m_cache.fail(statements.lastError());
    m_cache.noteChange(yamjamsArea, yamjamId);
    m_cache.noteChange(questionsArea);
    return true;
}

bool YamJamStore::clear()
{
    QSqlQuery q(m_cache.database());
    if (!q.exec(QStringLiteral("DELETE FROM yamjam_questions"))
        || !q.exec(QStringLiteral("DELETE FROM yamjams")))
        return m_cache.fail(q.lastError().text());
    m_cache.noteChange(yamjamsArea);
    m_cache.noteChange(questionsArea);
    return true;
}

QList<YamJamCard> YamJamStore::cards(const QString& where, int limit) const
{
    QSqlQuery q(m_cache.database());
    q.setForwardOnly(true);
    q.prepare(QStringLiteral("SELECT id, card, questions_loaded FROM yamjams WHERE %1 LIMIT ?")
                  .arg(where));
    q.addBindValue(limit);
    QList<YamJamCard> out;
    if (!q.exec())
        return out;
    while (q.next())
        out.append(YamJamCard {q.value(0).toLongLong(),
                               QJsonDocument::fromJson(q.value(1).toString().toUtf8()).object(),
                               q.value(2).toInt() != 0});
    return out;
}

std::optional<YamJamCard> YamJamStore::card(qint64 yamjamId) const
{
    const auto list = cards(QStringLiteral("id = %1").arg(yamjamId), 1);
    if (list.isEmpty())
        return std::nullopt;
    return list.first();
}

QList<YamJamCard> YamJamStore::current() const
{
    // Times are UTC text of one form, so they compare as text.
    const QString now = QDateTime::currentDateTimeUtc().toString(Qt::ISODateWithMs);
    return cards(QStringLiteral("ended_at = '' AND ends_at > '%1' ORDER BY starts_at, id").arg(now),
                 1000);
}

QList<YamJamCard> YamJamStore::past(int limit) const
{
    const QString now = QDateTime::currentDateTimeUtc().toString(Qt::ISODateWithMs);
    return cards(QStringLiteral("(ended_at <> '' OR ends_at <= '%1') ORDER BY CASE WHEN ended_at "
                                "<> '' THEN ended_at ELSE ends_at END DESC, id DESC")
                     .arg(now),
                 limit);
}

bool YamJamStore::markQuestionsLoaded(qint64 yamjamId)
{
    auto& statements = m_cache.statements();
    if (!statements.run(QStringLiteral("UPDATE yamjams SET questions_loaded = 1 WHERE id = ?"),
                        {yamjamId}))
        return m_cache.fail(statements.lastError());
    m_cache.noteChange(yamjamsArea, yamjamId);
    return true;
}

bool YamJamStore::storeQuestion(const QJsonObject& question, qint64 seq)
{
    const qint64 id = jsonNumber(question, L("id"));
    const qint64 yamjamId = jsonNumber(question, L("yamjamId"));
    if (id <= 0 || yamjamId <= 0)
        return true;
    auto& statements = m_cache.statements();
    if (!question.contains(L("body"))) {
        if (!statements.run(QStringLiteral("DELETE FROM yamjam_questions WHERE id = ?"), {id}))
            return m_cache.fail(statements.lastError());
        m_cache.noteChange(questionsArea, id);
        return true;
    }
    const auto flag = [&](QLatin1StringView key) {
        return question.contains(key) ? QVariant(question.value(key).toBool() ? 1 : 0) : QVariant();
    };
    if (!statements.run(
            QStringLiteral(
                "INSERT INTO yamjam_questions (id, yamjam_id, state, votes, voted_by_me, mine, "
                "answered, created_at, data, seq) VALUES (?, ?, ?, ?, coalesce(?, 0), "
                "coalesce(?, 0), ?, ?, ?, ?) ON CONFLICT (id) DO UPDATE SET state = "
                "excluded.state, votes = excluded.votes, voted_by_me = coalesce(?, voted_by_me), "
                "mine = coalesce(?, mine), answered = excluded.answered, data = excluded.data, "
                "seq = excluded.seq WHERE excluded.seq >= yamjam_questions.seq"),
            {id, yamjamId, question.value(L("state")).toString(),
             question.value(L("votes")).toInt(), flag(L("votedByMe")), flag(L("mine")),
             question.value(L("answer")).isObject() ? 1 : 0,
             question.value(L("createdAt")).toString(), compact(question), seq,
             flag(L("votedByMe")), flag(L("mine"))}))
        return m_cache.fail(statements.lastError());
    m_cache.noteChange(questionsArea, id);
    return true;
}

bool YamJamStore::setVotes(qint64 questionId, int votes, std::optional<bool> votedByMe, qint64 seq)
{
    auto& statements = m_cache.statements();
    const QVariant mine = votedByMe ? QVariant(*votedByMe ? 1 : 0) : QVariant();
    // A write's answer (seq 0) says the count as of its own moment: it sets it without moving
    // the row's number, so the events before it still count in.
    const bool ok = seq == 0
        ? statements.run(QStringLiteral("UPDATE yamjam_questions SET votes = ?, voted_by_me = "
                                        "coalesce(?, voted_by_me) WHERE id = ?"),
                         {votes, mine, questionId})
        : statements.run(QStringLiteral("UPDATE yamjam_questions SET votes = ?, voted_by_me = "
                                        "coalesce(?, voted_by_me), seq = ? WHERE id = ? AND seq "
                                        "<= ?"),
                         {votes, mine, seq, questionId, seq});
    if (!ok)
        return m_cache.fail(statements.lastError());
    m_cache.noteChange(questionsArea, questionId);
    return true;
}

std::optional<YamJamQuestionRow> YamJamStore::question(qint64 questionId) const
{
    QSqlQuery q(m_cache.database());
    q.prepare(questionColumns + QStringLiteral("WHERE id = ?"));
    q.addBindValue(questionId);
    if (!q.exec() || !q.next())
        return std::nullopt;
    return readQuestion(q);
}

QList<YamJamQuestionRow> YamJamStore::questions(qint64 yamjamId, bool newestFirst) const
{
    QSqlQuery q(m_cache.database());
    q.setForwardOnly(true);
    q.prepare(questionColumns
              + (newestFirst ? QStringLiteral("WHERE yamjam_id = ? ORDER BY id DESC")
                             : QStringLiteral("WHERE yamjam_id = ? ORDER BY votes DESC, id")));
    q.addBindValue(yamjamId);
    QList<YamJamQuestionRow> out;
    if (!q.exec())
        return out;
    while (q.next())
        out.append(readQuestion(q));
    return out;
}

} // namespace plein::client
