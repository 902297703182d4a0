#pragma once

#include <QJsonObject>
#include <QList>
#include <QString>

namespace plein::client {

// A person as a conversation lists them.
struct ChatMember
{
    qint64 id = 0;
    QString username;
    QString displayName;
    QString department;

    QString name() const { return displayName.isEmpty() ? username : displayName; }
    bool operator==(const ChatMember&) const = default;
};

// A conversation in the cache: what the server said of it, and the user's own state.
struct ConversationRow
{
    qint64 id = 0;
    QString kind; // direct, people, group
    QString title; // people: as named (may be empty); group: the group's name
    qint64 groupId = 0;
    QString membersBy; // anyone, creator
    qint64 createdBy = 0;
    int memberCount = 0;
    QList<ChatMember> members; // direct and people
    QString createdAt;
    QString lastActivityAt;
    // The newest message that is not deleted, for the list's preview.
    qint64 lastMessageId = 0;
    QString lastAuthorName;
    qint64 lastAuthorId = 0;
    QString lastBody;
    // The user's own state.
    qint64 readMessageId = 0;
    int unread = 0;
    bool muted = false;
    // The log's sequence number as of which the read position and unread count are exact.
    qint64 stateSeq = 0;
    // The newest page of history was read into the cache (the conversation was opened).
    bool historyLoaded = false;
    // Older messages exist on the server than the oldest in the cache.
    bool olderOnServer = true;

    bool isDirect() const { return kind == QLatin1StringView("direct"); }
    bool isGroupChat() const { return kind == QLatin1StringView("group"); }
    // The name to show: the title, else the other member(s) of a direct or people chat.
    QString displayTitle(qint64 me) const;
    // The other person of a direct conversation (0: a conversation with oneself).
    qint64 otherMember(qint64 me) const;

    // From the server's `conversation` object; the user's state only where it is given
    // (has*() say which).
    static ConversationRow fromJson(const QJsonObject& o);
    static bool hasUserState(const QJsonObject& o);

    bool operator==(const ConversationRow&) const = default;
};

} // namespace plein::client
