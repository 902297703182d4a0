#pragma once

#include "capabilities/yamjams/yamjamstore.h"
#include "core/eventlog.h"
#include "core/writeservice.h"

#include <functional>

namespace plein::server {

class AccountStore;
class GroupService;
struct User;

// The rules of YamJams. Who takes part: everyone (a YamJam only admins announce), or the
// members of its groups and the people it names; its hosts, organisers and creator always.
// A YamJam, or a question of one, that the user does not take part in answers exactly like a
// missing one. Questions and votes are taken while it is live (and before, where it allows
// that); once closed, only its hosts still answer, and the rest is `closed`.
class YamJamService
{
public:
    YamJamService(WriteService& writes, YamJamStore& store, EventLog& events,
                  AccountStore& accounts, GroupService& groups)
        : m_writes(writes)
        , m_store(store)
        , m_events(events)
        , m_accounts(accounts)
        , m_groups(groups)
    { }

    using Outcome = WriteService::Outcome;
    Result<Outcome> create(const User& user, const QJsonObject& payload);
    Result<Outcome> update(const User& user, const QJsonObject& payload);
    Result<Outcome> decline(const User& user, const QJsonObject& payload);
    Result<Outcome> end(const User& user, const QJsonObject& payload);
    Result<Outcome> ask(const User& user, const QJsonObject& payload);
    Result<Outcome> vote(const User& user, const QJsonObject& payload);
    Result<Outcome> answer(const User& user, const QJsonObject& payload);
    Result<Outcome> moderate(const User& user, const QJsonObject& payload);
    Result<Outcome> editQuestion(const User& user, const QJsonObject& payload);
    Result<Outcome> merge(const User& user, const QJsonObject& payload);
    Result<QJsonObject> get(const User& user, const QJsonObject& payload);
    Result<QJsonObject> list(const User& user, const QJsonObject& payload);
    Result<QJsonObject> questions(const User& user, const QJsonObject& payload);

    // The YamJam if `user` takes part in it.
    std::optional<YamJam> visible(const User& user, qint64 yamjamId);
    // Sets the question being answered now (hosts and organisers); the YamJam.
    Result<YamJam> feature(const User& user, qint64 yamjamId, qint64 questionId);

    static protocol::Error notFound(qint64 yamjamId);
    static protocol::Error questionNotFound(qint64 questionId);
    // Whom a YamJam's events go to.
    static Scope audienceOf(const YamJam& y);

private:
    // The settings of a create or update checked and applied onto `y`, with the lists.
    struct Lists
    {
        QList<qint64> hosts, organisers, groups, people;
    };
    std::optional<protocol::Error> applySettings(const User& user, const QJsonObject& payload,
                                                 YamJam& y, Lists& lists, bool creating);
    // A question and its YamJam that `user` may see.
    struct Found
    {
        YamJamQuestion question;
        YamJam yamjam;
    };
    std::optional<Found> visibleQuestion(const User& user, qint64 questionId);
    bool organises(const User& user, const YamJam& y) const;
    // Questions and votes are taken (or `closed`, and why).
    static std::optional<protocol::Error> takesQuestions(const YamJam& y);
    // The events a change of a question makes: the audience's view, and, for its organisers
    // and asker, the full one (`queued`) when it is held, hidden or was edited by them.
    Result<qint64> announceQuestion(qint64 actorId, const YamJam& y, qint64 questionId,
                                    bool queued);
    Result<qint64> announceYamJam(qint64 actorId, QLatin1StringView kind, const YamJam& y,
                                  const Scope& scope);
    // After a change of the YamJam: `yamjam.updated` to `to(the YamJam now)`, and the answer.
    Result<QJsonObject> announceChange(const User& user, qint64 yamjamId,
                                       const std::function<Scope(const YamJam&)>& to);
    // After a change of a question: its events (announceQuestion), and the answer, the
    // question as `user` sees it now.
    Result<QJsonObject> questionChanged(const User& user, const YamJam& y, qint64 questionId,
                                        bool queued);
    // The card as `user` reads it (with the figures for its organisers).
    QJsonObject cardFor(const User& user, const YamJam& y);

    WriteService& m_writes;
    YamJamStore& m_store;
    EventLog& m_events;
    AccountStore& m_accounts;
    GroupService& m_groups;
};

} // namespace plein::server
