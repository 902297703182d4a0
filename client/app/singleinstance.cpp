#include "singleinstance.h"

#include "shell/navigator.h"

#include <QCryptographicHash>
#include <QDir>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLocalServer>
#include <QLocalSocket>
#include <QPointer>
#include <QTimer>

namespace plein::app {

namespace {

const QString linkKey = QStringLiteral("link");
constexpr int readTimeoutMs = 2000;

} // namespace

SingleInstance::SingleInstance(const QString& key, QObject* parent)
    : QObject(parent)
{
    // Socket names have a length limit and must not carry the folder's characters: a hash of
    // the absolute profile path, with the user's name so that users never share one.
    const QByteArray digest = QCryptographicHash::hash(
        (QDir(key).absolutePath() + u'\n' + qEnvironmentVariable("USER")).toUtf8(),
        QCryptographicHash::Sha256);
    m_name = QStringLiteral("plein-") + QString::fromLatin1(digest.toHex().left(24));
}

SingleInstance::~SingleInstance() = default;

bool SingleInstance::forward(const QUrl& link, int timeoutMs) const
{
    QLocalSocket socket;
    socket.connectToServer(m_name);
    if (!socket.waitForConnected(timeoutMs))
        return false;
    QJsonObject message;
    if (!link.isEmpty())
        message.insert(linkKey, link.toString());
    socket.write(QJsonDocument(message).toJson(QJsonDocument::Compact) + '\n');
    if (!socket.waitForBytesWritten(timeoutMs))
        return false;
    // The running app answers once it has read the message, so the link is not lost when
    // this process exits at once.
    if (!socket.waitForReadyRead(timeoutMs))
        return false;
    socket.disconnectFromServer();
    return true;
}

bool SingleInstance::listen()
{
    if (m_server)
        return true;
    auto* server = new QLocalServer(this);
    server->setSocketOptions(QLocalServer::UserAccessOption);
    if (!server->listen(m_name)) {
        // A socket file left by an app that crashed: nobody answered forward(), so it is stale.
        if (server->serverError() == QAbstractSocket::AddressInUseError
            && QLocalServer::removeServer(m_name) && server->listen(m_name)) {
            // listening now
        } else {
            m_error = server->errorString();
            delete server;
            return false;
        }
    }
    m_server = server;
    connect(m_server, &QLocalServer::newConnection, this, &SingleInstance::onConnection);
    return true;
}

void SingleInstance::onConnection()
{
    while (QLocalSocket* socket = m_server->nextPendingConnection()) {
        connect(socket, &QLocalSocket::disconnected, socket, &QObject::deleteLater);
        // A client that connects and says nothing is dropped after a while.
        QTimer::singleShot(readTimeoutMs, socket, [socket]() { socket->abort(); });
        connect(socket, &QLocalSocket::readyRead, this, [this, socket]() {
            if (socket->bytesAvailable() > maxMessageBytes) {
                socket->abort();
                return;
            }
            if (!socket->canReadLine())
                return;
            const QByteArray line = socket->readLine(maxMessageBytes).trimmed();
            QJsonParseError error;
            const QJsonDocument doc = QJsonDocument::fromJson(line, &error);
            socket->write("ok\n");
            socket->flush();
            socket->disconnectFromServer();
            if (error.error != QJsonParseError::NoError || !doc.isObject())
                return;
            const QJsonValue value = doc.object().value(linkKey);
            QUrl link;
            if (value.isString()) {
                link = QUrl(value.toString());
                // Only the app's own links: anything else is dropped and the window still shown.
                if (!Navigator::isPleinLink(link))
                    link = QUrl();
            }
            Q_EMIT activated(link);
        });
    }
}

} // namespace plein::app
