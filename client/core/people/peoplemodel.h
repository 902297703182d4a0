#pragma once

#include <QAbstractListModel>
#include <QHash>
#include <QList>
#include <QSet>
#include <QTimer>

namespace plein::client {

class CacheChanges;
class Client;

// The people this account knows of, for @mention completion and the people pickers: the
// authors of the posts in the cache, the members of the user's conversations and the members
// of the user's groups (group.members, asked for each of them), one row
// per username, sorted by display name. It follows the cache (new posts, the user's
// memberships, a group's members changing) without starting again, so that a list showing it
// keeps its place.
//
// Rows come when first asked for (canFetchMore/fetchMore, as views and completers do), not
// when the model is made: reading every author of a large cache is work the app need not do
// at start, nor before someone types an @.
class PeopleModel : public QAbstractListModel
{
    Q_OBJECT

public:
    enum Role {
        UsernameRole = Qt::UserRole + 1,
        DisplayNameRole,
        // The display name and username folded (see folded()), separated by a space: what a
        // filter matches what is typed against.
        SearchTextRole,
        // The user id (0 when only a post's username is known), and the department.
        IdRole,
        DepartmentRole,
    };
    Q_ENUM(Role)

    // Most members read of one group (pages of the protocol's largest size): a mention of
    // someone in a larger group still completes once they have written.
    static constexpr int maxMembersPerGroup = 2000;

    explicit PeopleModel(Client& client, QObject* parent = nullptr);

    // Case and accents folded away ("Émile" and "EMILE" give "emile"), for matching.
    static QString folded(const QString& text);

    int rowCount(const QModelIndex& parent = QModelIndex()) const override;
    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
    QHash<int, QByteArray> roleNames() const override;
    bool canFetchMore(const QModelIndex& parent) const override;
    void fetchMore(const QModelIndex& parent) override;

    // Whether group members are still being asked for.
    bool isLoading() const { return !m_fetching.isEmpty(); }

Q_SIGNALS:
    void loadingChanged(bool loading);

private:
    struct Known
    {
        QString displayName;
        qint64 id = 0;
        QString department;
    };
    struct Person
    {
        QString username;
        QString displayName;
        QString sortKey;
        QString searchText;
        qint64 id = 0;
        QString department;
    };
    using Names = QHash<QString, Known>; // username -> what is known of them

    void onCacheChanged(const CacheChanges& changes);
    void readAllAuthors();
    void readAuthorsOf(const QSet<qint64>& postIds);
    void readChatMembers();
    void fetchMembers(qint64 groupId);
    void fetchMembersAfter(qint64 groupId, quint64 generation, qint64 afterUserId, Names names);
    void fetchAllMembers();
    void setFetching(qint64 groupId, bool fetching);
    // Makes the rows what the sources say, with the fewest inserts and removals.
    void update();

    Client& m_client;
    bool m_started = false;
    Names m_authors;
    Names m_chatMembers;
    QHash<qint64, Names> m_members;
    // Each group's member count when its members were fetched: a change to the group's row
    // (opened, listed in the directory, renamed) refetches only when the count moved.
    QHash<qint64, int> m_memberCounts;
    // Answers to an older request for a group are dropped.
    QHash<qint64, quint64> m_generations;
    QSet<qint64> m_fetching;
    QSet<qint64> m_toFetch;
    QTimer m_fetchSoon;
    QTimer m_readChatSoon;
    QList<Person> m_rows;
};

} // namespace plein::client
