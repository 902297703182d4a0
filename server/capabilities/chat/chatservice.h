#pragma once

#include "capabilities/chat/chataccess.h"
#include "capabilities/chat/chatreads.h"
#include "core/writeservice.h"
#include "protocol/result.h"

#include <QDateTime>
#include <QElapsedTimer>
#include <QHash>
#include <QJsonObject>

#include <functional>

namespace plein::server {

class AccountStore;
class EventLog;
struct User;

// Chat's writes and their rules: direct conversations (one per pair), conversations of named
// people with their membersBy rule and the 500-member cap, groups' chats that follow the
// group; messages (author-only edits within the edit window, deletions, replies within the
// conversation, mentions of members), reactions, read positions, mute and receipts. Every write
// goes through the write service (idempotent by client id), appends its events in its
// transaction and is answered after the commit. A conversation or message the user may not
// see answers exactly like one that does not exist.
class ChatService
{
public:
    // How often one user may do something, per node: `perSecond` sustained, `burst` at once.
    struct Rate
    {
        double perSecond = 0;
        double burst = 0;
    };
    struct Options
    {
        int editMinutes = 0; // 0: messages may be edited at any time
        Rate sends {10, 20};
        // Fixing a typo or two, not rewriting a message many times a second (each edit goes
        // to every member with the whole text).
        Rate edits {2, 10};
        // Clicking through a few reactions quickly, and an outbox of reactions given offline
        // delivered one after another (rate_limited makes it wait and go again).
        Rate reactions {5, 20};
    };

    ChatService(WriteService& writes, ChatStore& conversations, ChatMessageStore& messages,
                ChatAccess& access, ChatReads& reads, EventLog& events, AccountStore& accounts,
                Options options);

    // When messages are sent (the demo organisation spreads its messages over days); the
    // current time by default.
    using Clock = std::function<QDateTime()>;
    void setClock(Clock clock) { m_clock = std::move(clock); }

    using Outcome = WriteService::Outcome;
    Result<Outcome> open(const User& user, const QJsonObject& payload);
    Result<Outcome> create(const User& user, const QJsonObject& payload);
    Result<Outcome> update(const User& user, const QJsonObject& payload);
    Result<Outcome> add(const User& user, const QJsonObject& payload);
    Result<Outcome> remove(const User& user, const QJsonObject& payload);
    Result<Outcome> send(const User& user, const QJsonObject& payload);
    Result<Outcome> edit(const User& user, const QJsonObject& payload);
    Result<Outcome> deleteMessage(const User& user, const QJsonObject& payload);
    Result<Outcome> react(const User& user, const QJsonObject& payload);
    Result<Outcome> read(const User& user, const QJsonObject& payload);
    Result<Outcome> mute(const User& user, const QJsonObject& payload);
    Result<Outcome> settings(const User& user, const QJsonObject& payload);

private:
    Result<qint64> announce(qint64 actorId, const Conversation& c, QList<qint64> alsoUsers = {});
    // The conversation named by a write, locked, when the user is a member; a people
    // conversation only for the writes that change one.
    Result<ConversationAccess> writable(const User& user, qint64 conversationId, bool peopleOnly);
    // The answer of a conversation write: the conversation as the user sees it now.
    Result<QJsonObject> conversationAnswer(const User& user, qint64 conversationId, qint64 seq);
    // The user's read state after a change to it, announced to their devices when `changed`.
    Result<QJsonObject> stateAnswer(const User& user, const ConversationAccess& a, bool changed);
    // The members of the conversation among the users mentioned in `body`.
    QList<qint64> mentionsIn(const Conversation& c, const QString& body);
    // The user's token bucket for one kind of write (per node): false when over its rate.
    struct Bucket
    {
        double tokens = 0;
        QElapsedTimer refill;
    };
    using Buckets = QHash<qint64, Bucket>;
    static bool admit(Buckets& buckets, const Rate& rate, qint64 userId);

    WriteService& m_writes;
    ChatStore& m_conversations;
    ChatMessageStore& m_messages;
    ChatAccess& m_access;
    ChatReads& m_reads;
    EventLog& m_events;
    AccountStore& m_accounts;
    Options m_options;
    Buckets m_sends;
    Buckets m_edits;
    Buckets m_reactions;
    Clock m_clock;
};

} // namespace plein::server
