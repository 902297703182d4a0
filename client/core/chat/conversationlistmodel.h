#pragma once

#include "conversationrow.h"
#include "store/cachechanges.h"

#include <QAbstractListModel>
#include <QList>

namespace plein::client {

class Cache;
class Chat;

// The user's conversations, by last activity (newest first), following the cache with row
// inserts, moves, removals and dataChanged. A conversation with a message waiting in the
// outbox counts as active at that message's time.
class ConversationListModel : public QAbstractListModel
{
    Q_OBJECT

public:
    enum Role {
        IdRole = Qt::UserRole + 1,
        KindRole, // direct, people, group
        TitleRole, // ConversationRow::displayTitle
        GroupIdRole,
        MemberCountRole,
        OtherMemberRole, // direct: the other person's id (for avatar and presence)
        PreviewRole, // "Anna: first line of the last message", plain text
        LastActivityRole, // ISO 8601 UTC
        UnreadRole,
        MutedRole,
        // The newest unread message mentions the user.
        MentionRole,
    };
    Q_ENUM(Role)

    ConversationListModel(Cache& cache, Chat& chat, QObject* parent = nullptr);

    int rowCount(const QModelIndex& parent = QModelIndex()) const override;
    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
    QHash<int, QByteArray> roleNames() const override;

    ConversationRow rowAt(int row) const { return m_rows.value(row); }
    int rowOf(qint64 conversationId) const;
    void refresh();

private:
    void onChanged(const CacheChanges& changes);

    Cache& m_cache;
    Chat& m_chat;
    QList<ConversationRow> m_rows;
    QHash<qint64, bool> m_mentions;
};

} // namespace plein::client
