#include "capabilities/search/searchprotocol.h"

#include <array>

namespace plein::protocol::search {

namespace {

using L = QLatin1StringView;

constexpr std::array queryFields {
    FieldSpec {L("q"), FieldType::String, true, 1, maxQueryChars,
               L("The words to find; the last one also as the start of a word")},
    FieldSpec {L("kind"), FieldType::Choice, false, 0, 0,
               L("Only posts (and replies), only chat messages, or only articles (feature "
                 "`blogs`)"),
               L("post|chat|article")},
    FieldSpec {L("groupId"), FieldType::Id, false, 1, maxSafeInteger,
               L("Only in this group (its posts and its chat)")},
    FieldSpec {L("authorId"), FieldType::Id, false, 1, maxSafeInteger, L("Only by this person")},
    FieldSpec {L("hasFile"), FieldType::Bool, false, 0, 0,
               L("Only what carries a file (true) or what carries none (false)")},
    FieldSpec {L("after"), FieldType::String, false, 10, 30,
               L("Only written at or after this moment (ISO 8601, a date or a time in UTC)")},
    FieldSpec {L("before"), FieldType::String, false, 10, 30,
               L("Only written before this moment (ISO 8601)")},
    FieldSpec {L("sort"), FieldType::Choice, false, 0, 0,
               L("Best matches first (default) or newest first"), L("relevance|newest")},
    FieldSpec {L("offset"), FieldType::Integer, false, 0, maxOffset,
               L("Results to skip (the previous pages' `next`)")},
    FieldSpec {L("limit"), FieldType::Integer, false, 1, maxPage,
               L("Results per page (default 20)")},
};

constexpr std::array messages {
    MessageSpec {SearchQuery, Direction::Request, true, queryFields,
                 L("Find posts, replies, chat messages and articles the user may see; answers "
                   "`results` (kind, id, snippet with `marks`, author, place, time) and `next`")},
};

constexpr CapabilitySpec spec {L("search"), Feature, messages, {}};

} // namespace

const CapabilitySpec& capability()
{
    return spec;
}

} // namespace plein::protocol::search
