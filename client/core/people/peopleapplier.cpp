#include "peopleapplier.h"

#include "capabilities/accounts/accountsprotocol.h"
#include "capabilities/people/peopleprotocol.h"
#include "files/attachmentfield.h"
#include "jsonfields.h"
#include "outbox/outbox.h"
#include "peoplestore.h"
#include "profiles.h"
#include "store/cache.h"
#include "sync/session.h"
#include "sync/syncengine.h"

#include <QJsonArray>

#include <limits>

namespace plein::client {

namespace accounts = protocol::accounts;
namespace people = protocol::people;

void PeopleApplier::registerWith(SyncEngine& sync, Outbox& outbox)
{
    const auto storeAccount = [this](const SyncEvent& e) {
        const QJsonObject user = e.data.value(QLatin1StringView("user")).toObject();
        if (user.isEmpty())
            return true;
        return PeopleStore(m_cache).storeAccount(PersonRow::fromAccount(user));
    };
    for (QLatin1StringView kind : {accounts::UserCreated, accounts::UserUpdated,
                                   accounts::UserActivated, accounts::UserDeactivated})
        sync.registerApplier(QString(kind), storeAccount);
    sync.registerApplier(QString(people::PeopleProfile), [this](const SyncEvent& e) {
        return PeopleStore(m_cache).storeProfile(
            PersonRow::fromProfile(e.data.value(QLatin1StringView("profile")).toObject()));
    });
    WriteKind update {QString(people::PeopleUpdateProfile),
                      [this](const OutboxEntry&, const QJsonObject& result) {
                          return PeopleStore(m_cache).storeProfile(PersonRow::fromProfile(
                              result.value(QLatin1StringView("profile")).toObject()));
                      },
                      {},
                      {},
                      {}};
    // A new photo goes as an upload before the change, which names it once it is there.
    update.carries = [](const QJsonObject& payload) {
        return attachmentfield::uploadOf(payload, Profiles::photoField);
    };
    update.bindCarried = [](QJsonObject& payload, const QString& clientId, const QString& created) {
        attachmentfield::bindOne(payload, Profiles::photoField, clientId, created);
    };
    outbox.registerKind(update);
}

struct PeopleApplier::Reading
{
    QList<PersonRow> people;
    qint64 after = 0; // pages by id: cheap for the server, whatever the names
    qint64 lowestHead = std::numeric_limits<qint64>::max();
    std::function<void(const Result<qint64>&)> done;
};

void PeopleApplier::rebuild(std::function<void(const Result<qint64>& head)> done)
{
    auto reading = std::make_shared<Reading>();
    reading->done = std::move(done);
    readPage(reading);
}

void PeopleApplier::readPage(std::shared_ptr<Reading> reading)
{
    const QJsonObject payload {{QStringLiteral("limit"), people::maxSearchPage},
                               {QStringLiteral("after"), reading->after}};
    m_session.request(
        people::PeopleSearch, payload, &m_profiles, [this, reading](const Result<QJsonObject>& r) {
            if (!r) {
                reading->done(r.error());
                return;
            }
            reading->lowestHead
                = std::min(reading->lowestHead, jsonNumber(r.value(), QLatin1StringView("head")));
            const qint64 before = reading->after;
            for (const QJsonValue& p : r->value(QLatin1StringView("people")).toArray()) {
                reading->people.append(PersonRow::fromProfile(p.toObject()));
                reading->after = std::max(reading->after, reading->people.last().id);
            }
            if (r->value(QLatin1StringView("more")).toBool() && reading->after > before)
                readPage(reading);
            else
                store(reading);
        });
}

void PeopleApplier::store(std::shared_ptr<Reading> reading)
{
    PeopleStore store(m_cache);
    const bool ok = m_cache.transaction([&]() {
        if (!store.clear())
            return false;
        for (const PersonRow& p : std::as_const(reading->people)) {
            if (!store.storeProfile(p))
                return false;
        }
        return true;
    });
    if (!ok) {
        reading->done(
            makeError(protocol::ErrorCode::Internal,
                      QStringLiteral("cannot store the people: %1").arg(m_cache.lastError())));
        return;
    }
    reading->done(reading->lowestHead);
}

} // namespace plein::client
