#pragma once

#include "conversationrow.h"
#include "store/cachechanges.h"

#include <QAbstractListModel>
#include <QList>
#include <QSet>

#include <optional>

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
    // Past this many conversations in one change, the whole list is read again.
    static constexpr int maxRowsOneByOne = 20;

    void onChanged(const CacheChanges& changes);
    // Re-reads the rows `only` names (nullopt: all) and puts the list in order.
    void refresh(const std::optional<QSet<qint64>>& only);

    Cache& m_cache;
    Chat& m_chat;
    QList<ConversationRow> m_rows;
    QHash<qint64, bool> m_mentions;
};

} // namespace plein::client
