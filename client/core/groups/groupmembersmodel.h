#pragma once

#include <QAbstractListModel>
#include <QJsonObject>
#include <QList>

namespace plein::client {

class Client;

// A group's members (or, for its owners and moderators, its pending requests or open
// invitations), a page at a time from the server (group.members), by user id. It starts again
// when the group's membership changes.
class GroupMembersModel : public QAbstractListModel
{
    Q_OBJECT

public:
    enum Role {
        UserIdRole = Qt::UserRole + 1,
        UsernameRole,
        DisplayNameRole,
        DepartmentRole,
        RoleRole,
        StateRole,
    };
    Q_ENUM(Role)

    GroupMembersModel(Client& client, qint64 groupId,
                      const QString& state = QStringLiteral("member"), QObject* parent = nullptr);

    qint64 groupId() const { return m_groupId; }
    QString state() const { return m_state; }
    void setPageSize(int rows) { m_pageSize = rows; }
    bool isLoading() const { return m_loading; }
    void reload();

    int rowCount(const QModelIndex& parent = QModelIndex()) const override;
    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
    QHash<int, QByteArray> roleNames() const override;
    bool canFetchMore(const QModelIndex& parent) const override;
    void fetchMore(const QModelIndex& parent) override;

Q_SIGNALS:
    void loadingChanged(bool loading);
    // `code`: the protocol's error code name (errorCodeName), for the app's own text.
    void failed(const QString& message, const QString& code);

private:
    struct Member
    {
        qint64 userId = 0;
        QString username;
        QString displayName;
        QString department;
        QString role;
        QString state;
    };
    void setLoading(bool loading);

    Client& m_client;
    qint64 m_groupId = 0;
    QString m_state;
    QList<Member> m_rows;
    int m_pageSize = 50;
    bool m_more = true;
    bool m_loading = false;
    quint64 m_generation = 0;
};

} // namespace plein::client
