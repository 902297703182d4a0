#include "connectionpool.h"

#include "loadsupport.h"

#include <QJsonDocument>
#include <QNetworkProxy>
#include <QWebSocket>

namespace plein::loadbench {

using namespace Qt::StringLiterals;

namespace {

constexpr int maxPrintedFailures = 20;
constexpr int progressEveryMs = 5000;

} // namespace

void sendRequest(QWebSocket* socket, const QString& type, const QString& id,
                 const QJsonObject& payload)
{
    const QJsonObject frame {{u"type"_s, type}, {u"id"_s, id}, {u"payload"_s, payload}};
    socket->sendTextMessage(QString::fromUtf8(QJsonDocument(frame).toJson(QJsonDocument::Compact)));
}

std::optional<QJsonObject> responseTo(const QString& frame, const QString& id)
{
    const QJsonObject o = QJsonDocument::fromJson(frame.toUtf8()).object();
    if (o.value(u"re"_s).toString() != id)
        return std::nullopt;
    return o;
}

void silenceSockets(QObject& owner)
{
    for (QObject* child : owner.children()) {
        QObject::disconnect(child, nullptr, nullptr, nullptr);
        if (auto* socket = qobject_cast<QWebSocket*>(child))
            socket->abort();
    }
}

void FailureNotes::report(const QString& who, const QString& what)
{
    ++m_count;
    if (m_count <= maxPrintedFailures)
        note(u"%1: %2: %3"_s.arg(m_program, who, what.left(400)));
    else if (m_count == maxPrintedFailures + 1)
        note(u"%1: (further failures are counted, not printed)"_s.arg(m_program));
}

ConnectionPool::ConnectionPool(QObject& owner, QUrl url, Protocol protocol, QJsonObject hello,
                               FailureNotes& notes, Hooks hooks)
    : m_owner(owner)
    , m_url(std::move(url))
    , m_protocol(protocol)
    , m_hello(std::move(hello))
    , m_notes(notes)
    , m_hooks(std::move(hooks))
{
    m_deadline.setSingleShot(true);
    QObject::connect(&m_deadline, &QTimer::timeout, &m_owner, [this] { deadline(); });
    QObject::connect(&m_progress, &QTimer::timeout, &m_owner, [this] {
        note(u"%1: %2 live, %3 failed, %4 in flight"_s.arg(m_notes.program())
                 .arg(m_live)
                 .arg(m_failed)
                 .arg(m_inFlight));
    });
}

void ConnectionPool::writeSummaryTo(QJsonObject& s, qint64 serverPid) const
{
    s.insert(u"live"_s, m_live);
    s.insert(u"failures"_s, m_failed);
    s.insert(u"notAttempted"_s, m_notAttempted);
    s.insert(u"droppedWhileLive"_s, m_droppedWhileLive);
    s.insert(u"connectSeconds"_s, round3(m_connectSeconds));
    if (serverPid <= 0)
        return;
    const MemorySample end = sampleMemory(serverPid);
    const int n = std::max(1, m_liveAtSample);
    auto perConn = [n](qint64 before, qint64 after) {
        return before >= 0 && after >= 0 ? QJsonValue(round3(double(after - before) / n))
                                         : QJsonValue();
    };
    s.insert(u"serverPid"_s, serverPid);
    s.insert(u"rssBeforeKiB"_s, m_memoryBefore.rssKiB);
    s.insert(u"rssAfterKiB"_s, m_memoryAfter.rssKiB);
    s.insert(u"rssEndKiB"_s, end.rssKiB);
    s.insert(u"pssBeforeKiB"_s, m_memoryBefore.pssKiB);
    s.insert(u"pssAfterKiB"_s, m_memoryAfter.pssKiB);
    s.insert(u"pssEndKiB"_s, end.pssKiB);
    s.insert(u"rssPerConnKiB"_s, perConn(m_memoryBefore.rssKiB, m_memoryAfter.rssKiB));
    s.insert(u"pssPerConnKiB"_s, perConn(m_memoryBefore.pssKiB, m_memoryAfter.pssKiB));
}

QWebSocket* ConnectionPool::newSocket()
{
    auto* socket = new QWebSocket(QString(), QWebSocketProtocol::VersionLatest, &m_owner);
    socket->setProxy(QNetworkProxy::NoProxy);
    return socket;
}

QString ConnectionPool::nameOf(int index) const
{
    return m_hooks.name ? m_hooks.name(index) : u"connection %1"_s.arg(index);
}

void ConnectionPool::openOne(int index)
{
    PooledConnection& c = at(index);
    c.socket = newSocket();
    wire(index);
    c.stage = Stage::Opening;
    c.socket->open(m_url);
}

void ConnectionPool::openRange(int count, int concurrency, int timeoutMs, int settleMs,
                               qint64 serverPid)
{
    m_rangeCount = count;
    m_concurrency = std::max(1, concurrency);
    m_timeoutMs = timeoutMs;
    m_settleMs = settleMs;
    m_serverPid = serverPid;
    m_memoryBefore = sampleMemory(serverPid);
    note(u"%1: opening %2 connections, %3 at a time"_s.arg(m_notes.program())
             .arg(count)
             .arg(m_concurrency));
    m_clock.start();
    m_deadline.start(timeoutMs);
    m_progress.start(progressEveryMs);
    openMore();
}

void ConnectionPool::send(int index, const QString& type, const QString& id,
                          const QJsonObject& payload)
{
    sendRequest(at(index).socket, type, id, payload);
}

void ConnectionPool::openMore()
{
    while (m_inFlight < m_concurrency && m_nextToOpen < m_rangeCount) {
        const int index = m_nextToOpen++;
        ++m_inFlight;
        openOne(index);
    }
    if (m_live + m_failed == m_rangeCount && !m_rangeDone)
        finishRange();
}

void ConnectionPool::wire(int index)
{
    QWebSocket* socket = at(index).socket;
    QObject::connect(socket, &QWebSocket::connected, socket, [this, index] { onConnected(index); });
    QObject::connect(socket, &QWebSocket::textMessageReceived, socket,
                     [this, index](const QString& frame) { onFrame(index, frame); });
    QObject::connect(socket, &QWebSocket::disconnected, socket, [this, socket, index] {
        if (socket->error() != QAbstractSocket::UnknownSocketError)
            onFailed(index, u"disconnected: "_s + socket->errorString());
        else
            onFailed(index,
                     u"closed by the server (%1 %2)"_s.arg(int(socket->closeCode()))
                         .arg(socket->closeReason()));
    });
    QObject::connect(socket, qOverload<QAbstractSocket::SocketError>(&QWebSocket::error), socket,
                     [this, socket, index](QAbstractSocket::SocketError) {
                         onFailed(index, socket->errorString());
                     });
}

void ConnectionPool::onConnected(int index)
{
    PooledConnection& c = at(index);
    if (m_protocol == Protocol::Raw) {
        becomeLive(index);
        return;
    }
    c.stage = Stage::Hello;
    sendRequest(c.socket, u"hello"_s, u"h"_s, m_hello);
}

void ConnectionPool::onFailed(int index, const QString& why)
{
    PooledConnection& c = at(index);
    if (c.stage == Stage::Failed || c.stage == Stage::Pending)
        return;
    const bool wasLive = c.stage == Stage::Live;
    c.stage = Stage::Failed;
    QObject::disconnect(c.socket, nullptr, nullptr, nullptr);
    c.socket->abort();
    m_notes.report(nameOf(index), why);
    if (inRange(index)) {
        ++m_failed;
        if (wasLive) {
            --m_live;
            ++m_droppedWhileLive;
        } else {
            --m_inFlight;
            if (!m_rangeDone)
                openMore();
        }
    }
    if (m_hooks.failed)
        m_hooks.failed(index, wasLive);
}

void ConnectionPool::becomeLive(int index)
{
    at(index).stage = Stage::Live;
    if (inRange(index)) {
        --m_inFlight;
        ++m_live;
    }
    if (m_hooks.live)
        m_hooks.live(index);
    if (inRange(index) && !m_rangeDone)
        openMore();
}

void ConnectionPool::sendSync(int index)
{
    PooledConnection& c = at(index);
    c.stage = Stage::Sync;
    sendRequest(c.socket, u"sync.since"_s, u"s"_s, QJsonObject {{u"cursor"_s, c.cursor}});
}

void ConnectionPool::onFrame(int index, const QString& frame)
{
    PooledConnection& c = at(index);
    if (c.stage == Stage::Live) {
        if (m_hooks.frame)
            m_hooks.frame(index, frame);
        return;
    }
    const QString id = c.stage == Stage::Hello ? u"h"_s
        : c.stage == Stage::Auth               ? u"a"_s
        : c.stage == Stage::Sync               ? u"s"_s
                                               : QString();
    if (id.isEmpty())
        return;
    const auto r = responseTo(frame, id);
    if (!r)
        return; // a push before the connection is live: not ours to count
    if (!r->value(u"ok"_s).toBool()) {
        onFailed(index, u"request '%1' refused: %2"_s.arg(id, frame));
        return;
    }
    switch (c.stage) {
    case Stage::Hello:
        c.stage = Stage::Auth;
        sendRequest(c.socket, u"auth.resume"_s, u"a"_s, QJsonObject {{u"token"_s, c.token}});
        break;
    case Stage::Auth:
        c.userId = qint64(r->value(u"payload"_s)
                              .toObject()
                              .value(u"user"_s)
                              .toObject()
                              .value(u"id"_s)
                              .toDouble());
        sendSync(index);
        break;
    case Stage::Sync: {
        const QJsonObject payload = r->value(u"payload"_s).toObject();
        const QJsonValue next = payload.value(u"next"_s);
        if (next.isDouble())
            c.cursor = qint64(next.toDouble());
        if (payload.value(u"more"_s).toBool()) {
            if (!next.isDouble()) {
                onFailed(index,
                         u"sync.since said more without a next cursor: "_s + frame.left(200));
                return;
            }
            sendSync(index);
        } else {
            becomeLive(index);
        }
        break;
    }
    default:
        break;
    }
}

void ConnectionPool::deadline()
{
    if (m_rangeDone)
        return;
    note(u"%1: connect phase timed out after %2 ms"_s.arg(m_notes.program()).arg(m_timeoutMs));
    // Never-opened connections first, so failing the open ones opens nothing new.
    for (int i = m_nextToOpen; i < m_rangeCount; ++i) {
        at(i).stage = Stage::Failed;
        ++m_failed;
        ++m_notAttempted;
    }
    m_nextToOpen = m_rangeCount;
    for (int i = 0; i < m_rangeCount; ++i) {
        const Stage stage = at(i).stage;
        if (stage != Stage::Live && stage != Stage::Failed)
            onFailed(i, u"not live before the connect deadline"_s);
    }
    finishRange();
}

void ConnectionPool::finishRange()
{
    if (m_rangeDone)
        return;
    m_rangeDone = true;
    m_deadline.stop();
    m_progress.stop();
    m_connectSeconds = double(m_clock.nsecsElapsed()) / 1e9;
    note(u"%1: %2 live, %3 failed after %4 s"_s.arg(m_notes.program())
             .arg(m_live)
             .arg(m_failed)
             .arg(m_connectSeconds, 0, 'f', 2));
    if (m_live == 0) {
        if (m_hooks.rangeDone)
            m_hooks.rangeDone(false);
        return;
    }
    QTimer::singleShot(m_settleMs, &m_owner, [this] {
        m_memoryAfter = sampleMemory(m_serverPid);
        m_liveAtSample = m_live;
        if (m_hooks.rangeDone)
            m_hooks.rangeDone(true);
    });
}

} // namespace plein::loadbench
