#include "yamjamsapplier.h"

#include "capabilities/yamjams/yamjamsprotocol.h"
#include "groups/groups.h"
#include "groups/groupstore.h"
#include "jsonfields.h"
#include "outbox/outbox.h"
#include "store/cache.h"
#include "sync/session.h"
#include "sync/syncengine.h"
#include "yamjams.h"
#include "yamjamstore.h"

#include <QJsonArray>

namespace plein::client {

namespace yamjams = protocol::yamjams;
using L = QLatin1StringView;

namespace {

bool names(const QJsonValue& people, qint64 userId)
{
    const QJsonArray list = people.toArray();
    return std::any_of(list.cbegin(), list.cend(), [userId](const QJsonValue& p) {
        return jsonNumber(p.toObject(), L("id")) == userId;
    });
}

} // namespace

YamJamsApplier::YamJamsApplier(Session& session, Cache& cache, YamJams& yamjams, Groups& groups,
                               SyncEngine& sync)
    : m_session(session)
    , m_cache(cache)
    , m_yamjams(yamjams)
    , m_sync(sync)
{
    QObject::connect(&groups, &Groups::membershipChanged, &m_yamjams,
                     [this](qint64, const QString& state) {
                         if (state == QLatin1StringView("member"))
                             return;
                         m_cache.transaction([&]() {
                             YamJamStore store(m_cache);
                             const QList<YamJamCard> all = store.current() + store.past(1000);
                             for (const YamJamCard& c : all) {
                                 if (!takesPart(c.card) && !store.remove(c.id))
                                     return false;
                             }
                             return true;
                         });
                     });
}

bool YamJamsApplier::takesPart(const QJsonObject& card) const
{
    const qint64 me = m_sync.userId();
    const QJsonObject audience = card.value(L("audience")).toObject();
    if (audience.value(L("everyone")).toBool() || jsonNumber(card, L("createdBy")) == me
        || names(card.value(L("hosts")), me) || names(card.value(L("organisers")), me)
        || names(audience.value(L("people")), me))
        return true;
    const QList<qint64> mine = GroupStore(m_cache).memberGroupIds();
    const QJsonArray groups = audience.value(L("groupIds")).toArray();
    return std::any_of(groups.cbegin(), groups.cend(), [&mine](const QJsonValue& g) {
        return mine.contains(qint64(g.toDouble()));
    });
}

bool YamJamsApplier::storeCard(const QJsonObject& card, qint64 seq, bool announced)
{
    const qint64 id = jsonNumber(card, L("id"));
    YamJamStore store(m_cache);
    if (!takesPart(card))
        return store.remove(id);
    const bool known = store.card(id).has_value();
    if (!store.upsert(card, seq))
        return false;
    const qint64 me = m_sync.userId();
    if (announced && !known && jsonNumber(card, L("createdBy")) != me) {
        const auto stored = store.card(id);
        if (stored) {
            const QString role = stored->isHost(me) ? QStringLiteral("host")
                : stored->isOrganiser(me)           ? QStringLiteral("organiser")
                                                    : QString();
            m_cache.afterCommit(
                [this, c = *stored, role]() { Q_EMIT m_yamjams.announced(c, role); });
        }
    }
    return true;
}

void YamJamsApplier::registerWith(SyncEngine& sync, Outbox& outbox)
{
    sync.registerApplier(QString(yamjams::YamJamCreated), [this](const SyncEvent& e) {
        return storeCard(e.data.value(L("yamjam")).toObject(), e.seq, true);
    });
    sync.registerApplier(QString(yamjams::YamJamUpdated), [this](const SyncEvent& e) {
        return storeCard(e.data.value(L("yamjam")).toObject(), e.seq, false);
    });
    // The audience's view and the organisers' (and asker's) full one alike: the newest wins.
    for (QLatin1StringView kind : {yamjams::YamJamQuestion, yamjams::YamJamQueued}) {
        sync.registerApplier(QString(kind), [this](const SyncEvent& e) {
            return YamJamStore(m_cache).storeQuestion(e.data.value(L("question")).toObject(),
                                                      e.seq);
        });
    }
    sync.registerApplier(QString(yamjams::YamJamVoted), [this](const SyncEvent& e) {
        const bool mine = jsonNumber(e.data, L("userId")) == m_sync.userId();
        return YamJamStore(m_cache).setVotes(
            jsonNumber(e.data, L("questionId")), e.data.value(L("votes")).toInt(),
            mine ? std::optional(e.data.value(L("voted")).toBool()) : std::nullopt, e.seq);
    });

    // The outbox's writes: each answer applied as its event would be (the event, which
    // follows, has the newer number).
    const auto applyCard = [this](const OutboxEntry&, const QJsonObject& r) {
        return storeCard(r.value(L("yamjam")).toObject(), 0, false);
    };
    for (QLatin1StringView kind : {yamjams::YamJamCreate, yamjams::YamJamUpdate,
                                   yamjams::YamJamDecline, yamjams::YamJamEnd}) {
        WriteKind k;
        k.kind = QString(kind);
        k.applyResult = applyCard;
        outbox.registerKind(k);
    }
    const auto applyQuestion = [this](const OutboxEntry&, const QJsonObject& r) {
        return YamJamStore(m_cache).storeQuestion(r.value(L("question")).toObject(), 0);
    };
    for (QLatin1StringView kind : {yamjams::YamJamAsk, yamjams::YamJamAnswer,
                                   yamjams::YamJamModerate, yamjams::YamJamEditQuestion}) {
        WriteKind k;
        k.kind = QString(kind);
        k.applyResult = applyQuestion;
        outbox.registerKind(k);
    }
    WriteKind vote;
    vote.kind = QString(yamjams::YamJamVote);
    vote.applyResult = [this](const OutboxEntry&, const QJsonObject& r) {
        return YamJamStore(m_cache).setVotes(jsonNumber(r, L("questionId")),
                                             r.value(L("votes")).toInt(),
                                             r.value(L("voted")).toBool(), 0);
    };
    outbox.registerKind(vote);
    WriteKind merge;
    merge.kind = QString(yamjams::YamJamMerge);
    merge.applyResult = [](const OutboxEntry&, const QJsonObject&) {
        return true; // its two question events say what changed
    };
    outbox.registerKind(merge);
}

void YamJamsApplier::rebuild(std::function<void(const Result<qint64>& head)> done)
{
    if (!m_cache.transaction([this]() { return YamJamStore(m_cache).clear(); })) {
        done(makeError(protocol::ErrorCode::Internal,
                       QStringLiteral("cannot clear the YamJams: %1").arg(m_cache.lastError())));
        return;
    }
    readList(0, std::numeric_limits<qint64>::max(), std::move(done));
}

void YamJamsApplier::readList(int step, qint64 lowest,
                              std::function<void(const Result<qint64>& head)> done)
{
    if (step == 2) {
        done(lowest);
        return;
    }
    const QJsonObject payload {
        {QStringLiteral("filter"), step == 0 ? QStringLiteral("current") : QStringLiteral("past")},
        {QStringLiteral("limit"), yamjams::maxListPage}};
    m_session.request(yamjams::YamJamList, payload, &m_yamjams,
                      [this, step, lowest, done](const Result<QJsonObject>& r) {
                          if (!r) {
                              done(r.error());
                              return;
                          }
                          m_yamjams.storeList(r.value());
                          readList(step + 1, std::min(lowest, jsonNumber(r.value(), L("head"))),
                                   done);
                      });
}

} // namespace plein::client
