#pragma once

#include <QHash>
#include <QList>
#include <QObject>
#include <QPointer>
#include <QSet>
#include <QString>
#include <QTimer>

namespace plein::client {

class Connection;
class Session;

// Presence as the app sees it: this session's own state, told to the server (online while the
// person uses the app, away after a quiet spell or with the screen locked, dnd while they do
// not want to be disturbed), and the states of the people the app shows now. Views say whom
// they show (`watch`, per view); the union, at most protocol::presence::maxWatched, goes to
// the server, which then pushes changes for those people only. Nothing is stored: after a
// reconnect the states are asked for again.
class Presence : public QObject
{
    Q_OBJECT

public:
    enum class State { Offline, Away, Dnd, Online };
    Q_ENUM(State)

    // Watch lists are sent this long after the last change (views come and go in bursts).
    static constexpr int watchDelayMs = 200;
    static constexpr int watchRetryMs = 5000;

    Presence(Session& session, Connection& connection, QObject* parent = nullptr);

    // This session's state (Offline is not one to set: closing the connection is).
    void setOwnState(State state);
    State ownState() const { return m_own; }

    // The people `view` shows now, replacing what it showed before; gone when it is destroyed.
    void watch(QObject* view, const QList<qint64>& userIds);
    void unwatch(QObject* view);
    State state(qint64 userId) const { return m_states.value(userId, State::Offline); }
    QList<qint64> watched() const;

    static QString name(State state);
    static State fromName(const QString& name);

Q_SIGNALS:
    void changed(qint64 userId, plein::client::Presence::State state);

private:
    void sendOwn();
    void sendWatch();
    void onPush(const QString& name, const QJsonObject& payload);
    void setState(qint64 userId, State state);

    Session& m_session;
    Connection& m_connection;
    State m_own = State::Online;
    QHash<QObject*, QList<qint64>> m_views;
    QHash<qint64, State> m_states;
    QTimer m_watchSoon;
    quint64 m_watchGeneration = 0;
};

} // namespace plein::client
