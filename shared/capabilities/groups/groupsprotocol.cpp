#include "capabilities/groups/groupsprotocol.h"

#include "protocol/fields.h"
#include "protocol/limits.h"

#include <array>

namespace plein::protocol::groups {

namespace {

using L = QLatin1StringView;

constexpr FieldSpec groupIdField {L("groupId"),   FieldType::Id, true, 1,
                                  maxSafeInteger, L("The group")};
constexpr FieldSpec userIdField {
    L("userId"), FieldType::Id, true, 1, maxSafeInteger, L("The member, or the user concerned")};

constexpr std::array createFields {
    clientIdField,
    FieldSpec {L("name"), FieldType::String, true, 1, maxGroupNameChars, L("Name, unique")},
    FieldSpec {L("description"), FieldType::Text, false, 0, maxGroupDescriptionChars,
               L("What the group is for (Markdown)")},
    FieldSpec {L("kind"), FieldType::Choice, true, 0, 0,
               L("public: anyone reads and joins; private: members read, others ask; secret: "
                 "invisible to non-members"),
               L("public|private|secret")},
    FieldSpec {L("history"), FieldType::Choice, false, 0, 0,
               L("What new members see: all of the group's history (default), or only what "
                 "came after they joined"),
               L("all|joined")},
};
constexpr std::array updateFields {
    clientIdField,
    groupIdField,
    FieldSpec {L("name"), FieldType::String, false, 1, maxGroupNameChars, L("New name")},
    FieldSpec {L("description"), FieldType::Text, false, 0, maxGroupDescriptionChars,
               L("New description")},
    FieldSpec {L("history"), FieldType::Choice, false, 0, 0, L("New history rule"),
               L("all|joined")},
};
constexpr std::array archiveFields {
    clientIdField,
    groupIdField,
    FieldSpec {L("archived"), FieldType::Bool, true, 0, 0,
               L("true: read-only from now on; false: open again")},
};
constexpr std::array listFields {
    FieldSpec {L("query"), FieldType::String, false, 0, 80, L("Part of the name")},
    FieldSpec {L("filter"), FieldType::Choice, false, 0, 0,
               L("mine: groups the user belongs to (default all the user may see)"), L("mine|all")},
    FieldSpec {L("offset"), FieldType::Integer, false, 0, 1000000, L("Groups to skip")},
    FieldSpec {L("limit"), FieldType::Integer, false, 1, maxFeedPage, L("Most groups to return")},
};
constexpr std::array getFields {groupIdField};
constexpr std::array membersFields {
    groupIdField,
    FieldSpec {L("state"), FieldType::Choice, false, 0, 0,
               L("member (default); pending requests and open invitations for owners and "
                 "moderators"),
               L("member|pending|invited")},
    FieldSpec {L("after"), FieldType::Id, false, 1, maxSafeInteger,
               L("Return members with a user id above this one")},
    FieldSpec {L("limit"), FieldType::Integer, false, 1, maxFeedPage, L("Most members to return")},
};
constexpr std::array joinFields {clientIdField, groupIdField};
constexpr std::array memberFields {clientIdField, groupIdField, userIdField};
constexpr std::array decideFields {
    clientIdField,
    groupIdField,
    userIdField,
    FieldSpec {L("approve"), FieldType::Bool, true, 0, 0, L("true admits, false refuses")},
};
constexpr std::array roleFields {
    clientIdField,
    groupIdField,
    userIdField,
    FieldSpec {L("role"), FieldType::Choice, true, 0, 0, L("The new role"),
               L("owner|moderator|member")},
};

constexpr std::array messages {
    MessageSpec {GroupCreate, Direction::Request, true, createFields,
                 L("Create a group; the creator becomes its owner")},
    MessageSpec {GroupUpdate, Direction::Request, true, updateFields,
                 L("Change a group's name, description or history rule (owners)")},
    MessageSpec {GroupArchive, Direction::Request, true, archiveFields,
                 L("Archive a group (read-only, still readable by members) or open it again "
                   "(owners)")},
    MessageSpec {GroupList, Direction::Request, true, listFields,
                 L("The group directory: groups the user may see, by name, paged")},
    MessageSpec {GroupGet, Direction::Request, true, getFields,
                 L("One group with the user's own membership")},
    MessageSpec {GroupMembers, Direction::Request, true, membersFields,
                 L("A page of a group's members, requests or invitations")},
    MessageSpec {GroupJoin, Direction::Request, true, joinFields,
                 L("Join a public group, ask to join a private one, or accept an invitation")},
    MessageSpec {GroupLeave, Direction::Request, true, joinFields,
                 L("Leave a group, withdraw a request or decline an invitation")},
    MessageSpec {GroupInvite, Direction::Request, true, memberFields,
                 L("Invite a user (owners and moderators)")},
    MessageSpec {GroupDecide, Direction::Request, true, decideFields,
                 L("Approve or refuse a request to join (owners and moderators)")},
    MessageSpec {GroupRemove, Direction::Request, true, memberFields,
                 L("Remove a member or withdraw an invitation (owners and moderators)")},
    MessageSpec {GroupSetRole, Direction::Request, true, roleFields,
                 L("Promote or demote a member (owners)")},
};

constexpr std::array events {
    EventKindSpec {GroupCreated, L("everyone; a secret group's members only"), L("`group`"),
                   L("A group was created")},
    EventKindSpec {GroupUpdated, L("everyone; a secret group's members only"), L("`group`"),
                   L("Name, description, history rule or archived state changed")},
    EventKindSpec {GroupMember,
                   L("the group's members and the user concerned; requests and invitations: "
                     "owners, moderators and the user concerned"),
                   L("`groupId`, `userId`, `state` (member, pending, invited, none), `role`"),
                   L("A membership changed; `subject` is the user concerned")},
};

constexpr CapabilitySpec spec {L("groups"), Feature, messages, events};

} // namespace

const CapabilitySpec& capability()
{
    return spec;
}

} // namespace plein::protocol::groups
