#pragma once

#include <QJsonObject>
#include <QList>
#include <QString>

#include <optional>

namespace plein::client {

class Cache;

// A YamJam's card in the cache, as the server last showed it to this user.
struct YamJamCard
{
    qint64 id = 0;
    QJsonObject card; // the server's `yamjam`
    bool questionsLoaded = false;

    QString title() const { return card.value(QLatin1StringView("title")).toString(); }
    // Derived from the times as of now (protocol::yamjams::phaseAt): it counts down offline.
    QString phase() const;
    // The user is one of its hosts / organisers (from the card's lists).
    bool isHost(qint64 userId) const;
    bool isOrganiser(qint64 userId) const;
};

// A question as the server last showed it to this user.
struct YamJamQuestionRow
{
    qint64 id = 0;
    qint64 yamjamId = 0;
    QString state;
    int votes = 0;
    bool votedByMe = false;
    bool mine = false;
    bool answered = false;
    QJsonObject data; // the server's `question`

    QString body() const { return data.value(QLatin1StringView("body")).toString(); }
};

// The YamJams' cache tables (client migration 026). Runs in the caller's transaction.
class YamJamStore
{
public:
    static constexpr QLatin1StringView yamjamsArea {"yamjams"};
    static constexpr QLatin1StringView questionsArea {"yamjam-questions"};

    explicit YamJamStore(Cache& cache)
        : m_cache(cache)
    { }

    // Stores a card unless the cache holds a newer one (`seq`).
    bool upsert(const QJsonObject& card, qint64 seq);
    // Forgets a YamJam and its questions.
    bool remove(qint64 yamjamId);
    bool clear();
    std::optional<YamJamCard> card(qint64 yamjamId) const;
    // Upcoming and live ones, soonest first; or closed ones, the last ended first.
    QList<YamJamCard> current() const;
    QList<YamJamCard> past(int limit) const;
    bool markQuestionsLoaded(qint64 yamjamId);

    // A question as an event or a read shows it: one without its text (hidden, merged, as the
    // audience sees it) leaves the cache; what the view leaves out about this user (their vote,
    // whether it is theirs) is kept from the row before.
    bool storeQuestion(const QJsonObject& question, qint64 seq);
    // The votes of a question; this user's own vote where known.
    bool setVotes(qint64 questionId, int votes, std::optional<bool> votedByMe, qint64 seq);
    std::optional<YamJamQuestionRow> question(qint64 questionId) const;
    // A YamJam's questions: by votes (then oldest first) or newest first.
    QList<YamJamQuestionRow> questions(qint64 yamjamId, bool newestFirst = false) const;

private:
    QList<YamJamCard> cards(const QString& where, int limit) const;
    Cache& m_cache;
};

} // namespace plein::client
