#include "singleinstance.h"

#include "shell/navigator.h"

#include <QCryptographicHash>
#include <QDeadlineTimer>
#include <QDir>
#include <QFileInfo>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLocalServer>
#include <QLocalSocket>
#include <QLockFile>
#include <QPointer>
#include <QStandardPaths>
#include <QThread>
#include <QTimer>

namespace plein::app {

namespace {

const QString linkKey = QStringLiteral("link");
constexpr int readTimeoutMs = 2000;
constexpr int startWaitMs = 5000;

} // namespace

SingleInstance::SingleInstance(const QString& key, QObject* parent)
    : QObject(parent)
{
    // In the user's runtime folder (mode 0700: no other user can make, open or replace the
    // socket), named by a hash of the profile's path (socket paths are short, and must not
    // carry the folder's characters).
    const QDir profile(key);
    const QString path = QFileInfo(profile.absolutePath()).canonicalFilePath().isEmpty()
        ? profile.absolutePath()
        : QFileInfo(profile.absolutePath()).canonicalFilePath();
    const QByteArray digest = QCryptographicHash::hash(path.toUtf8(), QCryptographicHash::Sha256);
    QString runtime = QStandardPaths::writableLocation(QStandardPaths::RuntimeLocation);
    if (runtime.isEmpty())
        runtime = QDir::tempPath();
    m_name = QDir(runtime).filePath(QStringLiteral("plein-")
                                    + QString::fromLatin1(digest.toHex().left(24)));
    m_lockPath = profile.absoluteFilePath(QStringLiteral("plein.lock"));
}

SingleInstance::~SingleInstance()
{
    // The socket's file goes with the server (QLocalServer::close removes it), then the lock.
    delete m_server;
    m_server = nullptr;
}

SingleInstance::Start SingleInstance::start(const QUrl& link)
{
    // Another start may hold the lock and not listen yet (it is opening its cache): give it a
    // few seconds before giving up.
    QDeadlineTimer deadline(startWaitMs);
    do {
        if (forward(link, 300))
            return Start::HandedOver;
        if (listen())
            return Start::Running;
        QThread::msleep(100);
    } while (!deadline.hasExpired());
    return Start::Failed;
}

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
    if (!m_lock) {
        QDir().mkpath(QFileInfo(m_lockPath).absolutePath());
        auto lock = std::make_unique<QLockFile>(m_lockPath);
        // A lock whose process is gone (a crash) is taken over by tryLock itself.
        if (!lock->tryLock(0)) {
            m_error = lock->error() == QLockFile::LockFailedError
                ? tr("Plein is already running with this profile.")
                : tr("Cannot lock the profile folder %1.")
                      .arg(QFileInfo(m_lockPath).absolutePath());
            return false;
        }
        m_lock = std::move(lock);
    }
    // Holding the lock, any socket file left here is a crashed app's.
    QLocalServer::removeServer(m_name);
    auto* server = new QLocalServer(this);
    if (!server->listen(m_name)) {
        m_error = server->errorString();
        delete server;
        return false;
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
