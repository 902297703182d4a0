#include "peoplemodel.h"

#include "capabilities/people/profilefields.h"
#include "chat/chatstore.h"
#include "client.h"
#include "feed/poststore.h"
#include "groups/groups.h"
#include "groups/groupstore.h"
#include "protocol/limits.h"
#include "store/cache.h"
#include "sync/connection.h"

#include <QSqlQuery>

#include <algorithm>

namespace plein::client {

namespace {

// Past this many posts in one change, reading every author again is quicker than one by one.
constexpr int maxPostsOneByOne = 500;
// Changes to groups come in bursts while catching up: their members are asked for once after.
constexpr int fetchDelayMs = 300;

bool before(const QString& aKey, const QString& aName, const QString& bKey, const QString& bName)
{
    const int byKey = aKey.compare(bKey);
    return byKey < 0 || (byKey == 0 && aName < bName);
}

} // namespace

PeopleModel::PeopleModel(Client& client, QObject* parent)
    : QAbstractListModel(parent)
    , m_client(client)
{
    m_fetchSoon.setSingleShot(true);
    m_fetchSoon.setInterval(fetchDelayMs);
    connect(&m_fetchSoon, &QTimer::timeout, this, [this]() {
        const QSet<qint64> groups = std::exchange(m_toFetch, {});
        for (qint64 id : groups)
            fetchMembers(id);
    });
    m_readChatSoon.setSingleShot(true);
    m_readChatSoon.setInterval(fetchDelayMs);
    connect(&m_readChatSoon, &QTimer::timeout, this, [this]() {
        readChatMembers();
        update();
    });
    connect(&m_client.cache(), &Cache::changed, this, &PeopleModel::onCacheChanged);
    // Members changed while offline; the first fetch may have found the server unreachable.
    connect(&m_client.connection(), &Connection::stateChanged, this,
            [this](Connection::State state) {
                if (m_started && state == Connection::State::Online)
                    fetchAllMembers();
            });
}

QString PeopleModel::folded(const QString& text)
{
    return protocol::people::folded(text);
}

int PeopleModel::rowCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : int(m_rows.size());
}

QVariant PeopleModel::data(const QModelIndex& index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return QVariant();
    const Person& p = m_rows.at(index.row());
    switch (role) {
    case Qt::DisplayRole:
    case DisplayNameRole:
        return p.displayName;
    case UsernameRole:
        return p.username;
    case SearchTextRole:
        return p.searchText;
    case IdRole:
        return p.id;
    case DepartmentRole:
        return p.department;
    default:
        return QVariant();
    }
}

QHash<int, QByteArray> PeopleModel::roleNames() const
{
    auto names = QAbstractListModel::roleNames();
    names.insert({{UsernameRole, "username"},
                  {DisplayNameRole, "displayName"},
                  {SearchTextRole, "searchText"},
                  {IdRole, "userId"},
                  {DepartmentRole, "department"}});
    return names;
}

bool PeopleModel::canFetchMore(const QModelIndex& parent) const
{
    return !parent.isValid() && !m_started && m_client.cache().isOpen();
}

void PeopleModel::fetchMore(const QModelIndex& parent)
{
    if (!canFetchMore(parent))
        return;
    m_started = true;
    readAllAuthors();
    readChatMembers();
    update();
    fetchAllMembers();
}

void PeopleModel::onCacheChanged(const CacheChanges& changes)
{
    if (!m_started)
        return;
    if (changes.touches(PostStore::postsArea)) {
        const QSet<qint64> ids = changes.ids(PostStore::postsArea);
        if (ids.contains(CacheChanges::allRows) || ids.size() > maxPostsOneByOne)
            readAllAuthors();
        else
            readAuthorsOf(ids);
        update();
    }
    // Conversations change with every message: their members are read again after a burst.
    if (changes.touches(ChatStore::conversationsArea))
        m_readChatSoon.start();
    if (changes.touches(GroupStore::membershipsArea)) {
        // Groups the user left are forgotten; those they joined are read.
        const QList<qint64> mine = GroupStore(m_client.cache()).memberGroupIds();
        bool dropped = false;
        for (auto it = m_members.begin(); it != m_members.end();) {
            if (mine.contains(it.key())) {
                ++it;
                continue;
            }
            ++m_generations[it.key()];
            setFetching(it.key(), false);
            m_memberCounts.remove(it.key());
            it = m_members.erase(it);
            dropped = true;
        }
        for (qint64 id : mine) {
            if (!m_members.contains(id) && !m_fetching.contains(id))
                m_toFetch.insert(id);
        }
        if (dropped)
            update();
    }
    // A group's member count changed: someone joined or left it.
    if (changes.touches(GroupStore::groupsArea)) {
        const QSet<qint64> ids = changes.ids(GroupStore::groupsArea);
        const GroupStore store(m_client.cache());
        for (auto it = m_members.cbegin(); it != m_members.cend(); ++it) {
            if (!ids.contains(CacheChanges::allRows) && !ids.contains(it.key()))
                continue;
            const auto group = store.group(it.key());
            if (!group || group->members != m_memberCounts.value(it.key(), -1))
                m_toFetch.insert(it.key());
        }
    }
    if (!m_toFetch.isEmpty())
        m_fetchSoon.start();
}

void PeopleModel::readAllAuthors()
{
    m_authors.clear();
    // SQLite takes the bare column from the row of MAX(id): each author's latest name.
    QSqlQuery* q = m_client.cache().statements().run(
        QStringLiteral("SELECT author_username, author_name, author_id, author_department, "
                       "MAX(id) FROM posts WHERE author_username <> '' GROUP BY author_username"));
    while (q && q->next())
        m_authors.insert(
            q->value(0).toString(),
            Known {q->value(1).toString(), q->value(2).toLongLong(), q->value(3).toString()});
}

void PeopleModel::readChatMembers()
{
    m_chatMembers.clear();
    for (const ConversationRow& c : ChatStore(m_client.cache()).conversations()) {
        for (const ChatMember& m : c.members) {
            if (!m.username.isEmpty())
                m_chatMembers.insert(m.username, Known {m.displayName, m.id, m.department});
        }
    }
}

void PeopleModel::readAuthorsOf(const QSet<qint64>& postIds)
{
    for (qint64 id : postIds) {
        QSqlQuery* q = m_client.cache().statements().run(
            QStringLiteral("SELECT author_username, author_name, author_id, author_department "
                           "FROM posts WHERE id = ?"),
            {id});
        if (q && q->next() && !q->value(0).toString().isEmpty())
            m_authors.insert(
                q->value(0).toString(),
                Known {q->value(1).toString(), q->value(2).toLongLong(), q->value(3).toString()});
    }
}

void PeopleModel::fetchAllMembers()
{
    m_fetchSoon.stop();
    m_toFetch.clear();
    for (qint64 id : GroupStore(m_client.cache()).memberGroupIds())
        fetchMembers(id);
}

void PeopleModel::fetchMembers(qint64 groupId)
{
    const quint64 generation = ++m_generations[groupId];
    setFetching(groupId, true);
    fetchMembersAfter(groupId, generation, 0, {});
}

void PeopleModel::fetchMembersAfter(qint64 groupId, quint64 generation, qint64 afterUserId,
                                    Names names)
{
    m_client.groups().requestMembers(
        groupId, QStringLiteral("member"), afterUserId, protocol::maxFeedPage, this,
        [this, groupId, generation, afterUserId, names](const Result<GroupPage>& r) mutable {
            if (m_generations.value(groupId) != generation)
                return;
            if (!r) {
                // What was read before stays; going online again asks anew.
                setFetching(groupId, false);
                return;
            }
            qint64 last = afterUserId;
            for (const QJsonObject& o : r->members) {
                const QJsonObject user = o.value(QLatin1StringView("user")).toObject();
                const QString username = user.value(QLatin1StringView("username")).toString();
                if (!username.isEmpty())
                    names.insert(username,
                                 Known {user.value(QLatin1StringView("displayName")).toString(),
                                        qint64(user.value(QLatin1StringView("id")).toDouble()),
                                        user.value(QLatin1StringView("department")).toString()});
                last = std::max(last, qint64(user.value(QLatin1StringView("id")).toDouble()));
            }
            if (r->more && last > afterUserId && names.size() < maxMembersPerGroup) {
                fetchMembersAfter(groupId, generation, last, std::move(names));
                return;
            }
            m_members.insert(groupId, std::move(names));
            if (const auto group = GroupStore(m_client.cache()).group(groupId))
                m_memberCounts.insert(groupId, group->members);
            setFetching(groupId, false);
            update();
        });
}

void PeopleModel::setFetching(qint64 groupId, bool fetching)
{
    const bool was = isLoading();
    if (fetching)
        m_fetching.insert(groupId);
    else
        m_fetching.remove(groupId);
    if (was != isLoading())
        Q_EMIT loadingChanged(isLoading());
}

void PeopleModel::update()
{
    // Members' names come from the server as they are now; a post keeps the name it had.
    Names merged = m_authors;
    merged.insert(m_chatMembers);
    for (const Names& group : std::as_const(m_members))
        merged.insert(group);
    QList<Person> next;
    next.reserve(merged.size());
    for (auto it = merged.cbegin(); it != merged.cend(); ++it) {
        Person p;
        p.username = it.key();
        p.displayName
            = it.value().displayName.trimmed().isEmpty() ? it.key() : it.value().displayName;
        p.id = it.value().id;
        p.department = it.value().department;
        p.sortKey = folded(p.displayName);
        p.searchText = p.sortKey + u' ' + folded(p.username);
        next.append(std::move(p));
    }
    const auto less = [](const Person& a, const Person& b) {
        return before(a.sortKey, a.username, b.sortKey, b.username);
    };
    std::sort(next.begin(), next.end(), less);

    // Both lists are in one order: walk them together, removing and inserting runs of rows.
    qsizetype row = 0;
    qsizetype j = 0;
    while (row < m_rows.size() || j < next.size()) {
        if (row < m_rows.size() && j < next.size() && m_rows[row].username == next[j].username
            && m_rows[row].sortKey == next[j].sortKey) {
            if (m_rows[row].displayName != next[j].displayName || m_rows[row].id != next[j].id
                || m_rows[row].department != next[j].department) {
                m_rows[row] = next[j];
                Q_EMIT dataChanged(index(int(row)), index(int(row)));
            }
            ++row;
            ++j;
            continue;
        }
        if (row < m_rows.size() && (j == next.size() || less(m_rows[row], next[j]))) {
            // Rows of the old list that come before the next new one are gone.
            qsizetype end = row + 1;
            while (end < m_rows.size() && (j == next.size() || less(m_rows[end], next[j])))
                ++end;
            beginRemoveRows(QModelIndex(), int(row), int(end - 1));
            m_rows.remove(row, end - row);
            endRemoveRows();
            continue;
        }
        // New rows that come before the next old one.
        qsizetype end = j + 1;
        while (end < next.size() && (row == m_rows.size() || less(next[end], m_rows[row])))
            ++end;
        beginInsertRows(QModelIndex(), int(row), int(row + end - j - 1));
        m_rows = m_rows.first(row) + next.sliced(j, end - j) + m_rows.sliced(row);
        endInsertRows();
        row += end - j;
        j = end;
    }
}

} // namespace plein::client
