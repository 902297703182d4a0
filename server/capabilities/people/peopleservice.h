#pragma once

#include "capabilities/people/peoplestore.h"
#include "core/writeservice.h"
#include "protocol/result.h"

#include <QJsonObject>

namespace plein::server {

class Database;
class EventLog;
class FileService;
struct User;

// The people capability's rules. A profile is changed by its person and by administrators;
// anyone logged in reads the profile of an active person. A deactivated person answers like a
// missing one, except to administrators (who may still read and correct the profile), and is
// never listed by the directory or counted by its facets. A photo is an image file the caller
// may see; it is attached to the profile, so it is seen by whoever sees the profile, and a
// photo replaced or removed is detached at once.
class PeopleService
{
public:
    PeopleService(WriteService& writes, PeopleStore& people, EventLog& events, FileService& files)
        : m_writes(writes)
        , m_people(people)
        , m_events(events)
        , m_files(files)
    { }

    // What a profile photo is attached as (file_attachments.owner_kind; the owner is the person).
    static constexpr QLatin1StringView photoOwnerKind {"profile-photo"};

    using Outcome = WriteService::Outcome;

    // The `not_found` answer for a user id, the same whether missing or hidden.
    static protocol::Error notFound(qint64 userId);
    // The profile `user` may see, if any.
    Result<std::optional<Profile>> visible(const User& user, qint64 userId);

    Result<Outcome> updateProfile(const User& user, const QJsonObject& payload);
    Result<QJsonObject> get(const User& user, const QJsonObject& payload);
    // Long reads (HandlerRegistry::addLongRead): on a read-only connection of the read pool.
    static Result<QJsonObject> search(Database& db, const User& user, const QSet<QString>& features,
                                      const QJsonObject& payload);
    static Result<QJsonObject> facets(Database& db, const User& user, const QSet<QString>& features,
                                      const QJsonObject& payload);

private:
    // Checks the photo `p` names (an image the user may see, or none) and attaches it to the
    // profile in place of the one before, in the write's transaction.
    Result<bool> setPhoto(const User& user, const Profile& p);

    WriteService& m_writes;
    PeopleStore& m_people;
    EventLog& m_events;
    FileService& m_files;
};

} // namespace plein::server
