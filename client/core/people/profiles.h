#pragma once

#include "outbox/outboxentry.h"
#include "personrow.h"
#include "protocol/result.h"

#include <QJsonObject>
#include <QList>
#include <QObject>

#include <functional>
#include <optional>

namespace plein::client {

class Cache;
class Outbox;
class Session;
class Uploads;

// A page of people.search, as the server answered it.
struct PeoplePage
{
    QList<PersonRow> people;
    bool more = false;
    QString cursor;
};

// The people capability as the app sees it: the cached people, reads from the server, and
// profile changes through the outbox, in the lane `profile:<id>`, so a change made offline
// goes once the network is back, and one refused holds up nothing else.
class Profiles : public QObject
{
    Q_OBJECT

public:
    // The field of people.update_profile that names the photo.
    static inline const QString photoField = QStringLiteral("photoFileId");

    Profiles(Session& session, Cache& cache, Outbox& outbox, Uploads& uploads,
             QObject* parent = nullptr);

    std::optional<PersonRow> person(qint64 id) const;
    // people.get into the cache; personChanged or personFetchFailed follows.
    void fetchPerson(qint64 id);

    // Changes fields of a profile (the user's own, or anyone's for an administrator):
    // `fields` holds the protocol's names (displayName, jobTitle, expertise, ...). Returns the
    // write's clientId, or an empty string when it could not be stored. With `photoPath`,
    // that image is uploaded first (through the outbox, in the profile's lane) and becomes the
    // photo; `error` gets why the change was not stored when not null.
    QString updateProfile(qint64 userId, const QJsonObject& fields, const QString& photoPath = {},
                          QString* error = nullptr);
    // Whether a change of this person's profile waits in the outbox (and its clientId).
    QString pendingUpdate(qint64 userId) const;
    // That change itself (`failed` with the server's code and message once it was refused),
    // for the page to offer Retry and Discard.
    std::optional<OutboxEntry> pendingWrite(qint64 userId) const;

    // people.search on the server, for directories larger than the cache.
    struct Query
    {
        QString text;
        QString department;
        QString expertise;
        QString interest;
    };
    void requestSearch(const Query& query, const QString& cursor, int limit, QObject* context,
                       std::function<void(const Result<PeoplePage>&)> reply);

    static QString laneOf(qint64 userId);

Q_SIGNALS:
    void personChanged(qint64 id);
    // `code`: the protocol's error code name (not_found: no such person, or not to be shown).
    void personFetchFailed(qint64 id, const QString& code, const QString& message);

private:
    Session& m_session;
    Cache& m_cache;
    Outbox& m_outbox;
    Uploads& m_uploads;
};

} // namespace plein::client
