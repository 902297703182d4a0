#pragma once

#include "protocol/result.h"

#include <QJsonObject>
#include <QList>
#include <QString>

#include <optional>

namespace plein::server {

class Database;

// Someone a YamJam names (a host, an organiser, an invited person), as cards show them.
struct YamJamPerson
{
    qint64 id = 0;
    QString username;
    QString displayName;

    QJsonObject toJson() const;
};

struct YamJam
{
    qint64 id = 0;
    qint64 createdBy = 0;
    QString title;
    QString description;
    QString startsAt;
    QString endsAt;
    QString endedAt; // empty: not ended by its hosts
    bool everyone = false;
    bool moderated = false;
    bool anonymous = false;
    bool early = true;
    qint64 answeringId = 0;
    QString createdAt;
    QString changedAt;
    QList<YamJamPerson> hosts;
    QList<YamJamPerson> organisers;
    QList<qint64> groups;
    QList<YamJamPerson> people;
    // Published questions (answered or not) and the answered ones among them.
    int questions = 0;
    int answered = 0;

    QList<qint64> hostIds() const;
    QList<qint64> organiserIds() const;
    QList<qint64> peopleIds() const;
    bool isHost(qint64 userId) const { return hostIds().contains(userId); }
    bool isOrganiser(qint64 userId) const { return organiserIds().contains(userId); }
    // The card: everything but the questions; `phase` as of now.
    QJsonObject toJson() const;
};

enum class QuestionState { Pending, Published, Hidden, Merged };
QLatin1StringView questionStateName(QuestionState s);
std::optional<QuestionState> questionStateFromName(QStringView name);

struct YamJamQuestion
{
    qint64 id = 0;
    qint64 yamjamId = 0;
    qint64 askerId = 0;
    YamJamPerson asker; // filled for every question; shown only where the rules allow
    bool anonymous = false;
    QString body;
    QuestionState state = QuestionState::Published;
    QString reason;
    qint64 mergedInto = 0;
    int votes = 0;
    bool answered = false;
    QString answer;
    bool answeredLive = false;
    YamJamPerson answeredBy;
    QString answeredAt;
    QString createdAt;
    QString editedAt;
    bool editedByOrganiser = false;
    bool votedByMe = false; // for the user the question was read for

    // How a question is shown. `everyone`: as its event tells the whole audience (never an
    // anonymous asker; of a question no longer shown, only its id and state). `viewer` adds
    // what that user's read carries: their vote, whether it is theirs, and, for its asker and
    // the organisers, why it was held or hidden; `organiser` also names an anonymous asker.
    struct View
    {
        qint64 viewerId = 0; // 0: the audience's view (an event)
        bool organiser = false;
    };
    QJsonObject toJson(const View& view) const;
};

// What an organiser's figures say of a YamJam (for the admin console too).
struct YamJamFigures
{
    int participants = 0; // distinct people who asked or voted
    int questions = 0; // asked, held and hidden ones included, merged ones not
    int answered = 0;
    int upvotes = 0;
    QJsonObject toJson() const;
};

// YamJams, their roles and audiences, questions and votes. Methods run in the caller's
// transaction and check nothing about who may do what: the YamJam service does.
class YamJamStore
{
public:
    explicit YamJamStore(Database& db)
        : m_db(db)
    { }

    // A new YamJam with its roles and audience; its id.
    Result<qint64> insert(const YamJam& y, const QList<qint64>& hosts,
                          const QList<qint64>& organisers, const QList<qint64>& groups,
                          const QList<qint64>& people);
    // Its settings, roles and audience as in `y` and the lists.
    Result<bool> update(const YamJam& y, const QList<qint64>& hosts,
                        const QList<qint64>& organisers, const QList<qint64>& groups,
                        const QList<qint64>& people);
    Result<bool> removeRole(qint64 yamjamId, qint64 userId, QLatin1StringView role);
    Result<bool> setEnded(qint64 yamjamId, const QString& at);
    Result<bool> setAnswering(qint64 yamjamId, qint64 questionId);
    std::optional<YamJam> find(qint64 yamjamId);
    // Whether the user is in the YamJam's audience: named, a host or organiser, its creator,
    // or a member of one of its groups (of every user, for one for everyone).
    bool inAudience(qint64 yamjamId, qint64 userId);
    // Which of these users exist and are active.
    QList<qint64> activeAmong(const QList<qint64>& userIds);
    // The YamJams `userId` takes part in (every one for `all`): `current` soonest first by
    // start, past ones newest first by end; `after` pages on by id order within that.
    Result<QList<YamJam>> list(qint64 userId, bool all, bool past, const QString& now, int offset,
                               int limit);

    Result<YamJamQuestion> insertQuestion(qint64 yamjamId, qint64 askerId, bool anonymous,
                                          const QString& body, QuestionState state);
    std::optional<YamJamQuestion> findQuestion(qint64 questionId, qint64 viewerId = 0);
    // Questions with ids above `after`, oldest first: every one for `all`, else the published
    // ones and those of `viewerId` (held or hidden).
    Result<QList<YamJamQuestion>> questions(qint64 yamjamId, qint64 viewerId, bool all,
                                            qint64 after, int limit);
    Result<bool> setState(qint64 questionId, QuestionState state, const QString& reason);
    Result<bool> setBody(qint64 questionId, const QString& body, const QString& reason);
    Result<bool> setAnswer(qint64 questionId, const QString& body, bool live, qint64 by);
    // Sets or takes back a vote; whether anything changed, and the count after it.
    Result<bool> setVote(qint64 questionId, qint64 userId, bool voted, int* votes);
    // The duplicate's votes move to `into` (one per person), it becomes merged; the count of
    // `into` after it.
    Result<int> merge(qint64 questionId, qint64 into);
    YamJamFigures figures(qint64 yamjamId);

private:
    Result<bool> writeMembers(qint64 yamjamId, const QList<qint64>& hosts,
                              const QList<qint64>& organisers, const QList<qint64>& groups,
                              const QList<qint64>& people);
    void fillNames(YamJam& y);
    Database& m_db;
};

} // namespace plein::server
