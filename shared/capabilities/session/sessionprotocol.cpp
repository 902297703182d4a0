#include "capabilities/session/sessionprotocol.h"

#include "protocol/limits.h"

#include <array>

namespace plein::protocol::session {

namespace {

using L = QLatin1StringView;

constexpr std::array<FieldSpec, 0> noFields {};

constexpr std::array helloFields {
    FieldSpec {L("protocol"), FieldType::Integer, true, 1, 1000000,
               L("Protocol version the client speaks")},
    FieldSpec {L("features"), FieldType::StringList, false, 0, 64,
               L("Named features the client supports")},
    FieldSpec {L("client"), FieldType::String, false, 0, 64,
               L("Client name and version, for logs")},
};
constexpr std::array loginFields {
    FieldSpec {L("username"), FieldType::String, true, 1, maxUsernameChars, L("Account name")},
    FieldSpec {L("password"), FieldType::String, true, 1, maxPasswordChars,
               L("Password; never logged")},
};
constexpr std::array resumeFields {
    FieldSpec {L("token"), FieldType::String, true, 1, maxTokenChars,
               L("Session token from auth.login")},
};
constexpr std::array syncFields {
    FieldSpec {L("cursor"), FieldType::Integer, true, 0, maxSafeInteger,
               L("Last sequence number the client applied (0: none)")},
    FieldSpec {L("limit"), FieldType::Integer, false, 1, maxSyncPage, L("Most events to return")},
};
constexpr std::array ephemeralSendFields {
    FieldSpec {L("channel"), FieldType::String, true, 1, 64,
               L("Where the signal belongs: `group:<id>`, `chat:<conversationId>`")},
    FieldSpec {L("signal"), FieldType::Choice, true, 0, 0, L("What happens"),
               L("typing|stopped|present|away")},
};
constexpr std::array eventFields {
    FieldSpec {L("kind"), FieldType::String, true, 1, 64, L("Event kind, see the event table")},
    FieldSpec {L("at"), FieldType::String, true, 1, 64, L("Time of the change, ISO 8601 UTC")},
    FieldSpec {L("actor"), FieldType::Integer, true, 0, maxSafeInteger,
               L("User who made the change (0: the server or its administration command)")},
    FieldSpec {L("subject"), FieldType::Integer, false, 0, maxSafeInteger,
               L("With `audience`: the user or object the change is about (kind-specific)")},
    FieldSpec {L("audience"), FieldType::Object, false, 0, 0,
               L("With `audience`: who receives it, `{\"scope\":\"all\"}`, "
                 "`{\"scope\":\"group\",\"id\":12}` or `{\"scope\":\"users\"}`")},
    FieldSpec {L("data"), FieldType::Object, true, 0, 0, L("Kind-specific data")},
};
constexpr std::array behindFields {
    FieldSpec {L("head"), FieldType::Integer, true, 0, maxSafeInteger,
               L("Newest sequence number on the server")},
};
constexpr std::array ephemeralFields {
    FieldSpec {L("channel"), FieldType::String, true, 1, 64, L("As sent")},
    FieldSpec {L("signal"), FieldType::String, true, 1, 32, L("As sent")},
    FieldSpec {L("from"), FieldType::Id, true, 1, maxSafeInteger, L("User who sent it")},
};

constexpr std::array messages {
    MessageSpec {Hello, Direction::Request, false, helloFields,
                 L("First message on a connection: version and feature negotiation")},
    MessageSpec {AuthLogin, Direction::Request, false, loginFields,
                 L("Log in with a password; returns a new session token")},
    MessageSpec {AuthResume, Direction::Request, false, resumeFields,
                 L("Authenticate the connection with a stored session token")},
    MessageSpec {AuthLogout, Direction::Request, true, noFields,
                 L("Revoke this connection's session token; every connection using it closes")},
    MessageSpec {Ping, Direction::Request, false, noFields,
                 L("Liveness check; answered with an empty payload")},
    MessageSpec {SyncSince, Direction::Request, true, syncFields,
                 L("Events after a cursor that the user may see, in order, paged")},
    MessageSpec {EphemeralSend, Direction::Request, true, ephemeralSendFields,
                 L("A passing signal to a channel's members, never stored (feature `ephemeral`)")},
    MessageSpec {Event, Direction::Push, true, eventFields,
                 L("A change the user may see, pushed live; carries its sequence number")},
    MessageSpec {
        SyncBehind, Direction::Push, true, behindFields,
        L("Live pushes were paused because the connection fell behind; catch up with sync.since")},
    MessageSpec {Ephemeral, Direction::Push, true, ephemeralFields,
                 L("A signal from ephemeral.send, to the channel's other live members")},
};

constexpr CapabilitySpec spec {L("session"), {}, messages, {}};

} // namespace

const CapabilitySpec& capability()
{
    return spec;
}

} // namespace plein::protocol::session
