#include "capabilities/yamjams/yamjamservice.h"

#include "capabilities/accounts/accountstore.h"
#include "capabilities/groups/groupservice.h"
#include "capabilities/yamjams/yamjamsprotocol.h"
#include "core/database.h"
#include "protocol/fields.h"

#include <QDateTime>
#include <QJsonArray>
#include <QSet>

namespace plein::server {

using protocol::ErrorCode;
using protocol::idField;
namespace yamjams = protocol::yamjams;

namespace {

using L = QLatin1StringView;

QList<qint64> idsField(const QJsonObject& payload, QLatin1StringView name)
{
    QList<qint64> ids;
    for (const auto& v : payload.value(name).toArray()) {
        const qint64 id = qint64(v.toDouble());
        if (!ids.contains(id))
            ids.append(id);
    }
    return ids;
}

QList<qint64> united(QList<qint64> a, const QList<qint64>& b)
{
    for (qint64 x : b) {
        if (!a.contains(x))
            a.append(x);
    }
    return a;
}

QDateTime utc(const QString& s)
{
    return s.isEmpty() ? QDateTime() : QDateTime::fromString(s, Qt::ISODateWithMs);
}

yamjams::Phase phaseOf(const YamJam& y)
{
    return yamjams::phaseAt(utc(y.startsAt), utc(y.endsAt), utc(y.endedAt),
                            QDateTime::currentDateTimeUtc());
}

protocol::Error badRequest(const QString& why)
{
    return protocol::Error {ErrorCode::BadRequest, why};
}

// A time of the payload as the stored text; an error when it is not a UTC time.
std::optional<protocol::Error> timeField(const QJsonObject& payload, QLatin1StringView name,
                                         QString* out)
{
    if (!payload.contains(name))
        return std::nullopt;
    const QDateTime t = QDateTime::fromString(payload.value(name).toString(), Qt::ISODateWithMs);
    if (!t.isValid() || t.timeSpec() != Qt::UTC)
        return badRequest(
            QStringLiteral("'%1' is not a UTC time such as 2026-12-01T09:00:00Z").arg(name));
    *out = t.toString(Qt::ISODateWithMs);
    return std::nullopt;
}

} // namespace

protocol::Error YamJamService::notFound(qint64 yamjamId)
{
    return protocol::Error {ErrorCode::NotFound,
                            QStringLiteral("YamJam %1 does not exist").arg(yamjamId)};
}

protocol::Error YamJamService::questionNotFound(qint64 questionId)
{
    return protocol::Error {ErrorCode::NotFound,
                            QStringLiteral("question %1 does not exist").arg(questionId)};
}

Scope YamJamService::audienceOf(const YamJam& y)
{
    if (y.everyone)
        return Scope::everyone();
    QList<qint64> users = united(united(y.hostIds(), y.organiserIds()), y.peopleIds());
    if (!users.contains(y.createdBy))
        users.append(y.createdBy);
    return Scope::groupsAndUsers(y.groups, users);
}

std::optional<YamJam> YamJamService::visible(const User& user, qint64 yamjamId)
{
    auto y = m_store.find(yamjamId);
    if (!y)
        return std::nullopt;
    if (user.role == Role::Admin || y->everyone || m_store.inAudience(yamjamId, user.id))
        return y;
    return std::nullopt;
}

bool YamJamService::organises(const User& user, const YamJam& y) const
{
    return user.role == Role::Admin || y.isOrganiser(user.id);
}

std::optional<YamJamService::Found> YamJamService::visibleQuestion(const User& user,
                                                                   qint64 questionId)
{
    auto q = m_store.findQuestion(questionId, user.id);
    if (!q)
        return std::nullopt;
    auto y = visible(user, q->yamjamId);
    if (!y)
        return std::nullopt;
    // A held, hidden or merged question is its asker's and the organisers' only.
    if (q->state != QuestionState::Published && q->askerId != user.id && !organises(user, *y))
        return std::nullopt;
    return Found {std::move(*q), std::move(*y)};
}

std::optional<protocol::Error> YamJamService::takesQuestions(const YamJam& y)
{
    switch (phaseOf(y)) {
    case yamjams::Phase::Closed:
        return protocol::Error {ErrorCode::Closed,
                                QStringLiteral("the YamJam '%1' has ended and takes no more "
                                               "questions or votes")
                                    .arg(y.title)};
    case yamjams::Phase::Upcoming:
        if (!y.early)
            return protocol::Error {ErrorCode::Closed,
                                    QStringLiteral("the YamJam '%1' takes questions from its "
                                                   "start")
                                        .arg(y.title)};
        break;
    case yamjams::Phase::Live:
        break;
    }
    return std::nullopt;
}

std::optional<protocol::Error> YamJamService::applySettings(const User& user,
                                                            const QJsonObject& payload, YamJam& y,
                                                            Lists& lists, bool creating)
{
    if (payload.contains(L("title"))) {
        y.title = payload.value(L("title")).toString().simplified();
        if (y.title.isEmpty())
            return badRequest(QStringLiteral("a YamJam needs a title"));
    }
    if (payload.contains(L("description")))
        y.description = payload.value(L("description")).toString();
    const QString startsBefore = y.startsAt;
    const QString endsBefore = y.endsAt;
    if (auto e = timeField(payload, L("startsAt"), &y.startsAt))
        return e;
    if (auto e = timeField(payload, L("endsAt"), &y.endsAt))
        return e;
    const QDateTime now = QDateTime::currentDateTimeUtc();
    const QDateTime starts = utc(y.startsAt);
    const QDateTime ends = utc(y.endsAt);
    const bool timesChanged = creating || y.startsAt != startsBefore || y.endsAt != endsBefore;
    if (timesChanged) {
        if (starts > now.addDays(yamjams::maxScheduleDays))
            return badRequest(QStringLiteral("a YamJam starts at most %1 days ahead")
                                  .arg(yamjams::maxScheduleDays));
        if (starts.secsTo(ends) < 60 * yamjams::minDurationMinutes)
            return badRequest(QStringLiteral("a YamJam lasts at least %1 minutes")
                                  .arg(yamjams::minDurationMinutes));
        if (starts.daysTo(ends) > yamjams::maxDurationDays)
            return badRequest(
                QStringLiteral("a YamJam lasts at most %1 days").arg(yamjams::maxDurationDays));
        if (ends <= now)
            return badRequest(QStringLiteral("a YamJam's end must be ahead"));
    }
    if (payload.contains(L("moderated"))) {
        const bool moderated = payload.value(L("moderated")).toBool();
        if (y.moderated && !moderated)
            return badRequest(QStringLiteral("once a YamJam is moderated it stays moderated"));
        y.moderated = moderated;
    }
    if (payload.contains(L("anonymous")))
        y.anonymous = payload.value(L("anonymous")).toBool();
    if (payload.contains(L("early")))
        y.early = payload.value(L("early")).toBool();

    const auto people
        = [&](QLatin1StringView field, QList<qint64>* out) -> std::optional<protocol::Error> {
        if (!payload.contains(field))
            return std::nullopt;
        const QList<qint64> named = idsField(payload, field);
        const QList<qint64> active = m_store.activeAmong(named);
        for (qint64 id : named) {
            if (!active.contains(id))
                return protocol::Error {ErrorCode::NotFound,
                                        QStringLiteral("user %1 does not exist").arg(id)};
        }
        *out = named;
        return std::nullopt;
    };
    if (auto e = people(L("hostIds"), &lists.hosts))
        return e;
    if (lists.hosts.isEmpty())
        return badRequest(QStringLiteral("a YamJam needs a host"));
    if (auto e = people(L("organiserIds"), &lists.organisers))
        return e;
    if (creating && !lists.organisers.contains(user.id))
        lists.organisers.prepend(user.id);
    if (lists.organisers.isEmpty())
        return badRequest(QStringLiteral("a YamJam needs an organiser"));
    if (lists.organisers.size() > yamjams::maxOrganisers)
        return protocol::Error {
            ErrorCode::TooLarge,
            QStringLiteral("a YamJam has at most %1 organisers").arg(yamjams::maxOrganisers)};
    if (auto e = people(L("userIds"), &lists.people))
        return e;
    if (payload.contains(L("groupIds"))) {
        const QList<qint64> groups = idsField(payload, L("groupIds"));
        for (qint64 g : groups) {
            // Only groups the user is in (an admin: any); one they may not see is missing.
            if (lists.groups.contains(g))
                continue;
            const GroupAccess a = m_groups.access(user, g);
            if (!a.group)
                return GroupService::notFound(g);
            if (!a.isMember() && !a.admin)
                return protocol::Error {
                    ErrorCode::Forbidden,
                    QStringLiteral("only members of '%1' may invite it").arg(a.group->name)};
        }
        lists.groups = groups;
    }
    if (payload.contains(L("audience"))) {
        const bool everyone = payload.value(L("audience")).toString() == L("everyone");
        if (everyone && !y.everyone && user.role != Role::Admin)
            return protocol::Error {ErrorCode::Forbidden,
                                    QStringLiteral("only administrators announce a YamJam for "
                                                   "everyone")};
        y.everyone = everyone;
    }
    if (y.everyone) {
        lists.groups.clear();
        lists.people.clear();
    } else if (lists.groups.isEmpty() && lists.people.isEmpty()) {
        return badRequest(QStringLiteral("a YamJam for some people needs groups or people"));
    }
    return std::nullopt;
}

Result<qint64> YamJamService::announceYamJam(qint64 actorId, QLatin1StringView kind,
                                             const YamJam& y, const Scope& scope)
{
    return m_events.append(QString(kind), actorId, scope,
                           QJsonObject {{QStringLiteral("yamjam"), y.toJson()}}, y.id);
}

Result<qint64> YamJamService::announceQuestion(qint64 actorId, const YamJam& y, qint64 questionId,
                                               bool queued)
{
    const auto q = m_store.findQuestion(questionId);
    if (!q)
        return questionNotFound(questionId);
    // An anonymous question's events name no one: not even the log's actor.
    const qint64 actor = q->anonymous && actorId == q->askerId ? 0 : actorId;
    qint64 seq = 0;
    if (q->state != QuestionState::Pending || !queued) {
        auto s = m_events.append(
            QString(yamjams::YamJamQuestion), actor, audienceOf(y),
            QJsonObject {{QStringLiteral("question"), q->toJson(YamJamQuestion::View {})}}, q->id);
        if (!s)
            return s;
        seq = s.value();
    }
    if (queued) {
        QList<qint64> told = y.organiserIds();
        if (!told.contains(q->askerId))
            told.append(q->askerId);
        auto s = m_events.append(
            QString(yamjams::YamJamQueued), actor, Scope::usersOnly(told),
            QJsonObject {{QStringLiteral("question"), q->toJson(YamJamQuestion::View {0, true})}},
            q->id);
        if (!s)
            return s;
        seq = s.value();
    }
    return seq;
}

QJsonObject YamJamService::cardFor(const User& user, const YamJam& y)
{
    QJsonObject card = y.toJson();
    QJsonArray roles;
    if (y.isHost(user.id))
        roles.append(QStringLiteral("host"));
    if (y.isOrganiser(user.id))
        roles.append(QStringLiteral("organiser"));
    card.insert(QStringLiteral("myRoles"), roles);
    card.insert(QStringLiteral("answering"),
                y.answeringId ? QJsonValue(y.answeringId) : QJsonValue());
    if (organises(user, y))
        card.insert(QStringLiteral("figures"), m_store.figures(y.id).toJson());
    return card;
}

Result<QJsonObject> YamJamService::announceChange(const User& user, qint64 yamjamId,
                                                  const std::function<Scope(const YamJam&)>& to)
{
    const auto after = m_store.find(yamjamId);
    if (!after)
        return notFound(yamjamId);
    auto seq = announceYamJam(user.id, yamjams::YamJamUpdated, *after, to(*after));
    if (!seq)
        return seq.error();
    return QJsonObject {{QStringLiteral("yamjam"), cardFor(user, *after)},
                        {QStringLiteral("seq"), seq.value()}};
}

Result<QJsonObject> YamJamService::questionChanged(const User& user, const YamJam& y,
                                                   qint64 questionId, bool queued)
{
    const auto seq = announceQuestion(user.id, y, questionId, queued);
    if (!seq)
        return seq.error();
    const auto now = m_store.findQuestion(questionId, user.id);
    if (!now)
        return questionNotFound(questionId);
    return QJsonObject {{QStringLiteral("question"),
                         now->toJson(YamJamQuestion::View {user.id, organises(user, y)})},
                        {QStringLiteral("seq"), seq.value()}};
}

Result<YamJamService::Outcome> YamJamService::create(const User& user, const QJsonObject& payload)
{
    return m_writes.run(
        user.id, QString(yamjams::YamJamCreate), payload, [&]() -> Result<QJsonObject> {
            YamJam y;
            y.createdBy = user.id;
            Lists lists;
            if (auto e = applySettings(user, payload, y, lists, true))
                return *e;
            auto id = m_store.insert(y, lists.hosts, lists.organisers, lists.groups, lists.people);
            if (!id)
                return id.error();
            const auto made = m_store.find(id.value());
            if (!made)
                return makeError(ErrorCode::Internal, QStringLiteral("the YamJam was not made"));
            auto seq = announceYamJam(user.id, yamjams::YamJamCreated, *made, audienceOf(*made));
            if (!seq)
                return seq.error();
            return QJsonObject {{QStringLiteral("yamjam"), cardFor(user, *made)},
                                {QStringLiteral("seq"), seq.value()}};
        });
}

Result<YamJamService::Outcome> YamJamService::update(const User& user, const QJsonObject& payload)
{
    return m_writes.run(
        user.id, QString(yamjams::YamJamUpdate), payload, [&]() -> Result<QJsonObject> {
            const qint64 id = idField(payload, L("yamjamId"));
            auto before = visible(user, id);
            if (!before)
                return notFound(id);
            if (!organises(user, *before))
                return makeError(ErrorCode::Forbidden,
                                 QStringLiteral("only its organisers change a YamJam"));
            YamJam y = *before;
            Lists lists {y.hostIds(), y.organiserIds(), y.groups, y.peopleIds()};
            if (auto e = applySettings(user, payload, y, lists, false))
                return *e;
            if (auto r
                = m_store.update(y, lists.hosts, lists.organisers, lists.groups, lists.people);
                !r)
                return r.error();
            // Those it is no longer for hear of the change too, and drop it.
            const Scope was = audienceOf(*before);
            return announceChange(user, id, [&](const YamJam& after) {
                const Scope is = audienceOf(after);
                return was.kind == Scope::Kind::All || is.kind == Scope::Kind::All
                    ? Scope::everyone()
                    : Scope::groupsAndUsers(united(was.groups, is.groups),
                                            united(was.users, is.users));
            });
        });
}

Result<YamJamService::Outcome> YamJamService::decline(const User& user, const QJsonObject& payload)
{
    return m_writes.run(
        user.id, QString(yamjams::YamJamDecline), payload, [&]() -> Result<QJsonObject> {
            const qint64 id = idField(payload, L("yamjamId"));
            const auto y = visible(user, id);
            if (!y)
                return notFound(id);
            if (!y->isHost(user.id) && !y->isOrganiser(user.id))
                return makeError(ErrorCode::BadRequest,
                                 QStringLiteral("you are neither a host nor an organiser of it"));
            if (y->isOrganiser(user.id) && y->organisers.size() == 1)
                return makeError(ErrorCode::BadRequest,
                                 QStringLiteral("name another organiser before you decline: a "
                                                "YamJam needs one"));
            for (QLatin1StringView role : {L("host"), L("organiser")}) {
                if (auto r = m_store.removeRole(id, user.id, role); !r)
                    return r.error();
            }
            // The one who declined hears of it as before.
            const Scope was = audienceOf(*y);
            return announceChange(user, id, [&](const YamJam&) { return was; });
        });
}

Result<YamJamService::Outcome> YamJamService::end(const User& user, const QJsonObject& payload)
{
    return m_writes.run(
        user.id, QString(yamjams::YamJamEnd), payload, [&]() -> Result<QJsonObject> {
            const qint64 id = idField(payload, L("yamjamId"));
            const auto y = visible(user, id);
            if (!y)
                return notFound(id);
            if (!y->isHost(user.id) && !organises(user, *y))
                return makeError(ErrorCode::Forbidden,
                                 QStringLiteral("only its hosts and organisers end a YamJam"));
            if (phaseOf(*y) == yamjams::Phase::Closed)
                return makeError(ErrorCode::Closed,
                                 QStringLiteral("the YamJam '%1' has ended already").arg(y->title));
            if (auto r = m_store.setEnded(id, nowUtc()); !r)
                return r.error();
            return announceChange(user, id, &YamJamService::audienceOf);
        });
}

Result<YamJamService::Outcome> YamJamService::ask(const User& user, const QJsonObject& payload)
{
    return m_writes.run(
        user.id, QString(yamjams::YamJamAsk), payload, [&]() -> Result<QJsonObject> {
            const qint64 id = idField(payload, L("yamjamId"));
            const QString body = payload.value(L("body")).toString().trimmed();
            const bool anonymous = payload.value(L("anonymous")).toBool();
            const auto y = visible(user, id);
            if (!y)
                return notFound(id);
            if (body.isEmpty())
                return makeError(ErrorCode::BadRequest, QStringLiteral("a question needs text"));
            if (auto e = takesQuestions(*y))
                return *e;
            if (anonymous && !y->anonymous)
                return makeError(
                    ErrorCode::BadRequest,
                    QStringLiteral("the YamJam '%1' takes no anonymous questions").arg(y->title));
            const QuestionState state
                = y->moderated ? QuestionState::Pending : QuestionState::Published;
            auto q = m_store.insertQuestion(id, user.id, anonymous, body, state);
            if (!q)
                return q.error();
            auto seq = announceQuestion(user.id, *y, q->id, state == QuestionState::Pending);
            if (!seq)
                return seq.error();
            return QJsonObject {{QStringLiteral("question"),
                                 q->toJson(YamJamQuestion::View {user.id, organises(user, *y)})},
                                {QStringLiteral("seq"), seq.value()}};
        });
}

Result<YamJamService::Outcome> YamJamService::vote(const User& user, const QJsonObject& payload)
{
    return m_writes.run(
        user.id, QString(yamjams::YamJamVote), payload, [&]() -> Result<QJsonObject> {
            const qint64 questionId = idField(payload, L("questionId"));
            const bool voted = payload.value(L("voted")).toBool();
            const auto found = visibleQuestion(user, questionId);
            if (!found)
                return questionNotFound(questionId);
            if (found->question.state != QuestionState::Published)
                return makeError(ErrorCode::BadRequest,
                                 QStringLiteral("question %1 is not published").arg(questionId));
            if (auto e = takesQuestions(found->yamjam))
                return *e;
            int votes = 0;
            auto changed = m_store.setVote(questionId, user.id, voted, &votes);
            if (!changed)
                return changed.error();
            QJsonObject data {{QStringLiteral("questionId"), questionId},
                              {QStringLiteral("yamjamId"), found->yamjam.id},
                              {QStringLiteral("votes"), votes},
                              {QStringLiteral("userId"), user.id},
                              {QStringLiteral("voted"), voted}};
            // The state it had already changes nothing and tells nobody.
            if (changed.value()) {
                auto seq = m_events.append(QString(yamjams::YamJamVoted), user.id,
                                           audienceOf(found->yamjam), data, questionId);
                if (!seq)
                    return seq.error();
                data.insert(QStringLiteral("seq"), seq.value());
            }
            return data;
        });
}

Result<YamJamService::Outcome> YamJamService::answer(const User& user, const QJsonObject& payload)
{
    return m_writes.run(
        user.id, QString(yamjams::YamJamAnswer), payload, [&]() -> Result<QJsonObject> {
            const qint64 questionId = idField(payload, L("questionId"));
            const QString body = payload.value(L("body")).toString().trimmed();
            const bool live = payload.value(L("live")).toBool();
            const auto found = visibleQuestion(user, questionId);
            if (!found)
                return questionNotFound(questionId);
            if (!found->yamjam.isHost(user.id))
                return makeError(ErrorCode::Forbidden,
                                 QStringLiteral("only its hosts answer a YamJam's questions"));
            if (found->question.state != QuestionState::Published)
                return makeError(ErrorCode::BadRequest,
                                 QStringLiteral("question %1 is not published").arg(questionId));
            if (body.isEmpty() && !live)
                return makeError(ErrorCode::BadRequest,
                                 QStringLiteral("an answer needs text, or to be marked as given "
                                                "live"));
            if (auto r = m_store.setAnswer(questionId, body, live, user.id); !r)
                return r.error();
            return questionChanged(user, found->yamjam, questionId, false);
        });
}

Result<YamJamService::Outcome> YamJamService::moderate(const User& user, const QJsonObject& payload)
{
    return m_writes.run(
        user.id, QString(yamjams::YamJamModerate), payload, [&]() -> Result<QJsonObject> {
            const qint64 questionId = idField(payload, L("questionId"));
            const QString action = payload.value(L("action")).toString();
            const QString reason = payload.value(L("reason")).toString().trimmed();
            const auto found = visibleQuestion(user, questionId);
            if (!found)
                return questionNotFound(questionId);
            if (!organises(user, found->yamjam))
                return makeError(ErrorCode::Forbidden,
                                 QStringLiteral("only its organisers moderate a YamJam"));
            const QuestionState now = found->question.state;
            QuestionState next = now;
            if (action == L("approve") && now == QuestionState::Pending)
                next = QuestionState::Published;
            else if (action == L("hide")
                     && (now == QuestionState::Pending || now == QuestionState::Published))
                next = QuestionState::Hidden;
            else if (action == L("restore") && now == QuestionState::Hidden)
                next = QuestionState::Published;
            else
                return makeError(
                    ErrorCode::BadRequest,
                    QStringLiteral("a %1 question cannot be %2d")
                        .arg(questionStateName(now),
                             action == L("approve") ? QStringLiteral("approve") : action));
            if (auto r = m_store.setState(questionId, next,
                                          next == QuestionState::Hidden ? reason : QString());
                !r)
                return r.error();
            return questionChanged(user, found->yamjam, questionId, true);
        });
}

Result<YamJamService::Outcome> YamJamService::editQuestion(const User& user,
                                                           const QJsonObject& payload)
{
    return m_writes.run(
        user.id, QString(yamjams::YamJamEditQuestion), payload, [&]() -> Result<QJsonObject> {
            const qint64 questionId = idField(payload, L("questionId"));
            const QString body = payload.value(L("body")).toString().trimmed();
            const QString reason = payload.value(L("reason")).toString().trimmed();
            const auto found = visibleQuestion(user, questionId);
            if (!found)
                return questionNotFound(questionId);
            if (!organises(user, found->yamjam))
                return makeError(ErrorCode::Forbidden,
                                 QStringLiteral("only its organisers edit a YamJam's questions"));
            if (body.isEmpty())
                return makeError(ErrorCode::BadRequest, QStringLiteral("a question needs text"));
            if (found->question.state == QuestionState::Merged)
                return makeError(ErrorCode::BadRequest,
                                 QStringLiteral("question %1 was merged").arg(questionId));
            if (auto r = m_store.setBody(questionId, body, reason); !r)
                return r.error();
            return questionChanged(user, found->yamjam, questionId, true);
        });
}

Result<YamJamService::Outcome> YamJamService::merge(const User& user, const QJsonObject& payload)
{
    return m_writes.run(
        user.id, QString(yamjams::YamJamMerge), payload, [&]() -> Result<QJsonObject> {
            const qint64 questionId = idField(payload, L("questionId"));
            const qint64 intoId = idField(payload, L("intoId"));
            const auto found = visibleQuestion(user, questionId);
            if (!found)
                return questionNotFound(questionId);
            const auto into = visibleQuestion(user, intoId);
            if (!into || into->yamjam.id != found->yamjam.id)
                return questionNotFound(intoId);
            if (!found->yamjam.isHost(user.id) && !organises(user, found->yamjam))
                return makeError(ErrorCode::Forbidden,
                                 QStringLiteral("only its hosts and organisers merge questions"));
            if (questionId == intoId || found->question.state != QuestionState::Published
                || into->question.state != QuestionState::Published)
                return makeError(ErrorCode::BadRequest,
                                 QStringLiteral("only two different published questions merge"));
            auto votes = m_store.merge(questionId, intoId);
            if (!votes)
                return votes.error();
            if (auto s = announceQuestion(user.id, found->yamjam, questionId, false); !s)
                return s.error();
            auto seq = announceQuestion(user.id, found->yamjam, intoId, false);
            if (!seq)
                return seq.error();
            return QJsonObject {{QStringLiteral("questionId"), questionId},
                                {QStringLiteral("intoId"), intoId},
                                {QStringLiteral("votes"), votes.value()},
                                {QStringLiteral("seq"), seq.value()}};
        });
}

Result<YamJam> YamJamService::feature(const User& user, qint64 yamjamId, qint64 questionId)
{
    auto y = visible(user, yamjamId);
    if (!y)
        return notFound(yamjamId);
    if (!y->isHost(user.id) && !organises(user, *y))
        return makeError(ErrorCode::Forbidden,
                         QStringLiteral("only its hosts and organisers say what is answered now"));
    if (phaseOf(*y) == yamjams::Phase::Closed && questionId)
        return makeError(ErrorCode::Closed,
                         QStringLiteral("the YamJam '%1' has ended").arg(y->title));
    if (questionId) {
        const auto q = m_store.findQuestion(questionId);
        if (!q || q->yamjamId != yamjamId || q->state != QuestionState::Published)
            return questionNotFound(questionId);
    }
    auto r = m_writes.runUnlogged([&]() -> Result<QJsonObject> {
        if (auto s = m_store.setAnswering(yamjamId, questionId); !s)
            return s.error();
        return QJsonObject();
    });
    if (!r)
        return r.error();
    y->answeringId = questionId;
    return std::move(*y);
}

Result<QJsonObject> YamJamService::get(const User& user, const QJsonObject& payload)
{
    const qint64 id = idField(payload, L("yamjamId"));
    const qint64 head = m_events.head();
    const auto y = visible(user, id);
    if (!y)
        return notFound(id);
    return QJsonObject {{QStringLiteral("yamjam"), cardFor(user, *y)},
                        {QStringLiteral("head"), head}};
}

Result<QJsonObject> YamJamService::list(const User& user, const QJsonObject& payload)
{
    const bool past = payload.value(L("filter")).toString() == L("past");
    const int offset = payload.value(L("offset")).toInt();
    const int limit = payload.contains(L("limit")) ? payload.value(L("limit")).toInt()
                                                   : yamjams::defaultListPage;
    const qint64 head = m_events.head();
    auto page = m_store.list(user.id, user.role == Role::Admin, past, nowUtc(), offset, limit + 1);
    if (!page)
        return page.error();
    const bool more = page->size() > limit;
    if (more)
        page->removeLast();
    QJsonArray out;
    for (const YamJam& y : std::as_const(page.value()))
        out.append(cardFor(user, y));
    QJsonObject answer {{QStringLiteral("yamjams"), out},
                        {QStringLiteral("more"), more},
                        {QStringLiteral("head"), head}};
    if (more)
        answer.insert(QStringLiteral("next"), offset + limit);
    return answer;
}

Result<QJsonObject> YamJamService::questions(const User& user, const QJsonObject& payload)
{
    const qint64 id = idField(payload, L("yamjamId"));
    const qint64 after = idField(payload, L("after"));
    const int limit = payload.contains(L("limit")) ? payload.value(L("limit")).toInt()
                                                   : yamjams::defaultQuestionPage;
    const qint64 head = m_events.head();
    const auto y = visible(user, id);
    if (!y)
        return notFound(id);
    const bool organiser = organises(user, *y);
    auto page = m_store.questions(id, user.id, organiser, after, limit);
    if (!page)
        return page.error();
    QJsonArray out;
    for (const YamJamQuestion& q : std::as_const(page.value()))
        out.append(q.toJson(YamJamQuestion::View {user.id, organiser}));
    return QJsonObject {{QStringLiteral("yamjamId"), id},
                        {QStringLiteral("questions"), out},
                        {QStringLiteral("more"), page->size() == limit},
                        {QStringLiteral("head"), head}};
}

} // namespace plein::server
