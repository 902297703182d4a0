#include "yamjams.h"

#include "capabilities/yamjams/yamjamsprotocol.h"
#include "jsonfields.h"
#include "outbox/outbox.h"
#include "store/cache.h"
#include "sync/connection.h"
#include "sync/session.h"

#include <QJsonArray>

namespace plein::client {

namespace yamjams = protocol::yamjams;
using L = QLatin1StringView;

YamJams::YamJams(Session& session, Connection& connection, Cache& cache, Outbox& outbox,
                 QObject* parent)
    : QObject(parent)
    , m_session(session)
    , m_connection(connection)
    , m_cache(cache)
    , m_outbox(outbox)
{
    connect(&m_session, &Session::pushed, this, [this](const QString& name, const QJsonObject& p) {
        if (name != yamjams::YamJamLive)
            return;
        Q_EMIT live(jsonNumber(p, L("yamjamId")), p.value(L("present")).toInt(),
                    jsonNumber(p, L("answering")));
    });
    // A new connection is in no room: the open pages enter theirs again.
    connect(&m_connection, &Connection::authenticated, this, [this]() {
        for (qint64 id : std::as_const(m_rooms)) {
            m_session.request(yamjams::YamJamJoin, {{QStringLiteral("yamjamId"), id}}, this,
                              [this, id](const Result<QJsonObject>& r) {
                                  if (r)
                                      Q_EMIT live(id, r->value(L("present")).toInt(),
                                                  jsonNumber(r.value(), L("answering")));
                              });
        }
    });
}

QString YamJams::laneOf(qint64 yamjamId)
{
    return QStringLiteral("yamjam:%1").arg(yamjamId);
}

QString YamJams::queue(QLatin1StringView kind, qint64 yamjamId, const QJsonObject& payload)
{
    return m_outbox.add(OutboxDraft {QString(kind), laneOf(yamjamId),
                                     QStringLiteral("yamjam:%1").arg(yamjamId), payload});
}

void YamJams::storeList(const QJsonObject& answer)
{
    const qint64 head = jsonNumber(answer, L("head"));
    YamJamStore store(m_cache);
    m_cache.transaction([&]() {
        for (const QJsonValue& v : answer.value(L("yamjams")).toArray()) {
            if (!store.upsert(v.toObject(), head))
                return false;
        }
        return true;
    });
}

void YamJams::fetchList()
{
    for (const QString& filter : {QStringLiteral("current"), QStringLiteral("past")}) {
        m_session.request(
            yamjams::YamJamList,
            {{QStringLiteral("filter"), filter}, {QStringLiteral("limit"), yamjams::maxListPage}},
            this, [this, filter](const Result<QJsonObject>& r) {
                if (!r)
                    return;
                storeList(r.value());
                if (filter == L("past"))
                    Q_EMIT listRead();
            });
    }
}

void YamJams::fetchCard(qint64 yamjamId)
{
    m_session.request(
        yamjams::YamJamGet, {{QStringLiteral("yamjamId"), yamjamId}}, this,
        [this, yamjamId](const Result<QJsonObject>& r) {
            if (!r) {
                // Not (or no longer) one the user takes part in.
                if (r.error().code == protocol::ErrorCode::NotFound)
                    m_cache.transaction([&]() { return YamJamStore(m_cache).remove(yamjamId); });
                return;
            }
            const QJsonObject card = r->value(L("yamjam")).toObject();
            m_cache.transaction([&]() {
                return YamJamStore(m_cache).upsert(card, jsonNumber(r.value(), L("head")));
            });
        });
}

void YamJams::fetchQuestions(qint64 yamjamId)
{
    // Read from the start each time: a page is small (200), and what arrives meanwhile is kept
    // by the events, which are never older than the read's head.
    struct Reader
    {
        static void page(YamJams* self, qint64 yamjamId, qint64 after)
        {
            QJsonObject payload {{QStringLiteral("yamjamId"), yamjamId},
                                 {QStringLiteral("limit"), yamjams::maxQuestionPage}};
            if (after > 0)
                payload.insert(QStringLiteral("after"), after);
            self->m_session.request(
                yamjams::YamJamQuestions, payload, self,
                [self, yamjamId, after](const Result<QJsonObject>& r) {
                    if (!r) {
                        Q_EMIT self->failed(r.error().message);
                        return;
                    }
                    const qint64 head = jsonNumber(r.value(), L("head"));
                    qint64 last = after;
                    YamJamStore store(self->m_cache);
                    const bool ok = self->m_cache.transaction([&]() {
                        for (const QJsonValue& v : r->value(L("questions")).toArray()) {
                            last = std::max(last, jsonNumber(v.toObject(), L("id")));
                            if (!store.storeQuestion(v.toObject(), head))
                                return false;
                        }
                        return store.markQuestionsLoaded(yamjamId);
                    });
                    if (ok && r->value(L("more")).toBool() && last > after)
                        page(self, yamjamId, last);
                    else
                        Q_EMIT self->questionsRead(yamjamId);
                });
        }
    };
    Reader::page(this, yamjamId, 0);
}

QString YamJams::create(const QJsonObject& settings)
{
    return m_outbox.add(OutboxDraft {QString(yamjams::YamJamCreate), QStringLiteral("yamjams"),
                                     QStringLiteral("yamjams"), settings});
}

QString YamJams::update(qint64 yamjamId, const QJsonObject& changes)
{
    QJsonObject payload = changes;
    payload.insert(QStringLiteral("yamjamId"), yamjamId);
    return queue(yamjams::YamJamUpdate, yamjamId, payload);
}

QString YamJams::decline(qint64 yamjamId)
{
    return queue(yamjams::YamJamDecline, yamjamId, {{QStringLiteral("yamjamId"), yamjamId}});
}

QString YamJams::end(qint64 yamjamId)
{
    return queue(yamjams::YamJamEnd, yamjamId, {{QStringLiteral("yamjamId"), yamjamId}});
}

QString YamJams::ask(qint64 yamjamId, const QString& body, bool anonymous)
{
    return queue(yamjams::YamJamAsk, yamjamId,
                 {{QStringLiteral("yamjamId"), yamjamId},
                  {QStringLiteral("body"), body},
                  {QStringLiteral("anonymous"), anonymous}});
}

QString YamJams::vote(qint64 yamjamId, qint64 questionId, bool voted)
{
    // Shown at once: the toggle flips and the count moves; the answer or the event sets both.
    m_cache.transaction([&]() {
        YamJamStore store(m_cache);
        const auto q = store.question(questionId);
        if (!q || q->votedByMe == voted)
            return true;
        return store.setVotes(questionId, std::max(0, q->votes + (voted ? 1 : -1)), voted, 0);
    });
    return queue(yamjams::YamJamVote, yamjamId,
                 {{QStringLiteral("questionId"), questionId}, {QStringLiteral("voted"), voted}});
}

QString YamJams::answer(qint64 yamjamId, qint64 questionId, const QString& body, bool live)
{
    return queue(yamjams::YamJamAnswer, yamjamId,
                 {{QStringLiteral("questionId"), questionId},
                  {QStringLiteral("body"), body},
                  {QStringLiteral("live"), live}});
}

QString YamJams::moderate(qint64 yamjamId, qint64 questionId, const QString& action,
                          const QString& reason)
{
    QJsonObject payload {{QStringLiteral("questionId"), questionId},
                         {QStringLiteral("action"), action}};
    if (!reason.isEmpty())
        payload.insert(QStringLiteral("reason"), reason);
    return queue(yamjams::YamJamModerate, yamjamId, payload);
}

QString YamJams::editQuestion(qint64 yamjamId, qint64 questionId, const QString& body,
                              const QString& reason)
{
    QJsonObject payload {{QStringLiteral("questionId"), questionId},
                         {QStringLiteral("body"), body}};
    if (!reason.isEmpty())
        payload.insert(QStringLiteral("reason"), reason);
    return queue(yamjams::YamJamEditQuestion, yamjamId, payload);
}

QString YamJams::merge(qint64 yamjamId, qint64 questionId, qint64 intoId)
{
    return queue(yamjams::YamJamMerge, yamjamId,
                 {{QStringLiteral("questionId"), questionId}, {QStringLiteral("intoId"), intoId}});
}

void YamJams::enterRoom(qint64 yamjamId)
{
    m_rooms.insert(yamjamId);
    m_session.request(yamjams::YamJamJoin, {{QStringLiteral("yamjamId"), yamjamId}}, this,
                      [this, yamjamId](const Result<QJsonObject>& r) {
                          if (r)
                              Q_EMIT live(yamjamId, r->value(L("present")).toInt(),
                                          jsonNumber(r.value(), L("answering")));
                      });
}

void YamJams::leaveRoom(qint64 yamjamId)
{
    if (!m_rooms.remove(yamjamId))
        return;
    m_session.request(yamjams::YamJamLeave, {{QStringLiteral("yamjamId"), yamjamId}}, this,
                      [](const Result<QJsonObject>&) {});
}

void YamJams::feature(qint64 yamjamId, qint64 questionId)
{
    QJsonObject payload {{QStringLiteral("yamjamId"), yamjamId}};
    if (questionId > 0)
        payload.insert(QStringLiteral("questionId"), questionId);
    m_session.request(yamjams::YamJamFeature, payload, this, [this](const Result<QJsonObject>& r) {
        if (!r)
            Q_EMIT failed(r.error().message);
    });
}

} // namespace plein::client
