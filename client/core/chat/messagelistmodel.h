#pragma once

#include "messagerow.h"
#include "store/cachechanges.h"

#include <QAbstractListModel>
#include <QHash>
#include <QList>
#include <QStringList>

namespace plein::client {

class Cache;
class Chat;

// One conversation's messages, oldest at the top as a chat shows them: the newest page at
// first, older pages added at the top as the view asks (canFetchMore/fetchMore: from the
// cache, and from the server once the cache has no older ones), the user's messages still in
// the outbox at the bottom. Follows the cache with inserts, removals and dataChanged.
//
// Besides each message's own fields, the model says how to lay it out: a day separator above
// the first message of a day, the unread divider above the first message that was unread when
// the conversation was opened, and whether a message continues its sender's group (same
// author, within groupMinutes, no separator between).
class MessageListModel : public QAbstractListModel
{
    Q_OBJECT

public:
    static constexpr int groupMinutes = 5;

    enum Role {
        IdRole = Qt::UserRole + 1,
        AuthorIdRole,
        AuthorUsernameRole,
        AuthorNameRole,
        AuthorDepartmentRole,
        BodyRole,
        CreatedAtRole, // ISO 8601 UTC
        EditedAtRole,
        DeletedRole,
        ReplyToIdRole,
        ReplyAuthorNameRole,
        ReplyBodyRole,
        MentionsMeRole,
        // QVariantList of QVariantMap {reaction, emoji, count, mine}, in the fixed order.
        ReactionsRole,
        MineRole, // written by the user
        PendingRole,
        FailedRole,
        ErrorRole,
        ErrorCodeRole,
        ClientIdRole,
        ChangePendingRole,
        ChangeKindRole,
        ChangeFailedRole,
        ChangeErrorCodeRole,
        ChangeClientIdRole,
        // Layout.
        DayBreakRole, // first message of its (local) day
        UnreadDividerRole, // first message that was unread on opening
        ContinuesGroupRole, // same sender as the one above, close in time
        // Names of the members (receipts) who read up to here, the user not included
        // (QStringList), by name: each under the newest message shown that they read and did
        // not write themselves (reading to the end of one's own message says nothing).
        SeenByRole,
        // QVariantList of QVariantMap {id, name, type, size, width, height, image}
        // (Attachment::toVariantMap), in the order the author gave; empty once deleted.
        AttachmentsRole,
    };
    Q_ENUM(Role)

    MessageListModel(Cache& cache, Chat& chat, qint64 conversationId, QObject* parent = nullptr);

    qint64 conversationId() const { return m_conversationId; }
    int rowCount(const QModelIndex& parent = QModelIndex()) const override;
    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
    QHash<int, QByteArray> roleNames() const override;
    // Older messages: from the cache first, then from the server (fetching() while it reads).
    bool canFetchMore(const QModelIndex& parent) const override;
    void fetchMore(const QModelIndex& parent) override;
    bool isFetching() const;

    MessageRow rowAt(int row) const { return m_rows.value(row); }
    int rowOf(qint64 messageId) const;
    // The row of the unread divider (-1: none), for "jump to first unread".
    int firstUnreadRow() const;
    // Loads (from the cache, then the server) until `messageId` is in the window; returns its
    // row, or -1 while it is still being read (messageLoaded follows).
    int ensureLoaded(qint64 messageId);
    // Forgets the unread divider (the person read on, or sent a message).
    void clearUnreadDivider();
    // Rows read a page at a time; the window starts again at the newest page of this size.
    void setPageSize(int rows);
    void refresh();

Q_SIGNALS:
    void messageLoaded(qint64 messageId, int row);
    void fetchingChanged(bool fetching);

private:
    void onChanged(const CacheChanges& changes);
    QList<MessageRow> load() const;
    void overlayChanges(QList<MessageRow>& rows) const;
    void apply(QList<MessageRow> next);
    // An older page from the cache, inserted above the window (not the window read again).
    void prependOlder(qint64 olderId);
    QHash<qint64, QStringList> placeSeenBy(const QList<MessageRow>& rows) const;
    // The rows whose receipts differ from `before`.
    QList<int> seenByChanged(const QHash<qint64, QStringList>& before) const;
    // The divider's row after rows came or went; the rows it left and reached change.
    void moveDivider(QList<int>& changed);
    int findFirstUnread() const;

    Cache& m_cache;
    Chat& m_chat;
    qint64 m_conversationId = 0;
    QList<MessageRow> m_rows;
    int m_pageSize = 50;
    // Older rows come from the cache in smaller steps than the first page: each is laid out in
    // the frame that brings it, so a step must fit in a frame.
    static constexpr int olderPageRows = 20;
    // The oldest message in the window (0: not known yet: the newest page).
    qint64 m_fromId = 0;
    bool m_wantOlder = false; // an older page was asked for from the server for this view
    qint64 m_unreadAfter = -1; // the read position on opening (-1: no divider)
    int m_firstUnread = -1;
    qint64 m_waitingFor = 0; // ensureLoaded's target
    QHash<qint64, QStringList> m_seenBy; // message id -> readers' names
};

} // namespace plein::client
