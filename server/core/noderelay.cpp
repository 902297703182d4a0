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
// A little more than presence takes a silent node to be gone (three 30 s heartbeats and 5 s).
constexpr qint64 othersHeardMs = 100 * 1000;

} // namespace

NodeRelay::NodeRelay(QObject* parent)
    : QObject(parent)
    , m_nodeId(QUuid::createUuid().toString(QUuid::WithoutBraces))
{ }

void NodeRelay::subscribe(const QString& topic, Handler handler)
{
    m_handlers.insert(topic, std::move(handler));
}

bool NodeRelay::hearsOthers() const
{
    for (const QElapsedTimer& heard : m_heard) {
        if (heard.elapsed() < othersHeardMs)
            return true;
    }
    return false;
}

bool NodeRelay::publish(const QString& topic, QJsonObject note, Reach reach)
{
    if (!m_transport || (reach == Reach::OtherNodes && !hearsOthers()))
        return false;
    note.insert(nodeKey, m_nodeId);
    note.insert(topicKey, topic);
    const QByteArray payload = QJsonDocument(note).toJson(QJsonDocument::Compact);
    if (payload.size() > maxNoteBytes) {
        qCWarning(lcRelay) << "a note on" << topic
                           << "is too long for other nodes:" << payload.size() << "bytes";
        return false;
    }
    m_transport(payload);
    return true;
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
    const QString node = note.value(nodeKey).toString();
    if (node == m_nodeId)
        return; // our own, already handled here
    if (!node.isEmpty()) {
        // Nodes come and go with new ids: forget those long gone before noting this one.
        m_heard.removeIf([](const QHash<QString, QElapsedTimer>::iterator it) {
            return it->elapsed() > othersHeardMs;
        });
        m_heard[node].start();
    }
    const QString topic = note.value(topicKey).toString();
    for (auto it = m_handlers.constFind(topic); it != m_handlers.constEnd() && it.key() == topic;
         ++it)
        it.value()(note);
}

} // namespace plein::server
