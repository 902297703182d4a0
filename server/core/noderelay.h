#pragma once

#include <QElapsedTimer>
#include <QHash>
#include <QJsonObject>
#include <QObject>
#include <QString>

#include <functional>

namespace plein::server {

// Passing notes between the server nodes that share one database, for what is never stored:
// ephemeral signals and presence. The server app gives it a transport (PostgreSQL NOTIFY); a
// node alone (SQLite, the command line) has none and publishing does nothing. Each note is a
// topic and a small JSON object (NOTIFY carries at most 8,000 bytes); a node never receives
// its own.
//
// Notes go only when another node has been heard from lately (every node's presence says it is
// alive every 30 s): a node running alone on PostgreSQL spends no statement on each typing
// signal. Presence's own notes go always (Reach::Always), so that nodes find each other.
class NodeRelay : public QObject
{
    Q_OBJECT

public:
    using Handler = std::function<void(const QJsonObject& note)>;
    using Transport = std::function<void(const QByteArray& payload)>;

    explicit NodeRelay(QObject* parent = nullptr);

    QString nodeId() const { return m_nodeId; }
    // Whether other nodes may be listening (a transport is set).
    bool isActive() const { return bool(m_transport); }
    void subscribe(const QString& topic, Handler handler);
    enum class Reach {
        OtherNodes, // only when another node was heard from lately: nobody else, no note
        Always, // whether or not anyone listens (how nodes find each other)
    };
    // False when the note did not go (no transport, nobody else, too long).
    bool publish(const QString& topic, QJsonObject note, Reach reach = Reach::OtherNodes);
    // Whether another node was heard from within the last 100 s.
    bool hearsOthers() const;

    // For the server app: where notes go, and a note that arrived (ours are ignored).
    void setTransport(Transport transport);
    void receive(const QByteArray& payload);

Q_SIGNALS:
    // A transport was set: other nodes may be there (presence asks them what they know).
    void activated();

private:
    QString m_nodeId;
    Transport m_transport;
    QMultiHash<QString, Handler> m_handlers;
    QHash<QString, QElapsedTimer> m_heard; // other nodes, when each was last heard from
};

} // namespace plein::server
