#include "session.h"

#include "capabilities/session/sessionprotocol.h"
#include "protocol/envelope.h"
#include "protocol/limits.h"

#include <QCoreApplication>
#include <QJsonDocument>
#include <QSslError>
#include <QThreadPool>
#include <QTimer>
#include <QWebSocket>

namespace plein::client {

using protocol::ErrorCode;

Session::Session(QObject* parent)
    : QObject(parent)
    , m_socket(new QWebSocket(QString(), QWebSocketProtocol::VersionLatest, this))
{
    // Above the protocol's limit, so that an oversized page (from an older server) reaches the
    // decoder and is answered too_large, which asks again in smaller pages, instead of closing
    // the connection.
    m_socket->setMaxAllowedIncomingMessageSize(quint64(protocol::maxServerFrameBytes) * 4);
    connect(m_socket, &QWebSocket::connected, this, &Session::opened);
    connect(m_socket, &QWebSocket::textMessageReceived, this, &Session::onFrame);
#ifndef QT_NO_SSL
    connect(m_socket, &QWebSocket::sslErrors, this, [this](const QList<QSslError>& errors) {
        QStringList reasons;
        for (const QSslError& e : errors)
            reasons.append(e.errorString());
        Q_EMIT tlsFailed(reasons.join(QStringLiteral("; ")));
    });
#endif
    // stateChanged rather than disconnected: a connect attempt that fails never connected,
    // and the owner must hear about it all the same.
    connect(m_socket, &QWebSocket::stateChanged, this, [this](QAbstractSocket::SocketState state) {
        if (state != QAbstractSocket::UnconnectedState || !m_active)
            return;
        m_active = false;
        // Frames still being decoded belong to the connection that just ended.
        m_decoding.clear();
        failAll(tr("the connection was closed"));
        Q_EMIT closed(int(m_socket->closeCode()), m_socket->closeReason());
    });
}

Session::~Session()
{
    // Callbacks must not run into a half-destroyed owner.
    m_pending.clear();
    m_socket->disconnect(this);
}

void Session::open(const QUrl& url)
{
    m_active = true;
    m_socket->open(url);
}

void Session::close()
{
    m_socket->close(QWebSocketProtocol::CloseCodeNormal);
}

void Session::abort()
{
    m_socket->abort();
}

QString Session::errorString() const
{
    return m_socket->errorString();
}

bool Session::isOpen() const
{
    return m_socket->state() == QAbstractSocket::ConnectedState;
}

void Session::request(QLatin1StringView type, const QJsonObject& payload, QObject* context,
                      Reply reply, int timeoutMs)
{
    if (!isOpen()) {
        reply(makeError(ErrorCode::Unavailable, tr("not connected")));
        return;
    }
    const QString id = QString::number(++m_nextId);
    m_pending.insert(id, Pending {context, std::move(reply)});
    m_socket->sendTextMessage(QString::fromUtf8(protocol::encodeRequest(type, id, payload)));
    QTimer::singleShot(timeoutMs, this, [this, id]() {
        if (m_pending.contains(id))
            finish(id, makeError(ErrorCode::Unavailable, tr("the server did not answer in time")));
    });
}

void Session::onFrame(const QString& text)
{
    // Small frames (answers, live pushes) are decoded here. A large one (a sync page of up to
    // a megabyte) is decoded on a worker thread, so that parsing page N+1 overlaps with
    // storing page N on this one; frames behind it wait their turn, so order is kept.
    auto slot = std::make_shared<DecodedFrame>();
    if (text.size() < asyncDecodeChars) {
        slot->result = protocol::decodeServerFrame(text.toUtf8());
        slot->rawOnError = text;
        slot->done.storeRelease(1);
        if (m_decoding.isEmpty()) {
            handle(*slot);
            return;
        }
        m_decoding.enqueue(slot);
        return;
    }
    m_decoding.enqueue(slot);
    QPointer<Session> self(this);
    QThreadPool::globalInstance()->start([slot, text, self]() {
        slot->result = protocol::decodeServerFrame(text.toUtf8());
        if (std::holds_alternative<protocol::Error>(slot->result))
            slot->rawOnError = text;
        slot->done.storeRelease(1);
        QMetaObject::invokeMethod(
            qApp,
            [self]() {
                if (self)
                    self->drainDecoded();
            },
            Qt::QueuedConnection);
    });
}

void Session::drainDecoded()
{
    while (!m_decoding.isEmpty() && m_decoding.head()->done.loadAcquire()) {
        const auto slot = m_decoding.dequeue();
        handle(*slot);
    }
}

void Session::handle(const DecodedFrame& decodedFrame)
{
    const auto& decoded = decodedFrame.result;
    if (auto* error = std::get_if<protocol::Error>(&decoded)) {
        // Fail the request it answers now, rather than let it time out; a sync page that is
        // too large is asked for again in smaller pages.
        const QJsonObject raw = QJsonDocument::fromJson(decodedFrame.rawOnError.toUtf8()).object();
        const QString re = raw.value(QLatin1StringView("re")).toString();
        if (!re.isEmpty() && m_pending.contains(re)) {
            finish(re, *error);
            return;
        }
        // A push this client cannot read (a newer server's): dropping it would let the cursor
        // move past it with the next one. Catch up from the log instead.
        if (raw.contains(QLatin1StringView("type"))) {
            qWarning("plein: unreadable push from the server (%s); catching up from the log",
                     qPrintable(error->message));
            Q_EMIT behind(0);
            return;
        }
        qWarning("plein: unreadable frame from the server: %s", qPrintable(error->message));
        return;
    }
    const auto& frame = std::get<protocol::ServerFrame>(decoded);
    if (frame.kind == protocol::ServerFrame::Kind::Response) {
        if (frame.ok)
            finish(frame.re, frame.payload);
        else
            finish(frame.re, frame.error);
        return;
    }
    // A push this build does not know (frame.push empty) comes from a newer server: ignored.
    if (frame.push && frame.push->name == protocol::session::Event)
        Q_EMIT eventPushed(frame.seq, frame.payload);
    else if (frame.push && frame.push->name == protocol::session::SyncBehind)
        Q_EMIT behind(qint64(frame.payload.value(QLatin1StringView("head")).toDouble()));
    else if (frame.push && frame.push->name == protocol::session::Ephemeral)
        Q_EMIT ephemeral(frame.payload.value(QLatin1StringView("channel")).toString(),
                         frame.payload.value(QLatin1StringView("signal")).toString(),
                         qint64(frame.payload.value(QLatin1StringView("from")).toDouble()));
    else if (frame.push)
        Q_EMIT pushed(QString(frame.push->name), frame.payload);
}

void Session::finish(const QString& id, const Result<QJsonObject>& result)
{
    const auto it = m_pending.find(id);
    if (it == m_pending.end())
        return;
    const Pending pending = it.value();
    m_pending.erase(it);
    if (pending.context)
        pending.reply(result);
}

void Session::failAll(const QString& why)
{
    const auto pending = std::exchange(m_pending, {});
    for (const Pending& p : pending) {
        if (p.context)
            p.reply(makeError(ErrorCode::Unavailable, why));
    }
}

} // namespace plein::client
