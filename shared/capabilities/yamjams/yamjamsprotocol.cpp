#include "capabilities/yamjams/yamjamsprotocol.h"

#include "protocol/fields.h"
#include "protocol/limits.h"

#include <array>

namespace plein::protocol::yamjams {

namespace {

using L = QLatin1StringView;

constexpr FieldSpec yamjamIdField {L("yamjamId"),  FieldType::Id,  true, 1,
                                   maxSafeInteger, L("The YamJam")};
constexpr FieldSpec questionIdField {L("questionId"), FieldType::Id,    true, 1,
                                     maxSafeInteger,  L("The question")};

// The settings a YamJam is created with; on update each may be left out (unchanged).
constexpr FieldSpec titleField {L("title"), FieldType::String, true,
                                1,          maxTitleChars,     L("Title, one line")};
constexpr FieldSpec descriptionField {L("description"),
                                      FieldType::Text,
                                      false,
                                      0,
                                      maxDescriptionChars,
                                      L("What it is about (Markdown)")};
constexpr FieldSpec startsAtField {L("startsAt"),
                                   FieldType::String,
                                   true,
                                   20,
                                   30,
                                   L("ISO 8601 UTC start (at most 366 days ahead)")};
constexpr FieldSpec endsAtField {
    L("endsAt"), FieldType::String,
    true,        20,
    30,          L("ISO 8601 UTC end: 5 minutes to 7 days after the start")};
constexpr FieldSpec hostIdsField {
    L("hostIds"), FieldType::IdList, true, 1, maxHosts, L("Active users who answer in public")};
constexpr FieldSpec organiserIdsField {
    L("organiserIds"),
    FieldType::IdList,
    false,
    0,
    maxOrganisers,
    L("Active users who moderate and edit (its creator is one too)")};
constexpr FieldSpec audienceField {
    L("audience"),
    FieldType::Choice,
    true,
    0,
    0,
    L("`everyone` (admins only), or `restricted`: the groups and people named"),
    L("everyone|restricted")};
constexpr FieldSpec groupIdsField {
    L("groupIds"),
    FieldType::IdList,
    false,
    0,
    maxAudienceGroups,
    L("restricted: groups whose members take part (the creator's own)")};
constexpr FieldSpec userIdsField {L("userIds"),
                                  FieldType::IdList,
                                  false,
                                  0,
                                  maxAudienceUsers,
                                  L("restricted: people who take part besides the groups")};
constexpr FieldSpec moderatedField {
    L("moderated"),
    FieldType::Bool,
    false,
    0,
    0,
    L("Questions wait for an organiser's approval; once on, it stays on")};
constexpr FieldSpec anonymousField {
    L("anonymous"), FieldType::Bool, false, 0, 0, L("Questions may be asked anonymously")};
constexpr FieldSpec earlyField {
    L("early"), FieldType::Bool,
    false,      0,
    0,          L("Questions may be asked and upvoted before the start (default true)")};

constexpr FieldSpec optional(FieldSpec f)
{
    f.required = false;
    return f;
}

constexpr std::array createFields {
    clientIdField,  titleField,        descriptionField, startsAtField, endsAtField,
    hostIdsField,   organiserIdsField, audienceField,    groupIdsField, userIdsField,
    moderatedField, anonymousField,    earlyField,
};
constexpr std::array updateFields {
    clientIdField,
    yamjamIdField,
    optional(titleField),
    descriptionField,
    optional(startsAtField),
    optional(endsAtField),
    optional(hostIdsField),
    organiserIdsField,
    optional(audienceField),
    groupIdsField,
    userIdsField,
    moderatedField,
    anonymousField,
    earlyField,
};

constexpr std::array declineFields {
    clientIdField,
    yamjamIdField,
};
constexpr std::array endFields {
    clientIdField,
    yamjamIdField,
};
constexpr std::array getFields {
    yamjamIdField,
};
constexpr std::array listFields {
    FieldSpec {L("filter"), FieldType::Choice, false, 0, 0,
               L("`current` (upcoming and live, soonest first; the default) or `past` (closed, "
                 "newest first)"),
               L("current|past")},
    FieldSpec {L("offset"), FieldType::Integer, false, 0, maxSafeInteger,
               L("Page on: the `next` of the previous answer")},
    FieldSpec {L("limit"), FieldType::Integer, false, 1, maxListPage, L("Most YamJams")},
};
constexpr std::array questionsFields {
    yamjamIdField,
    FieldSpec {L("after"), FieldType::Id, false, 1, maxSafeInteger,
               L("Questions with a higher id than this")},
    FieldSpec {L("limit"), FieldType::Integer, false, 1, maxQuestionPage, L("Most questions")},
};
constexpr std::array askFields {
    clientIdField,
    yamjamIdField,
    FieldSpec {L("body"), FieldType::Text, true, 1, maxQuestionChars, L("The question")},
    FieldSpec {L("anonymous"), FieldType::Bool, false, 0, 0,
               L("Asked anonymously (where the YamJam allows it): no one but the organisers "
                 "learns who asked")},
};
constexpr std::array voteFields {
    clientIdField,
    questionIdField,
    FieldSpec {L("voted"), FieldType::Bool, true, 0, 0, L("true to upvote, false to take it back")},
};
constexpr std::array answerFields {
    clientIdField,
    questionIdField,
    FieldSpec {L("body"), FieldType::Text, false, 0, maxAnswerChars,
               L("The written answer (Markdown; empty for one spoken live)")},
    FieldSpec {L("live"), FieldType::Bool, false, 0, 0, L("Answered live, out loud")},
};
constexpr std::array moderateFields {
    clientIdField,
    questionIdField,
    FieldSpec {L("action"), FieldType::Choice, true, 0, 0,
               L("`approve` a held question, `hide` one, `restore` a hidden one"),
               L("approve|hide|restore")},
    FieldSpec {L("reason"), FieldType::Text, false, 0, maxReasonChars,
               L("Told to the asker (hide)")},
};
constexpr std::array editQuestionFields {
    clientIdField,
    questionIdField,
    FieldSpec {L("body"), FieldType::Text, true, 1, maxQuestionChars, L("The new text")},
    FieldSpec {L("reason"), FieldType::Text, false, 0, maxReasonChars, L("Told to the asker")},
};
constexpr std::array mergeFields {
    clientIdField,
    questionIdField,
    FieldSpec {L("intoId"), FieldType::Id, true, 1, maxSafeInteger,
               L("The question it duplicates: its votes move there")},
};
constexpr std::array featureFields {
    yamjamIdField,
    FieldSpec {L("questionId"), FieldType::Id, false, 1, maxSafeInteger,
               L("The question being answered now; without it, none")},
};
constexpr std::array roomFields {
    yamjamIdField,
};
constexpr std::array liveFields {
    yamjamIdField,
    FieldSpec {L("present"), FieldType::Integer, true, 0, maxSafeInteger,
               L("People in the live room now")},
    FieldSpec {L("answering"), FieldType::Id, false, 1, maxSafeInteger,
               L("The question being answered now")},
};

constexpr std::array messages {
    MessageSpec {YamJamCreate, Direction::Request, true, createFields,
                 L("Announce a YamJam; its hosts and organisers are told and may decline")},
    MessageSpec {YamJamUpdate, Direction::Request, true, updateFields,
                 L("Change a YamJam (its organisers)")},
    MessageSpec {YamJamDecline, Direction::Request, true, declineFields,
                 L("Give up one's role as a host or organiser of a YamJam")},
    MessageSpec {YamJamEnd, Direction::Request, true, endFields,
                 L("Close a YamJam now (its hosts and organisers)")},
    MessageSpec {YamJamGet, Direction::Request, true, getFields,
                 L("A YamJam's card, with its figures for its organisers")},
    MessageSpec {YamJamList, Direction::Request, true, listFields,
                 L("A page of the YamJams the user takes part in")},
    MessageSpec {YamJamQuestions, Direction::Request, true, questionsFields,
                 L("A page of a YamJam's questions as the user may see them, oldest first")},
    MessageSpec {YamJamAsk, Direction::Request, true, askFields,
                 L("Ask a question (held for approval in a moderated YamJam)")},
    MessageSpec {YamJamVote, Direction::Request, true, voteFields,
                 L("Set or take back the user's upvote of a question")},
    MessageSpec {YamJamAnswer, Direction::Request, true, answerFields,
                 L("Answer a question in public (hosts), also after the end")},
    MessageSpec {YamJamModerate, Direction::Request, true, moderateFields,
                 L("Approve, hide or restore a question (organisers)")},
    MessageSpec {YamJamEditQuestion, Direction::Request, true, editQuestionFields,
                 L("Change a question's text (organisers); the asker is told")},
    MessageSpec {YamJamMerge, Direction::Request, true, mergeFields,
                 L("Merge a duplicate into another question (hosts and organisers)")},
    MessageSpec {YamJamFeature, Direction::Request, true, featureFields,
                 L("Show which question is being answered now (hosts); passing, not logged")},
    MessageSpec {YamJamJoin, Direction::Request, true, roomFields,
                 L("Enter a YamJam's live room: counted as present, and told `yamjam.live`")},
    MessageSpec {YamJamLeave, Direction::Request, true, roomFields,
                 L("Leave a YamJam's live room")},
    MessageSpec {YamJamLive, Direction::Push, false, liveFields,
                 L("Who is present and what is being answered, at most once a second")},
};

constexpr std::array events {
    EventKindSpec {YamJamCreated, L("the YamJam's audience, hosts and organisers"), L("`yamjam`"),
                   L("A YamJam was announced")},
    EventKindSpec {YamJamUpdated,
                   L("the YamJam's audience, hosts and organisers (before and "
                     "after the change)"),
                   L("`yamjam`"), L("A YamJam changed, ended, or a host or organiser declined")},
    EventKindSpec {YamJamQuestion, L("the YamJam's audience, hosts and organisers"),
                   L("`question` as everyone sees it (never its anonymous asker)"),
                   L("A question was published, answered, edited, hidden, restored or merged")},
    EventKindSpec {YamJamQueued, L("the YamJam's organisers and the question's asker"),
                   L("`question` with `askerId` and `reason`"),
                   L("A question was held for approval, hidden, or edited by an organiser")},
    EventKindSpec {YamJamVoted, L("the YamJam's audience, hosts and organisers"),
                   L("`questionId`, `yamjamId`, `votes`, `userId`, `voted`"),
                   L("An upvote was set or taken back")},
};

constexpr CapabilitySpec spec {L("yamjams"), Feature, messages, events};

} // namespace

const CapabilitySpec& capability()
{
    return spec;
}

Phase phaseAt(const QDateTime& startsAt, const QDateTime& endsAt, const QDateTime& endedAt,
              const QDateTime& now)
{
    if ((endedAt.isValid() && endedAt <= now) || (endsAt.isValid() && endsAt <= now))
        return Phase::Closed;
    if (startsAt.isValid() && now < startsAt)
        return Phase::Upcoming;
    return Phase::Live;
}

QLatin1StringView phaseName(Phase phase)
{
    switch (phase) {
    case Phase::Upcoming:
        return L("upcoming");
    case Phase::Live:
        return L("live");
    case Phase::Closed:
        return L("closed");
    }
    return L("closed");
}

} // namespace plein::protocol::yamjams
