#pragma once

#include "protocol/messagespec.h"

#include <QDateTime>

namespace plein::protocol::yamjams {

// YamJams: announced, time-boxed live Q&A sessions. Hosts answer in public, organisers
// moderate; anyone in the audience asks and upvotes. Questions, answers, votes and moderation
// are events of the log; who is present and which question is being answered now are passing
// pushes of the YamJam's live room (`yamjam.live`).
inline constexpr QLatin1StringView Feature {"yamjams"};

inline constexpr QLatin1StringView YamJamCreate {"yamjam.create"};
inline constexpr QLatin1StringView YamJamUpdate {"yamjam.update"};
inline constexpr QLatin1StringView YamJamDecline {"yamjam.decline"};
inline constexpr QLatin1StringView YamJamEnd {"yamjam.end"};
inline constexpr QLatin1StringView YamJamGet {"yamjam.get"};
inline constexpr QLatin1StringView YamJamList {"yamjam.list"};
inline constexpr QLatin1StringView YamJamQuestions {"yamjam.questions"};
inline constexpr QLatin1StringView YamJamAsk {"yamjam.ask"};
inline constexpr QLatin1StringView YamJamVote {"yamjam.vote"};
inline constexpr QLatin1StringView YamJamAnswer {"yamjam.answer"};
inline constexpr QLatin1StringView YamJamModerate {"yamjam.moderate"};
inline constexpr QLatin1StringView YamJamEditQuestion {"yamjam.edit_question"};
inline constexpr QLatin1StringView YamJamMerge {"yamjam.merge"};
inline constexpr QLatin1StringView YamJamFeature {"yamjam.feature"};
inline constexpr QLatin1StringView YamJamJoin {"yamjam.join"};
inline constexpr QLatin1StringView YamJamLeave {"yamjam.leave"};
inline constexpr QLatin1StringView YamJamLive {"yamjam.live"};

inline constexpr QLatin1StringView YamJamCreated {"yamjam.created"};
inline constexpr QLatin1StringView YamJamUpdated {"yamjam.updated"};
inline constexpr QLatin1StringView YamJamQuestion {"yamjam.question"};
inline constexpr QLatin1StringView YamJamQueued {"yamjam.queued"};
inline constexpr QLatin1StringView YamJamVoted {"yamjam.voted"};

inline constexpr int maxTitleChars = 200;
inline constexpr int maxDescriptionChars = 5000;
inline constexpr int maxQuestionChars = 2000;
inline constexpr int maxAnswerChars = 10000;
inline constexpr int maxReasonChars = 500;
inline constexpr int maxHosts = 10;
inline constexpr int maxOrganisers = 10;
inline constexpr int maxAudienceGroups = 50;
inline constexpr int maxAudienceUsers = 500;
inline constexpr int maxListPage = 100;
inline constexpr int defaultListPage = 50;
inline constexpr int maxQuestionPage = 500;
inline constexpr int defaultQuestionPage = 200;
// A YamJam lasts at least this long and at most a week; it starts at most a year ahead.
inline constexpr int minDurationMinutes = 5;
inline constexpr int maxDurationDays = 7;
inline constexpr int maxScheduleDays = 366;

// Where a YamJam stands at `now`: before its start, live, or closed (its end passed, or its
// hosts ended it). Both sides derive it from the times, so a card read offline still counts
// down and closes on time.
enum class Phase { Upcoming, Live, Closed };
Phase phaseAt(const QDateTime& startsAt, const QDateTime& endsAt, const QDateTime& endedAt,
              const QDateTime& now);
QLatin1StringView phaseName(Phase phase);

const CapabilitySpec& capability();

} // namespace plein::protocol::yamjams
