#include "capabilities/accounts/accountsprotocol.h"

#include <array>

namespace plein::protocol::accounts {

namespace {

using L = QLatin1StringView;

constexpr std::array events {
    EventKindSpec {UserCreated, L("everyone"), L("`user`"), L("An account was created")},
    EventKindSpec {UserUpdated, L("everyone"), L("`user`"),
                   L("Name, department or role changed; a role counts at once")},
    EventKindSpec {UserActivated, L("everyone"), L("`user`"), L("An account was reactivated")},
    EventKindSpec {UserDeactivated, L("everyone"), L("`user`"),
                   L("An account was deactivated; its connections close with 4001")},
    EventKindSpec {UserSessionsRevoked, L("the user"), L("`userId`"),
                   L("The password changed; the user's connections close with 4003")},
    EventKindSpec {UserSessionEnded, L("the user"), L("nothing"),
                   L("The user logged out; the other connections of that session close with "
                     "4003")},
};

constexpr CapabilitySpec spec {L("accounts"), {}, {}, events};

} // namespace

const CapabilitySpec& capability()
{
    return spec;
}

} // namespace plein::protocol::accounts
