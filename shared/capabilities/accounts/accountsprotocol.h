#pragma once

#include "protocol/messagespec.h"

namespace plein::protocol::accounts {

// Accounts: changes made by the administration reach every session through these events.
inline constexpr QLatin1StringView UserCreated {"user.created"};
inline constexpr QLatin1StringView UserUpdated {"user.updated"};
inline constexpr QLatin1StringView UserActivated {"user.activated"};
inline constexpr QLatin1StringView UserDeactivated {"user.deactivated"};
inline constexpr QLatin1StringView UserSessionsRevoked {"user.sessions_revoked"};
inline constexpr QLatin1StringView UserSessionEnded {"user.session_ended"};

const CapabilitySpec& capability();

} // namespace plein::protocol::accounts
