#pragma once

#include "protocol/messagespec.h"

#include <array>

namespace plein::protocol::chat {

// Chat: direct conversations of two people, conversations of named people (up to
// maxConversationMembers), and a chat for every group that follows the group's membership.
inline constexpr QLatin1StringView ChatList {"chat.list"};
inline constexpr QLatin1StringView ChatGet {"chat.get"};
inline constexpr QLatin1StringView ChatHistory {"chat.history"};
inline constexpr QLatin1StringView ChatReactors {"chat.reactors"};
inline constexpr QLatin1StringView ChatOpen {"chat.open"};
inline constexpr QLatin1StringView ChatCreate {"chat.create"};
inline constexpr QLatin1StringView ChatUpdate {"chat.update"};
inline constexpr QLatin1StringView ChatAdd {"chat.add"};
inline constexpr QLatin1StringView ChatRemove {"chat.remove"};
inline constexpr QLatin1StringView ChatSend {"chat.send"};
inline constexpr QLatin1StringView ChatEdit {"chat.edit"};
inline constexpr QLatin1StringView ChatDelete {"chat.delete"};
inline constexpr QLatin1StringView ChatReact {"chat.react"};
inline constexpr QLatin1StringView ChatRead {"chat.read"};
inline constexpr QLatin1StringView ChatMute {"chat.mute"};
inline constexpr QLatin1StringView ChatSettings {"chat.settings"};

inline constexpr QLatin1StringView ChatConversation {"chat.conversation"};
inline constexpr QLatin1StringView ChatMessage {"chat.message"};
inline constexpr QLatin1StringView ChatEdited {"chat.edited"};
inline constexpr QLatin1StringView ChatDeleted {"chat.deleted"};
inline constexpr QLatin1StringView ChatReacted {"chat.reacted"};
inline constexpr QLatin1StringView ChatState {"chat.state"};
inline constexpr QLatin1StringView ChatSeen {"chat.seen"};
inline constexpr QLatin1StringView ChatUserSettings {"chat.user_settings"};

inline constexpr QLatin1StringView Feature {"chat"};

// Ephemeral channel of a conversation: `chat:<conversationId>` (typing, stopped).
inline constexpr QLatin1StringView ChannelPrefix {"chat"};

// Members of a conversation of named people, the creator included.
inline constexpr int maxConversationMembers = 500;
inline constexpr int maxMessageChars = 10000;
inline constexpr int maxTitleChars = 80;
// Typing signals are off in conversations with more members than this.
inline constexpr int maxTypingMembers = 100;
// Read receipts ("seen by") exist in conversations of at most this many members.
inline constexpr int maxReceiptMembers = 20;
inline constexpr int maxHistoryPage = 200;
inline constexpr int defaultHistoryPage = 50;
// How many of the people who gave one reaction a message names (`users`); `count` is all.
inline constexpr int maxReactionUsers = 50;
// The characters of a replied-to message quoted in the reply.
inline constexpr int maxQuoteChars = 200;

// The fixed set of reactions, by name on the wire, with the emoji a client shows.
struct Reaction
{
    QLatin1StringView name;
    const char* emoji; // UTF-8
};
inline constexpr std::array reactions {
    Reaction {QLatin1StringView("thumbsup"), "\xF0\x9F\x91\x8D"},
    Reaction {QLatin1StringView("heart"), "\xE2\x9D\xA4\xEF\xB8\x8F"},
    Reaction {QLatin1StringView("laugh"), "\xF0\x9F\x98\x82"},
    Reaction {QLatin1StringView("party"), "\xF0\x9F\x8E\x89"},
    Reaction {QLatin1StringView("wow"), "\xF0\x9F\x98\xAE"},
    Reaction {QLatin1StringView("sad"), "\xF0\x9F\x98\xA2"},
    Reaction {QLatin1StringView("thanks"), "\xF0\x9F\x99\x8F"},
    Reaction {QLatin1StringView("eyes"), "\xF0\x9F\x91\x80"},
};

const CapabilitySpec& capability();

} // namespace plein::protocol::chat
