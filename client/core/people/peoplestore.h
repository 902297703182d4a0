#pragma once

#include "personrow.h"

#include <QList>

#include <optional>

namespace plein::client {

class Cache;

// The people directory's cache (people, people_tags). Methods run in the caller's transaction
// and note what they change: "people", by person id.
class PeopleStore
{
public:
    static constexpr QLatin1StringView peopleArea {"people"};

    explicit PeopleStore(Cache& cache)
        : m_cache(cache)
    { }

    // A whole profile (and the account in it).
    bool storeProfile(const PersonRow& person);
    // The account's fields only (user.* events); a profile known already is kept.
    bool storeAccount(const PersonRow& account);
    // Forgets everyone (a rebuild).
    bool clear();

    std::optional<PersonRow> person(qint64 id) const;
    // An active person by username, case not minding (an @name typed).
    std::optional<PersonRow> byUsername(const QString& username) const;

    struct Filter
    {
        QString text; // matched in the display name, username and job title
        QString department; // exact
        QString expertise; // a tag, compared by its key
        QString interest;
        bool isEmpty() const
        {
            return text.isEmpty() && department.isEmpty() && expertise.isEmpty()
                && interest.isEmpty();
        }
    };
    // Active people matching, by name.
    QList<PersonRow> directory(const Filter& filter, int offset, int limit) const;

    struct Facet
    {
        QString key;
        QString label;
        int count = 0;
    };
    // Over active people, the largest first: departments, and tags of a kind ("expertise",
    // "interest").
    QList<Facet> departments(int limit) const;
    QList<Facet> tags(QLatin1StringView kind, int limit) const;

private:
    bool write(const PersonRow& person);

    Cache& m_cache;
};

} // namespace plein::client
