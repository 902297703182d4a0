#include "core/noderelay.h"

#include <QJsonDocument>
#include <QLoggingCategory>
#include <QUuid>

Q_LOGGING_CATEGORY(lcRelay, "plein.server.relay")

namespace plein::server {

namespace {

const QString nodeKey = QStringLiteral("node");
const QString topicKey = QStringLiteral("topic");
constexpr qsizetype maxNoteBytes = 7900; // NOTIFY's limit is 8,000 bytes

} // namespace

NodeRelay::NodeRelay(QObject* parent)
    : QObject(parent)
    , m_nodeId(QUuid::createUuid().toString(QUuid::WithoutBraces))
{ }

void NodeRelay::subscribe(const QString& topic, Handler handler)
{
    m_handlers.insert(topic, std::move(handler));
}

void NodeRelay::publish(const QString& topic, QJsonObject note)
{
    if (!m_transport)
        return;
    note.insert(nodeKey, m_nodeId);
    note.insert(topicKey, topic);
    const QByteArray payload = QJsonDocument(note).toJson(QJsonDocument::Compact);
    if (payload.size() > maxNoteBytes) {
        qCWarning(lcRelay) << "a note on" << topic
                           << "is too long for other nodes:" << payload.size() << "bytes";
        return;
    }
    m_transport(payload);
}

void NodeRelay::setTransport(Transport transport)
{
    m_transport = std::move(transport);
    if (m_transport)
        Q_EMIT activated();
}

void NodeRelay::receive(const QByteArray& payload)
{
    const QJsonObject note = QJsonDocument::fromJson(payload).object();
    if (note.value(nodeKey).toString() == m_nodeId)
        return; // our own, already handled here
    const QString topic = note.value(topicKey).toString();
    for (auto it = m_handlers.constFind(topic); it != m_handlers.constEnd() && it.key() == topic;
         ++it)
        it.value()(note);
}

} // namespace plein::server
