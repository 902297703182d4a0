#include "capabilities/chat/chatprotocol.h"

#include "capabilities/files/filesprotocol.h"
#include "protocol/fields.h"
#include "protocol/limits.h"

namespace plein::protocol::chat {

namespace {

using L = QLatin1StringView;

constexpr FieldSpec conversationIdField {L("conversationId"), FieldType::Id,        true, 1,
                                         maxSafeInteger,      L("The conversation")};
constexpr FieldSpec messageIdField {L("messageId"), FieldType::Id,   true, 1,
                                    maxSafeInteger, L("The message")};
constexpr L membersByChoices("anyone|creator");
constexpr L reactionChoices("thumbsup|heart|laugh|party|wow|sad|thanks|eyes");

constexpr std::array listFields {
    FieldSpec {L("offset"), FieldType::Integer, false, 0, 1000000, L("Conversations to skip")},
    FieldSpec {L("limit"), FieldType::Integer, false, 1, maxFeedPage,
               L("Most conversations to return")},
};
constexpr std::array getFields {conversationIdField};
constexpr std::array historyFields {
    conversationIdField,
    FieldSpec {L("before"), FieldType::Id, false, 1, maxSafeInteger,
               L("Return messages older than this one, newest first (default: the newest)")},
    FieldSpec {L("after"), FieldType::Id, false, 0, maxSafeInteger,
               L("Instead: messages newer than this one, oldest first (0: from the first)")},
    FieldSpec {L("limit"), FieldType::Integer, false, 1, maxHistoryPage,
               L("Most messages to return")},
};
constexpr std::array reactorsFields {messageIdField};
constexpr std::array openFields {
    clientIdField,
    FieldSpec {L("userId"), FieldType::Id, false, 1, maxSafeInteger,
               L("The other person of a direct conversation")},
    FieldSpec {L("groupId"), FieldType::Id, false, 1, maxSafeInteger,
               L("Instead: the group whose chat to open (members only)")},
};
constexpr std::array createFields {
    clientIdField,
    FieldSpec {L("title"), FieldType::String, false, 0, maxTitleChars,
               L("Name of the conversation (default: its members' names)")},
    FieldSpec {L("userIds"), FieldType::IdList, true, 1, maxConversationMembers - 1,
               L("The other members")},
    FieldSpec {L("membersBy"), FieldType::Choice, false, 0, 0,
               L("Who adds and removes members: any member (default) or the creator only"),
               membersByChoices},
};
constexpr std::array updateFields {
    clientIdField,
    conversationIdField,
    FieldSpec {L("title"), FieldType::String, false, 0, maxTitleChars,
               L("New name (members who may change members)")},
    FieldSpec {L("membersBy"), FieldType::Choice, false, 0, 0, L("New rule (the creator)"),
               membersByChoices},
};
constexpr std::array addFields {
    clientIdField,
    conversationIdField,
    FieldSpec {L("userIds"), FieldType::IdList, true, 1, maxConversationMembers - 1,
               L("People to add")},
};
constexpr std::array removeFields {
    clientIdField,
    conversationIdField,
    FieldSpec {L("userId"), FieldType::Id, true, 1, maxSafeInteger,
               L("Member to remove; oneself: leave the conversation")},
};
constexpr std::array sendFields {
    clientIdField,
    conversationIdField,
    FieldSpec {L("body"), FieldType::Text, true, 0, maxMessageChars,
               L("Markdown text (empty only with attachments)")},
    FieldSpec {L("replyTo"), FieldType::Id, false, 1, maxSafeInteger,
               L("Message of the same conversation this one answers (quoted)")},
    FieldSpec {L("attachments"), FieldType::StringList, false, 0, files::maxAttachments,
               L("Ids of finished files (uploaded by the user or visible to them) to attach")},
};
constexpr std::array editFields {
    clientIdField, messageIdField,
    FieldSpec {L("body"), FieldType::Text, true, 0, maxMessageChars,
               L("New Markdown text (empty only for a message with attachments)")}};
constexpr std::array deleteFields {clientIdField, messageIdField};
constexpr std::array reactFields {
    clientIdField,
    messageIdField,
    FieldSpec {L("reaction"), FieldType::Choice, true, 0, 0, L("One of the fixed set"),
               reactionChoices},
    FieldSpec {L("on"), FieldType::Bool, true, 0, 0, L("true gives it, false takes it back")},
};
constexpr std::array readFields {
    clientIdField,
    conversationIdField,
    FieldSpec {L("messageId"), FieldType::Id, true, 1, maxSafeInteger,
               L("Newest message read; a position before the stored one changes nothing")},
};
constexpr std::array muteFields {
    clientIdField,
    conversationIdField,
    FieldSpec {L("muted"), FieldType::Bool, true, 0, 0,
               L("true: no notifications from this conversation")},
};
constexpr std::array settingsFields {
    clientIdField,
    FieldSpec {L("receipts"), FieldType::Bool, true, 0, 0,
               L("Share one's read position with others (and see theirs)")},
};

constexpr std::array messages {
    MessageSpec {ChatList, Direction::Request, true, listFields,
                 L("The user's conversations by last activity, with the user's read position, "
                   "unread count and mute, and the user's chat settings")},
    MessageSpec {ChatGet, Direction::Request, true, getFields,
                 L("One conversation with its members and, where receipts apply, their read "
                   "positions")},
    MessageSpec {ChatHistory, Direction::Request, true, historyFields,
                 L("A page of a conversation's messages")},
    MessageSpec {ChatReactors, Direction::Request, true, reactorsFields,
                 L("Who gave each reaction to a message")},
    MessageSpec {ChatOpen, Direction::Request, true, openFields,
                 L("The direct conversation with a person, or a group's chat; made on first use")},
    MessageSpec {ChatCreate, Direction::Request, true, createFields,
                 L("Start a conversation of named people")},
    MessageSpec {ChatUpdate, Direction::Request, true, updateFields,
                 L("Rename a conversation of named people, or change who adds members")},
    MessageSpec {ChatAdd, Direction::Request, true, addFields,
                 L("Add people to a conversation of named people")},
    MessageSpec {ChatRemove, Direction::Request, true, removeFields,
                 L("Remove a member from a conversation of named people, or leave it")},
    MessageSpec {ChatSend, Direction::Request, true, sendFields, L("Send a message")},
    MessageSpec {ChatEdit, Direction::Request, true, editFields,
                 L("Replace the text of one's own message (within the server's edit window)")},
    MessageSpec {ChatDelete, Direction::Request, true, deleteFields, L("Delete one's own message")},
    MessageSpec {ChatReact, Direction::Request, true, reactFields,
                 L("Give or take back a reaction")},
    MessageSpec {ChatRead, Direction::Request, true, readFields,
                 L("Move the user's read position forward")},
    MessageSpec {ChatMute, Direction::Request, true, muteFields,
                 L("Mute or unmute a conversation for the user (all their devices)")},
    MessageSpec {ChatSettings, Direction::Request, true, settingsFields,
                 L("The user's chat settings")},
};

constexpr std::array events {
    EventKindSpec {ChatConversation,
                   L("the members (and people just removed); a group's chat: the group"),
                   L("`conversation` (no per-user fields)"),
                   L("A conversation was made, renamed or its members changed")},
    EventKindSpec {ChatMessage, L("the conversation's members"), L("`message`, `mentions`"),
                   L("A message was sent")},
    EventKindSpec {ChatEdited, L("the conversation's members"), L("`message`"),
                   L("A message's text changed")},
    EventKindSpec {ChatDeleted, L("the conversation's members"), L("`conversationId`, `messageId`"),
                   L("A message was deleted")},
    EventKindSpec {ChatReacted, L("the conversation's members"),
                   L("`conversationId`, `messageId`, `userId`, `reaction`, `on`, `count`"),
                   L("A reaction was given or taken back")},
    EventKindSpec {ChatState, L("the user"),
                   L("`conversationId`, `readMessageId`, `unread`, `muted`"),
                   L("The user's read position or mute changed (on any of their devices)")},
    EventKindSpec {ChatSeen, L("members who share receipts, in conversations of at most 20"),
                   L("`conversationId`, `userId`, `messageId`"),
                   L("A member who shares receipts read up to a message")},
    EventKindSpec {ChatUserSettings, L("the user"), L("`receipts`"),
                   L("The user's chat settings changed")},
};

constexpr CapabilitySpec spec {L("chat"), Feature, messages, events};

} // namespace

const CapabilitySpec& capability()
{
    return spec;
}

} // namespace plein::protocol::chat
