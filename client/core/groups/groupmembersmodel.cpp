#include "groupmembersmodel.h"

#include "client.h"
#include "groups.h"
#include "groupstore.h"
#include "protocol/errorcode.h"
#include "store/cache.h"

namespace plein::client {

GroupMembersModel::GroupMembersModel(Client& client, qint64 groupId, const QString& state,
                                     QObject* parent)
    : QAbstractListModel(parent)
    , m_client(client)
    , m_groupId(groupId)
    , m_state(state)
{
    // A group.member event updates the group's member count: the list changed.
    connect(&m_client.cache(), &Cache::changed, this, [this](const CacheChanges& changes) {
        if (changes.touches(GroupStore::groupsArea, m_groupId))
            reload();
    });
    fetchMore(QModelIndex());
}

void GroupMembersModel::reload()
{
    ++m_generation;
    if (!m_rows.isEmpty()) {
        beginResetModel();
        m_rows.clear();
        endResetModel();
    }
    m_more = true;
    setLoading(false);
    fetchMore(QModelIndex());
}

int GroupMembersModel::rowCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : int(m_rows.size());
}

QVariant GroupMembersModel::data(const QModelIndex& index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return QVariant();
    const Member& m = m_rows.at(index.row());
    switch (role) {
    case Qt::DisplayRole:
        return m.displayName.isEmpty() ? m.username : m.displayName;
    case UserIdRole:
        return m.userId;
    case UsernameRole:
        return m.username;
    case DisplayNameRole:
        return m.displayName;
    case DepartmentRole:
        return m.department;
    case RoleRole:
        return m.role;
    case StateRole:
        return m.state;
    default:
        return QVariant();
    }
}

QHash<int, QByteArray> GroupMembersModel::roleNames() const
{
    auto names = QAbstractListModel::roleNames();
    names.insert({{UserIdRole, "userId"},
                  {UsernameRole, "username"},
                  {DisplayNameRole, "displayName"},
                  {DepartmentRole, "department"},
                  {RoleRole, "role"},
                  {StateRole, "state"}});
    return names;
}

bool GroupMembersModel::canFetchMore(const QModelIndex& parent) const
{
    return !parent.isValid() && m_more && !m_loading;
}

void GroupMembersModel::setLoading(bool loading)
{
    if (loading == m_loading)
        return;
    m_loading = loading;
    Q_EMIT loadingChanged(loading);
}

void GroupMembersModel::fetchMore(const QModelIndex& parent)
{
    if (!canFetchMore(parent))
        return;
    setLoading(true);
    const quint64 generation = m_generation;
    const qint64 after = m_rows.isEmpty() ? 0 : m_rows.constLast().userId;
    m_client.groups().requestMembers(
        m_groupId, m_state, after, m_pageSize, this,
        [this, generation](const Result<GroupPage>& r) {
            if (generation != m_generation)
                return;
            if (!r) {
                m_more = false;
                setLoading(false);
                Q_EMIT failed(r.error().message, protocol::errorCodeName(r.error().code));
                return;
            }
            m_more = r->more && !r->members.isEmpty();
            // Pages follow each other by user id; one asked for twice adds nothing twice.
            QList<Member> page;
            const qint64 last = m_rows.isEmpty() ? 0 : m_rows.constLast().userId;
            for (const QJsonObject& o : r->members) {
                const QJsonObject user = o.value(QLatin1StringView("user")).toObject();
                const Member m {qint64(user.value(QLatin1StringView("id")).toDouble()),
                                user.value(QLatin1StringView("username")).toString(),
                                user.value(QLatin1StringView("displayName")).toString(),
                                user.value(QLatin1StringView("department")).toString(),
                                o.value(QLatin1StringView("role")).toString(),
                                o.value(QLatin1StringView("state")).toString()};
                if (m.userId > last && (page.isEmpty() || m.userId > page.constLast().userId))
                    page.append(m);
            }
            if (!page.isEmpty()) {
                beginInsertRows(QModelIndex(), int(m_rows.size()),
                                int(m_rows.size() + page.size()) - 1);
                m_rows.append(page);
                endInsertRows();
            }
            setLoading(false);
        });
}

} // namespace plein::client
