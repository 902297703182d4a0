#pragma once

#include "protocol/messagespec.h"

namespace plein::protocol::session {

// The connection itself: handshake, logging in, liveness, and the event log's sync and push.
inline constexpr QLatin1StringView Hello {"hello"};
inline constexpr QLatin1StringView AuthLogin {"auth.login"};
inline constexpr QLatin1StringView AuthResume {"auth.resume"};
inline constexpr QLatin1StringView AuthLogout {"auth.logout"};
inline constexpr QLatin1StringView Ping {"ping"};
inline constexpr QLatin1StringView SyncSince {"sync.since"};
inline constexpr QLatin1StringView EphemeralSend {"ephemeral.send"};
inline constexpr QLatin1StringView Event {"event"};
inline constexpr QLatin1StringView SyncBehind {"sync.behind"};
inline constexpr QLatin1StringView Ephemeral {"ephemeral"};

// Events carry `audience` and `subject` for clients that agree on this feature.
inline constexpr QLatin1StringView AudienceFeature {"audience"};
// Ephemeral signals (typing, presence, live counters) for clients that agree on this feature.
inline constexpr QLatin1StringView EphemeralFeature {"ephemeral"};

const CapabilitySpec& capability();

} // namespace plein::protocol::session
