#pragma once

#include <QtGlobal>

namespace plein::protocol {

// The protocol version spoken by this build. A peer speaking another version is refused in
// the handshake with a clear error; optional behaviour is negotiated through named features.
inline constexpr int version = 1;

// Hard limits, enforced when decoding. They are part of the contract (docs/protocol.md).
inline constexpr qint64 maxFrameBytes = 512 * 1024; // client -> server
// A client frame over twice maxFrameBytes closes the connection with 1009; the server reads
// frames up to this size to their end first, so the close frame reaches the client.
inline constexpr qint64 closeFrameBytes = 8 * 1024 * 1024 + 64 * 1024;
inline constexpr qint64 maxServerFrameBytes = 4 * 1024 * 1024; // server -> client
// A sync.since page stops growing past this many bytes of events (it always holds at least
// one), so a page of long posts stays far below maxServerFrameBytes.
inline constexpr qint64 maxSyncPageBytes = 1024 * 1024;
inline constexpr int maxPostChars = 5000;
inline constexpr int maxClientIdChars = 64;
inline constexpr int maxUsernameChars = 64;
inline constexpr int maxPasswordChars = 1024;
inline constexpr int maxTokenChars = 128;
inline constexpr int maxSyncPage = 1000;
inline constexpr int defaultSyncPage = 500;
inline constexpr int maxFeedPage = 200;
inline constexpr int defaultFeedPage = 50;
inline constexpr int maxGroupNameChars = 80;
inline constexpr int maxGroupDescriptionChars = 2000;

} // namespace plein::protocol
