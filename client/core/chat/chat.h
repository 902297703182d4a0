#pragma once

#include "conversationrow.h"
#include "messagerow.h"
#include "protocol/result.h"

#include <QElapsedTimer>
#include <QHash>
#include <QJsonObject>
#include <QList>
#include <QObject>
#include <QSet>
#include <QString>
#include <QTimer>

#include <functional>
#include <optional>

namespace plein::client {

class Cache;
class Outbox;
class Session;
class SyncEngine;
class Uploads;

// The chat capability as the app sees it: the cached conversations and messages, reads from
// the server (history pages, who reacted), the writes (through the outbox: a conversation's
// messages, edits, deletions and reactions in its own lane `chat:<id>`, so a stuck
// conversation holds up only itself; read positions and mutes in `chat-state:<id>`), typing
// (ephemeral signals on `chat:<id>`, never stored) and the signals that concern the user.
class Chat : public QObject
{
    Q_OBJECT

public:
    // A typing signal is sent again after this long while the person keeps typing, and shown
    // for this long after the last one arrived (a lost "stopped" never leaves it up for good).
    static constexpr int typingResendMs = 3000;
    static constexpr int typingShownMs = 6000;

    Chat(Session& session, Cache& cache, Outbox& outbox, SyncEngine& sync, Uploads& uploads,
         QObject* parent = nullptr);

    qint64 me() const;
    std::optional<ConversationRow> conversation(qint64 id) const;
    // The cached direct conversation with `userId`, if any.
    std::optional<qint64> directWith(qint64 userId) const;
    // The cached chat of a group, if any.
    std::optional<qint64> chatOfGroup(qint64 groupId) const;
    // Unread messages in conversations that are not muted (the window title, the tray).
    int unreadTotal() const;

    // chat.open online (a new conversation needs its id from the server); `reply` gets the
    // conversation's id, or why not (offline: Unavailable).
    void openDirect(qint64 userId, QObject* context,
                    std::function<void(const Result<qint64>&)> reply);
    void openGroupChat(qint64 groupId, QObject* context,
                       std::function<void(const Result<qint64>&)> reply);
    void create(const QString& title, const QList<qint64>& userIds, const QString& membersBy,
                QObject* context, std::function<void(const Result<qint64>&)> reply);

    // The newest page of a conversation's history into the cache (on opening it); older pages
    // as the person scrolls up. historyLoaded / historyFailed follow.
    void fetchNewest(qint64 conversationId);
    void fetchOlder(qint64 conversationId);
    bool isFetching(qint64 conversationId) const { return m_fetching.contains(conversationId); }
    // chat.get: the conversation, its members and the readers' positions (receipts).
    void fetchConversation(qint64 conversationId);
    // Who read how far (receipts), as chat.get and chat.seen said; the user not included.
    QHash<qint64, qint64> readers(qint64 conversationId) const;
    // chat.reactors: who gave which reaction to a message.
    void requestReactors(qint64 messageId, QObject* context,
                         std::function<void(const Result<QJsonObject>&)> reply);

    // Writes through the outbox; each returns its clientId, or an empty string when it could
    // not be stored.
    // `attachments`: local files, uploaded before the message goes (see Feed::createPost).
    QString send(qint64 conversationId, const QString& body, qint64 replyTo = 0,
                 const QStringList& attachments = {});
    QString edit(qint64 messageId, const QString& body);
    QString remove(qint64 messageId);
    QString react(qint64 messageId, const QString& reaction, bool on);
    // Moves the read position to the newest message (at once in the cache; the write follows).
    QString markRead(qint64 conversationId);
    QString setMuted(qint64 conversationId, bool muted);
    QString update(qint64 conversationId, const QString& title, const QString& membersBy);
    QString addMembers(qint64 conversationId, const QList<qint64>& userIds);
    QString removeMember(qint64 conversationId, qint64 userId);
    QString leave(qint64 conversationId);

    // The user's read receipts setting (kept on the server; the cache has the last known).
    bool receipts() const;
    QString setReceipts(bool on);

    // Typing: the composer calls this on every edit (throttled here) and with false when the
    // text is sent or emptied. Nothing goes out when sending typing is off, or in conversations
    // of more than protocol::chat::maxTypingMembers.
    void noteTyping(qint64 conversationId, bool typing);
    // Turning it off tells the others at once that the user stopped.
    void setSendTyping(bool on);
    bool sendsTyping() const { return m_sendTyping; }
    // Who is typing in a conversation now (user ids, the user not included).
    QList<qint64> typing(qint64 conversationId) const;

    static QString laneOf(qint64 conversationId);
    static QString stateLaneOf(qint64 conversationId);
    static QString channelOf(qint64 conversationId);

    // Called by the applier (inside its transaction) for every message event; `unread`: it
    // is one the user has not read (it may concern them).
    void noteArrived(const MessageRow& message, qint64 actor, bool unread);

Q_SIGNALS:
    void historyLoaded(qint64 conversationId);
    void historyFailed(qint64 conversationId, const QString& message, const QString& code);
    void conversationFetched(qint64 conversationId);
    void conversationFetchFailed(qint64 conversationId, const QString& message,
                                 const QString& code);
    void readersChanged(qint64 conversationId);
    void typingChanged(qint64 conversationId);
    void unreadTotalChanged(int total);
    // A message that concerns the user arrived live or in a sync page: in a direct
    // conversation, mentioning them, or replying to them. Not for muted conversations' plain
    // messages (a mention still counts); the app decides what notifies.
    void concernsMe(const plein::client::MessageRow& message, bool isDirect, bool isMention,
                    bool isReply);

private:
    void onEphemeral(const QString& channel, const QString& signal, qint64 from);
    void fetchHistory(qint64 conversationId, qint64 before);
    void expireTyping();
    void checkUnreadTotal();
    QString write(QLatin1StringView kind, const QString& lane, const QString& target,
                  QJsonObject payload, const QStringList& attachments = {});
    void requestConversation(QLatin1StringView kind, QJsonObject payload, QObject* context,
                             std::function<void(const Result<qint64>&)> reply);

    Session& m_session;
    Cache& m_cache;
    Outbox& m_outbox;
    SyncEngine& m_sync;
    Uploads& m_uploads;
    QHash<qint64, qint64> m_fetching; // conversation -> the `before` being read (0: newest)
    QSet<qint64> m_fetchingConversations; // chat.get in flight
    // conversation -> (user -> when their last typing signal arrived)
    QHash<qint64, QHash<qint64, QElapsedTimer>> m_typing;
    QTimer m_typingExpiry;
    struct OwnTyping
    {
        QElapsedTimer sent;
        bool active = false;
    };
    QHash<qint64, OwnTyping> m_ownTyping;
    QTimer m_ownTypingIdle;
    bool m_sendTyping = true;
    int m_unreadTotal = -1;
};

} // namespace plein::client
