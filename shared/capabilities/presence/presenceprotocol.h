#pragma once

#include "protocol/messagespec.h"

namespace plein::protocol::presence {

// Presence: whether a person is online, away, not to be disturbed or offline, sent only to the
// sessions that show that person now (the people they watch), never stored in the event log.
inline constexpr QLatin1StringView PresenceSet {"presence.set"};
inline constexpr QLatin1StringView PresenceWatch {"presence.watch"};
inline constexpr QLatin1StringView Presence {"presence"};

inline constexpr QLatin1StringView Feature {"presence"};

// The most people one session watches at once (what a window shows).
inline constexpr int maxWatched = 500;

const CapabilitySpec& capability();

} // namespace plein::protocol::presence
