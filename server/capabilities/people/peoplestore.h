#pragma once

#include "capabilities/people/profilefields.h"
#include "protocol/result.h"

#include <QJsonObject>
#include <QList>
#include <QString>

#include <optional>

namespace plein::server {

class Database;

// A person's profile: the account's name and department with what the people capability adds.
struct Profile
{
    qint64 id = 0;
    QString username;
    QString displayName;
    QString department;
    QString jobTitle;
    QString location;
    QString phone;
    QString about;
    QList<protocol::people::Tag> expertise;
    QList<protocol::people::Tag> interests;
    QString photo; // the photo's file id, empty for none
    bool active = true;

    // The `profile` object of answers and of people.profile (`photo` only when there is one).
    QJsonObject toJson() const;
};

struct FacetCount
{
    QString key; // what a filter names (the department itself, or a tag's folded key)
    QString label; // as shown
    int count = 0;
};

// Profiles in SQL, no rules. Methods run in the caller's transaction when there is one.
class PeopleStore
{
public:
    explicit PeopleStore(Database& db)
        : m_db(db)
    { }

    // The profile, none for an id nobody has, or the store's error.
    Result<std::optional<Profile>> find(qint64 userId);
    // The stored name key of a person (what a cursor after them compares with).
    Result<std::optional<QString>> nameKeyOf(qint64 userId);
    // The active administrators, who read deactivated people's profiles.
    Result<QList<qint64>> adminIds();
    // The row of a new account (AccountStore::create, in its transaction), keyed on its name.
    static Result<bool> addAccount(Database& db, qint64 userId, const QString& username,
                                   const QString& displayName);
    // Once after the migration that asks for it (server_meta 'people_rekey'): gives every user
    // a row and folds every key in C++ (SQL's LOWER() folds ASCII only). How many were keyed.
    Result<int> rekey();
    // Stores every field of `profile` (the account's name and department included).
    Result<bool> save(const Profile& profile);

    struct SearchQuery
    {
        QString text; // folded
        QString department;
        QString expertise; // folded key
        QString interest; // folded key
        // Keyset: the page starts after this name key and user id, or after this id when
        // `byId` (the order of ids, what a client's snapshot walks).
        QString afterNameKey;
        qint64 afterId = 0;
        bool byId = false;
        int limit = 50;
    };
    // Active people matching, by folded display name then id (or by id); at most `limit` + 1, so
    // the caller knows whether there is more.
    Result<QList<Profile>> search(const SearchQuery& query);
    // Counts over active people, the largest first, at most `limit` of each.
    Result<QList<FacetCount>> departments(int limit);
    Result<QList<FacetCount>> tags(QLatin1StringView kind, int limit);

private:
    // Fills the tags of `profiles` in one query.
    Result<bool> readTags(QList<Profile>& profiles);

    Database& m_db;
};

// The key a profile is sorted on in the directory.
QString profileNameKey(const Profile& profile);

} // namespace plein::server
