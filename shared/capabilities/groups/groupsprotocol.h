#pragma once

#include "protocol/messagespec.h"

namespace plein::protocol::groups {

// Groups: public, private and secret communities with owners, moderators and members.
inline constexpr QLatin1StringView GroupCreate {"group.create"};
inline constexpr QLatin1StringView GroupUpdate {"group.update"};
inline constexpr QLatin1StringView GroupArchive {"group.archive"};
inline constexpr QLatin1StringView GroupList {"group.list"};
inline constexpr QLatin1StringView GroupGet {"group.get"};
inline constexpr QLatin1StringView GroupMembers {"group.members"};
inline constexpr QLatin1StringView GroupJoin {"group.join"};
inline constexpr QLatin1StringView GroupLeave {"group.leave"};
inline constexpr QLatin1StringView GroupInvite {"group.invite"};
inline constexpr QLatin1StringView GroupDecide {"group.decide"};
inline constexpr QLatin1StringView GroupRemove {"group.remove"};
inline constexpr QLatin1StringView GroupSetRole {"group.set_role"};

inline constexpr QLatin1StringView GroupCreated {"group.created"};
inline constexpr QLatin1StringView GroupUpdated {"group.updated"};
inline constexpr QLatin1StringView GroupMember {"group.member"};

inline constexpr QLatin1StringView Feature {"groups"};

const CapabilitySpec& capability();

} // namespace plein::protocol::groups
