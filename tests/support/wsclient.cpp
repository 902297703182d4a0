#include "wsclient.h"

#include <QEventLoop>
#include <QJsonArray>
#include <QJsonDocument>
#include <QSignalSpy>
#include <QSslCertificate>
#include <QSslConfiguration>
#include <QTest>
#include <QTimer>
#include <QUuid>

namespace plein::test {

QString newClientId()
{
    return QUuid::createUuid().toString(QUuid::WithoutBraces);
}

bool WsClient::waitUntil(const std::function<bool()>& done, int timeoutMs)
{
    // Wakes on every frame and state change instead of polling, so a request costs one round
    // trip and not a polling interval.
    if (done())
        return true;
    QEventLoop loop;
    QTimer timer;
    timer.setSingleShot(true);
    QObject::connect(&timer, &QTimer::timeout, &loop, &QEventLoop::quit);
    const auto check = [&]() {
        if (done())
            loop.quit();
    };
    const auto a = QObject::connect(&m_socket, &QWebSocket::textMessageReceived, &loop, check,
                                    Qt::QueuedConnection);
    const auto b = QObject::connect(&m_socket, &QWebSocket::stateChanged, &loop, check,
                                    Qt::QueuedConnection);
    timer.start(timeoutMs);
    loop.exec();
    QObject::disconnect(a);
    QObject::disconnect(b);
    return done();
}

WsClient::WsClient()
{
    QObject::connect(&m_socket, &QWebSocket::textMessageReceived, &m_socket,
                     [this](const QString& text) {
                         auto decoded = protocol::decodeServerFrame(text.toUtf8());
                         if (auto* frame = std::get_if<protocol::ServerFrame>(&decoded)) {
                             if (frame->kind == protocol::ServerFrame::Kind::Push)
                                 m_pushes.append(*frame);
                             else
                                 m_responses.append(*frame);
                         } else {
                             qWarning() << "undecodable server frame:" << text.left(200);
                         }
                     });
}

WsClient::~WsClient() = default;

void WsClient::trustCertificate(const QString& pemPath)
{
    QSslConfiguration tls = QSslConfiguration::defaultConfiguration();
    tls.setCaCertificates(QSslCertificate::fromPath(pemPath));
    m_socket.setSslConfiguration(tls);
    QObject::connect(&m_socket, &QWebSocket::sslErrors, &m_socket,
                     [this](const QList<QSslError>& errors) {
                         for (const auto& e : errors)
                             m_sslErrors += e.errorString() + u'\n';
                     });
}

bool WsClient::connectTo(const QString& url, int timeoutMs)
{
    QSignalSpy connected(&m_socket, &QWebSocket::connected);
    m_hello = Response {};
    m_socket.open(QUrl(url));
    return connected.wait(timeoutMs) || m_socket.state() == QAbstractSocket::ConnectedState;
}

bool WsClient::isConnected() const
{
    return m_socket.state() == QAbstractSocket::ConnectedState;
}

void WsClient::close()
{
    m_socket.close();
}

WsClient::Response WsClient::takeResponse(qsizetype index)
{
    const auto f = m_responses.takeAt(index);
    Response r;
    r.received = true;
    r.ok = f.ok;
    r.payload = f.payload;
    r.errorCode = f.ok ? QString() : protocol::errorCodeName(f.error.code);
    r.errorMessage = f.error.message;
    return r;
}

WsClient::Response WsClient::raw(const QByteArray& frame, int timeoutMs)
{
    const qsizetype before = m_responses.size();
    m_socket.sendTextMessage(QString::fromUtf8(frame));
    waitUntil([&]() { return m_responses.size() > before || !isConnected(); }, timeoutMs);
    if (m_responses.size() <= before)
        return Response {};
    return takeResponse(before);
}

QString WsClient::requestFrame(const QString& type, const QString& id, const QJsonObject& payload)
{
    return QString::fromUtf8(QJsonDocument(QJsonObject {{QStringLiteral("type"), type},
                                                        {QStringLiteral("id"), id},
                                                        {QStringLiteral("payload"), payload}})
                                 .toJson(QJsonDocument::Compact));
}

QStringList WsClient::send(const QList<std::pair<QString, QJsonObject>>& requests)
{
    QStringList ids;
    for (const auto& [type, payload] : requests) {
        const QString id = QStringLiteral("r%1").arg(++m_nextId);
        m_socket.sendTextMessage(
            QString::fromUtf8(QJsonDocument(QJsonObject {{QStringLiteral("type"), type},
                                                         {QStringLiteral("id"), id},
                                                         {QStringLiteral("payload"), payload}})
                                  .toJson(QJsonDocument::Compact)));
        ids << id;
    }
    m_socket.flush();
    return ids;
}

QStringList WsClient::answeredOrder(int count, int timeoutMs)
{
    QStringList ids;
    answers(count, &ids, timeoutMs);
    return ids;
}

QList<WsClient::Response> WsClient::answers(int count, QStringList* ids, int timeoutMs)
{
    waitUntil([&]() { return m_responses.size() >= count || !isConnected(); }, timeoutMs);
    QList<Response> out;
    while (!m_responses.isEmpty() && out.size() < count) {
        if (ids)
            *ids << m_responses.first().re;
        out << takeResponse(0);
    }
    return out;
}

WsClient::Response WsClient::request(const QString& type, const QJsonObject& payload, int timeoutMs)
{
    const QString id = QStringLiteral("r%1").arg(++m_nextId);
    m_socket.sendTextMessage(requestFrame(type, id, payload));
    const auto matches = [&]() {
        for (qsizetype i = 0; i < m_responses.size(); ++i) {
            if (m_responses[i].re == id)
                return i;
        }
        return qsizetype(-1);
    };
    waitUntil([&]() { return matches() >= 0 || !isConnected(); }, timeoutMs);
    const qsizetype i = matches();
    if (i < 0)
        return Response {};
    return takeResponse(i);
}

WsClient::Response WsClient::hello()
{
    // Once per connection (the server refuses a second hello): later calls answer the first.
    if (m_hello.ok)
        return m_hello;
    m_hello
        = request(QStringLiteral("hello"),
                  QJsonObject {{QStringLiteral("protocol"), 1},
                               {QStringLiteral("features"), QJsonArray::fromStringList(m_features)},
                               {QStringLiteral("client"), QStringLiteral("plein-tests")}});
    return m_hello;
}

QString WsClient::login(const QString& username, const QString& password)
{
    if (!hello().ok)
        return QString();
    const auto r = request(QStringLiteral("auth.login"),
                           QJsonObject {{QStringLiteral("username"), username},
                                        {QStringLiteral("password"), password}});
    return r.ok ? r.payload.value(QLatin1StringView("token")).toString() : QString();
}

bool WsClient::resume(const QString& token)
{
    return hello().ok
        && request(QStringLiteral("auth.resume"), QJsonObject {{QStringLiteral("token"), token}})
               .ok;
}

QList<QJsonObject> WsClient::syncAll(qint64 cursor, qint64* next, int limit)
{
    QList<QJsonObject> events;
    for (int guard = 0; guard < 100000; ++guard) {
        const auto r = request(
            QStringLiteral("sync.since"),
            QJsonObject {{QStringLiteral("cursor"), cursor}, {QStringLiteral("limit"), limit}});
        if (!r.ok)
            break;
        for (const auto& e : r.payload.value(QLatin1StringView("events")).toArray())
            events.append(e.toObject());
        cursor = qint64(r.payload.value(QLatin1StringView("next")).toDouble());
        if (!r.payload.value(QLatin1StringView("more")).toBool())
            break;
    }
    if (next)
        *next = cursor;
    return events;
}

QJsonObject WsClient::post(const QString& body, const QString& clientId, qint64 parentId)
{
    QJsonObject payload {
        {QStringLiteral("clientId"), clientId.isEmpty() ? newClientId() : clientId},
        {QStringLiteral("body"), body}};
    if (parentId)
        payload.insert(QStringLiteral("parentId"), parentId);
    const auto r = request(QStringLiteral("post.create"), payload);
    return r.ok ? r.payload : QJsonObject();
}

bool WsClient::waitForPushes(int count, int timeoutMs)
{
    waitUntil([&]() { return m_pushes.size() >= count; }, timeoutMs);
    return m_pushes.size() >= count;
}

std::optional<int> WsClient::waitForClose(int timeoutMs)
{
    waitUntil([&]() { return m_socket.state() == QAbstractSocket::UnconnectedState; }, timeoutMs);
    if (m_socket.state() != QAbstractSocket::UnconnectedState)
        return std::nullopt;
    return int(m_socket.closeCode());
}

QString WsClient::closeReason() const
{
    return m_socket.closeReason();
}

} // namespace plein::test
