#include "capabilities/people/peopleprotocol.h"

#include "protocol/fields.h"

#include <array>

namespace plein::protocol::people {

namespace {

using L = QLatin1StringView;

constexpr std::array updateFields {
    clientIdField,
    FieldSpec {L("userId"), FieldType::Id, false, 1, maxSafeInteger,
               L("Whose profile (default: the user's own; another's for administrators)")},
    FieldSpec {L("displayName"), FieldType::String, false, 1, maxNameChars, L("Name as shown")},
    FieldSpec {L("department"), FieldType::String, false, 0, maxNameChars, L("Department")},
    FieldSpec {L("jobTitle"), FieldType::String, false, 0, maxNameChars, L("Job title")},
    FieldSpec {L("location"), FieldType::String, false, 0, maxNameChars,
               L("Where the person works")},
    FieldSpec {L("phone"), FieldType::String, false, 0, maxPhoneChars,
               L("Digits, spaces and + ( ) - . /")},
    FieldSpec {L("about"), FieldType::Text, false, 0, maxAboutChars, L("A short text (plain)")},
    FieldSpec {L("expertise"), FieldType::StringList, false, 0, maxTags,
               L("Tags of at most 40 characters, replacing the list")},
    FieldSpec {L("interests"), FieldType::StringList, false, 0, maxTags,
               L("Tags of at most 40 characters, replacing the list")},
    FieldSpec {L("photoFileId"), FieldType::String, false, 0, 64,
               L("A finished PNG, JPEG, GIF or WebP file the caller uploaded or may see; \"\" "
                 "removes the photo")},
};
constexpr std::array getFields {
    FieldSpec {L("userId"), FieldType::Id, true, 1, maxSafeInteger, L("The person")},
};
constexpr std::array searchFields {
    FieldSpec {L("query"), FieldType::String, false, 0, 80,
               L("Part of the name, username or job title (case and accents ignored)")},
    FieldSpec {L("department"), FieldType::String, false, 0, maxNameChars,
               L("Only this department (exact)")},
    FieldSpec {L("expertise"), FieldType::String, false, 0, maxTagChars,
               L("Only people with this expertise tag (case ignored)")},
    FieldSpec {L("interest"), FieldType::String, false, 0, maxTagChars,
               L("Only people with this interest tag (case ignored)")},
    FieldSpec {L("cursor"), FieldType::String, false, 0, 400,
               L("The `cursor` of the page before (none: the first page)")},
    FieldSpec {L("after"), FieldType::Id, false, 0, maxSafeInteger,
               L("By id instead of by name: people with a larger id (0: from the first); "
                 "no `cursor`")},
    FieldSpec {L("limit"), FieldType::Integer, false, 1, maxSearchPage, L("Most people to return")},
};

constexpr std::array messages {
    MessageSpec {PeopleUpdateProfile, Direction::Request, true, updateFields,
                 L("Change fields of a profile (the person, or an administrator); fields left "
                   "out stay as they are")},
    MessageSpec {PeopleGet, Direction::Request, true, getFields,
                 L("One person's profile; a deactivated person answers like a missing one "
                   "except to administrators")},
    MessageSpec {PeopleSearch, Direction::Request, true, searchFields,
                 L("The people directory: active people by name, filtered, paged by cursor (or by "
                   "id with `after`)")},
    MessageSpec {PeopleFacets,
                 Direction::Request,
                 true,
                 {},
                 L("Departments, expertise and interests of active people, with counts")},
};

constexpr std::array events {
    EventKindSpec {PeopleProfile,
                   L("everyone (a deactivated person: administrators and the "
                     "person)"),
                   L("`profile`"), L("A profile changed; `subject` is the person")},
};

constexpr CapabilitySpec spec {L("people"), Feature, messages, events};

} // namespace

const CapabilitySpec& capability()
{
    return spec;
}

} // namespace plein::protocol::people
