#pragma once

#include "protocol/messagespec.h"

namespace plein::protocol::files {

// Files travel over the HTTP side (docs/protocol.md, "HTTP"): uploads in chunks, downloads,
// and their ids in the `attachments` of posts and chat messages. The feature says a client
// knows attachments; the WebSocket carries no message of its own for files.
inline constexpr QLatin1StringView Feature {"files"};

// At most this many files on one post or message.
inline constexpr int maxAttachments = 10;
// A chunk of an upload is at most this large.
inline constexpr qint64 maxChunkBytes = 4LL * 1024 * 1024;
// A file id: 128 random bits, base64url without padding.
inline constexpr int fileIdChars = 22;
// A file's name, after cleaning, in code points.
inline constexpr int maxFileNameChars = 200;

const CapabilitySpec& capability();

} // namespace plein::protocol::files
