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
    struct Options
    {
        int editMinutes = 0; // 0: messages may be edited at any time
        double sendsPerSecond = 10; // sustained; bursts of twice this
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
    // A sender's token bucket (per node): false when over the rate.
    bool admitSend(qint64 userId);

    WriteService& m_writes;
    ChatStore& m_conversations;
    ChatMessageStore& m_messages;
    ChatAccess& m_access;
    ChatReads& m_reads;
    EventLog& m_events;
    AccountStore& m_accounts;
    Options m_options;
    struct Bucket
    {
        double tokens = 0;
        QElapsedTimer refill;
    };
    QHash<qint64, Bucket> m_buckets;
    Clock m_clock;
};

} // namespace plein::server
