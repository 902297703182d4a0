#include "capabilities/presence/presenceprotocol.h"

#include "protocol/limits.h"

#include <array>

namespace plein::protocol::presence {

namespace {

using L = QLatin1StringView;

constexpr std::array setFields {
    FieldSpec {L("state"), FieldType::Choice, true, 0, 0,
               L("This session's state; a person is the most present of their sessions, offline "
                 "without any"),
               L("online|away|dnd")},
};
constexpr std::array watchFields {
    FieldSpec {L("userIds"), FieldType::IdList, true, 0, maxWatched,
               L("The people this session shows now; replaces the previous list")},
};
constexpr std::array pushFields {
    FieldSpec {L("userId"), FieldType::Id, true, 1, maxSafeInteger, L("The person")},
    FieldSpec {L("state"), FieldType::Choice, true, 0, 0, L("Their state now"),
               L("online|away|dnd|offline")},
};

constexpr std::array messages {
    MessageSpec {PresenceSet, Direction::Request, true, setFields,
                 L("Tell the server this session's state (no input for 10 minutes: away)")},
    MessageSpec {PresenceWatch, Direction::Request, true, watchFields,
                 L("The people whose presence to receive; answers their states now")},
    MessageSpec {Presence, Direction::Push, true, pushFields,
                 L("A watched person's state changed")},
};

constexpr CapabilitySpec spec {L("presence"), Feature, messages, {}};

} // namespace

const CapabilitySpec& capability()
{
    return spec;
}

} // namespace plein::protocol::presence
