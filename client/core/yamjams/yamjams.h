#pragma once

#include "yamjamstore.h"

#include <QJsonObject>
#include <QObject>
#include <QSet>

namespace plein::client {

class Cache;
class Connection;
class Outbox;
class Session;

// YamJams in the client: the cards of those the user takes part in, the questions of those
// opened, and what the user does in them as writes of the outbox (one lane per YamJam, so a
// refused question holds up nothing else). A question refused because the YamJam closed
// meanwhile (`closed`) stays among the outbox's failures with its text, for the asker to copy.
// The live room (who is present, what is being answered now) is entered while a live page is
// open and entered again after each reconnect.
class YamJams : public QObject
{
    Q_OBJECT

public:
    YamJams(Session& session, Connection& connection, Cache& cache, Outbox& outbox,
            QObject* parent = nullptr);

    static QString laneOf(qint64 yamjamId);

    // Reads (online): the current and the past YamJams, one YamJam's card, its questions.
    void fetchList();
    void fetchCard(qint64 yamjamId);
    void fetchQuestions(qint64 yamjamId);

    // Writes through the outbox; each returns its client id (empty when it was not stored).
    // `settings` is a yamjam.create payload without its clientId.
    QString create(const QJsonObject& settings);
    QString update(qint64 yamjamId, const QJsonObject& changes);
    QString decline(qint64 yamjamId);
    QString end(qint64 yamjamId);
    QString ask(qint64 yamjamId, const QString& body, bool anonymous);
    QString vote(qint64 yamjamId, qint64 questionId, bool voted);
    QString answer(qint64 yamjamId, qint64 questionId, const QString& body, bool live);
    // `action`: approve, hide or restore.
    QString moderate(qint64 yamjamId, qint64 questionId, const QString& action,
                     const QString& reason);
    QString editQuestion(qint64 yamjamId, qint64 questionId, const QString& body,
                         const QString& reason);
    QString merge(qint64 yamjamId, qint64 questionId, qint64 intoId);

    // The live room of a YamJam whose page is open; entered again after a reconnect.
    void enterRoom(qint64 yamjamId);
    void leaveRoom(qint64 yamjamId);
    // Hosts and organisers: the question being answered now (0: none). Online only.
    void feature(qint64 yamjamId, qint64 questionId);

Q_SIGNALS:
    void listRead();
    void questionsRead(qint64 yamjamId);
    // The room's state (pushed at most once a second while in it).
    void live(qint64 yamjamId, int present, qint64 answering);
    // A YamJam the user takes part in was announced by someone else; or one they host or
    // organise (`role`: host, organiser).
    void announced(const YamJamCard& card, const QString& role);
    // A request answered with an error (a refused feature, a failed read).
    void failed(const QString& message);

private:
    friend class YamJamsApplier;
    QString queue(QLatin1StringView kind, qint64 yamjamId, const QJsonObject& payload);
    void storeList(const QJsonObject& answer);

    Session& m_session;
    Connection& m_connection;
    Cache& m_cache;
    Outbox& m_outbox;
    QSet<qint64> m_rooms;
};

} // namespace plein::client
