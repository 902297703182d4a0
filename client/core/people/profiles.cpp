#include "profiles.h"

#include "capabilities/people/peopleprotocol.h"
#include "files/uploads.h"
#include "outbox/outbox.h"
#include "outbox/outboxstore.h"
#include "peoplestore.h"
#include "protocol/errorcode.h"
#include "store/cache.h"
#include "sync/session.h"

#include <QJsonArray>

namespace plein::client {

namespace people = protocol::people;

Profiles::Profiles(Session& session, Cache& cache, Outbox& outbox, Uploads& uploads,
                   QObject* parent)
    : QObject(parent)
    , m_session(session)
    , m_cache(cache)
    , m_outbox(outbox)
    , m_uploads(uploads)
{ }

QString Profiles::laneOf(qint64 userId)
{
    return QStringLiteral("profile:%1").arg(userId);
}

std::optional<PersonRow> Profiles::person(qint64 id) const
{
    return PeopleStore(m_cache).person(id);
}

void Profiles::fetchPerson(qint64 id)
{
    m_session.request(
        people::PeopleGet, QJsonObject {{QStringLiteral("userId"), id}}, this,
        [this, id](const Result<QJsonObject>& r) {
            if (!r) {
                Q_EMIT personFetchFailed(id, protocol::errorCodeName(r.error().code),
                                         r.error().message);
                return;
            }
            const PersonRow p
                = PersonRow::fromProfile(r->value(QLatin1StringView("profile")).toObject());
            const bool stored
                = m_cache.transaction([&]() { return PeopleStore(m_cache).storeProfile(p); });
            if (!stored) {
                Q_EMIT personFetchFailed(id, QStringLiteral("internal"), m_cache.lastError());
                return;
            }
            Q_EMIT personChanged(id);
        });
}

QString Profiles::updateProfile(qint64 userId, const QJsonObject& fields, const QString& photoPath,
                                QString* error)
{
    QJsonObject payload = fields;
    payload.insert(QStringLiteral("userId"), userId);
    const OutboxDraft draft {QString(people::PeopleUpdateProfile), laneOf(userId),
                             QStringLiteral("person:%1").arg(userId), payload};
    if (photoPath.isEmpty()) {
        const QString id = m_outbox.add(draft);
        if (id.isEmpty() && error)
            *error = tr("the change could not be stored on this computer");
        return id;
    }
    const Result<QString> queued = m_uploads.addAs(draft, photoPath, photoField);
    if (!queued) {
        if (error)
            *error = queued.error().message;
        return {};
    }
    return queued.value();
}

QString Profiles::pendingUpdate(qint64 userId) const
{
    const auto entry = pendingWrite(userId);
    return entry ? entry->clientId : QString();
}

std::optional<OutboxEntry> Profiles::pendingWrite(qint64 userId) const
{
    const QString lane = laneOf(userId);
    for (const OutboxEntry& e :
         OutboxStore(m_cache).entries({QString(people::PeopleUpdateProfile)})) {
        if (e.lane == lane)
            return e;
    }
    return std::nullopt;
}

void Profiles::requestSearch(const Query& query, const QString& cursor, int limit, QObject* context,
                             std::function<void(const Result<PeoplePage>&)> reply)
{
    QJsonObject payload {{QStringLiteral("limit"), limit}};
    for (auto [name, value] : {std::pair {QStringLiteral("query"), &query.text},
                               std::pair {QStringLiteral("department"), &query.department},
                               std::pair {QStringLiteral("expertise"), &query.expertise},
                               std::pair {QStringLiteral("interest"), &query.interest},
                               std::pair {QStringLiteral("cursor"), &cursor}}) {
        if (!value->isEmpty())
            payload.insert(name, *value);
    }
    m_session.request(people::PeopleSearch, payload, context,
                      [reply = std::move(reply)](const Result<QJsonObject>& r) {
                          if (!r) {
                              reply(r.error());
                              return;
                          }
                          PeoplePage page;
                          for (const QJsonValue& p :
                               r->value(QLatin1StringView("people")).toArray())
                              page.people.append(PersonRow::fromProfile(p.toObject()));
                          page.more = r->value(QLatin1StringView("more")).toBool();
                          page.cursor = r->value(QLatin1StringView("cursor")).toString();
                          reply(page);
                      });
}

} // namespace plein::client
