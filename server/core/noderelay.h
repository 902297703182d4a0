#pragma once

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
    void publish(const QString& topic, QJsonObject note);

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
};

} // namespace plein::server
