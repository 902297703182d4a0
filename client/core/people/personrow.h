#pragma once

#include <QJsonObject>
#include <QString>
#include <QStringList>

namespace plein::client {

// One person as the cache holds them: the account and, once known, the profile.
struct PersonRow
{
    qint64 id = 0;
    QString username;
    QString displayName;
    QString department;
    QString jobTitle;
    QString location;
    QString phone;
    QString about;
    QStringList expertise;
    QStringList interests;
    QString photo; // the photo's file id, empty for none
    bool active = true;
    bool hasProfile = false;

    bool operator==(const PersonRow&) const = default;

    // A `profile` object (people.profile, people.get, people.search).
    static PersonRow fromProfile(const QJsonObject& profile);
    // A `user` object of the user.* events: the account only.
    static PersonRow fromAccount(const QJsonObject& user);
};

} // namespace plein::client
