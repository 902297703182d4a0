#include "httpclient.h"

#include <QDeadlineTimer>
#include <QJsonDocument>
#include <QJsonObject>
#include <QJsonValue>

namespace plein::test {

QByteArray HttpClient::Response::header(const QByteArray& lowerName) const
{
    for (const auto& [name, value] : headers) {
        if (name == lowerName)
            return value;
    }
    return {};
}

QString HttpClient::Response::json(const QString& key) const
{
    const QJsonValue v = QJsonDocument::fromJson(body).object().value(key);
    return v.isDouble() ? QString::number(v.toInteger()) : v.toString();
}

bool HttpClient::connectTo(quint16 port, int timeoutMs)
{
    m_socket.connectToHost(QStringLiteral("127.0.0.1"), port);
    return m_socket.waitForConnected(timeoutMs);
}

void HttpClient::send(const QByteArray& bytes)
{
    m_socket.write(bytes);
    QDeadlineTimer deadline(30000);
    while (m_socket.bytesToWrite() > 0 && !deadline.hasExpired()
           && m_socket.state() == QAbstractSocket::ConnectedState)
        m_socket.waitForBytesWritten(100);
}

std::optional<HttpClient::Response> HttpClient::read(int timeoutMs, bool headRequest)
{
    QDeadlineTimer deadline(timeoutMs);
    const auto fill = [&]() {
        m_buffer += m_socket.readAll();
        if (m_socket.state() != QAbstractSocket::ConnectedState)
            return false;
        if (deadline.hasExpired())
            return false;
        m_socket.waitForReadyRead(int(std::min<qint64>(deadline.remainingTime(), 100)));
        m_buffer += m_socket.readAll();
        return true;
    };
    qsizetype end = -1;
    while ((end = m_buffer.indexOf("\r\n\r\n")) < 0) {
        if (!fill() && m_buffer.indexOf("\r\n\r\n") < 0)
            return std::nullopt;
    }
    Response r;
    const QList<QByteArray> lines = m_buffer.left(end).split('\n');
    m_buffer.remove(0, end + 4);
    const QList<QByteArray> status = lines.first().trimmed().split(' ');
    r.status = status.value(1).toInt();
    for (qsizetype i = 1; i < lines.size(); ++i) {
        const QByteArray line = lines.at(i).trimmed();
        const qsizetype colon = line.indexOf(':');
        if (colon > 0)
            r.headers.append({line.left(colon).trimmed().toLower(), line.mid(colon + 1).trimmed()});
    }
    if (r.status == 100 || headRequest)
        return r;
    const qint64 length = r.header("content-length").toLongLong();
    while (m_buffer.size() < length) {
        if (!fill() && m_buffer.size() < length)
            return std::nullopt;
    }
    r.body = m_buffer.left(length);
    m_buffer.remove(0, length);
    return r;
}

bool HttpClient::waitClosed(int timeoutMs)
{
    QDeadlineTimer deadline(timeoutMs);
    while (!deadline.hasExpired()) {
        if (m_socket.state() == QAbstractSocket::UnconnectedState)
            return true;
        m_socket.waitForReadyRead(50);
        m_buffer += m_socket.readAll();
    }
    return m_socket.state() == QAbstractSocket::UnconnectedState;
}

QByteArray HttpClient::request(const QByteArray& method, const QByteArray& target,
                               const QByteArray& token, const QByteArray& body,
                               const QList<QByteArray>& extraHeaders)
{
    QByteArray out = method + ' ' + target + " HTTP/1.1\r\nHost: 127.0.0.1\r\n";
    if (!token.isEmpty())
        out += "Authorization: Bearer " + token + "\r\n";
    if (!body.isEmpty() || method == "POST" || method == "PUT")
        out += "Content-Length: " + QByteArray::number(body.size()) + "\r\n";
    for (const QByteArray& h : extraHeaders)
        out += h + "\r\n";
    return out + "\r\n" + body;
}

std::optional<HttpClient::Response> HttpClient::exchange(quint16 port, const QByteArray& method,
                                                         const QByteArray& target,
                                                         const QByteArray& token,
                                                         const QByteArray& body,
                                                         const QList<QByteArray>& extraHeaders)
{
    HttpClient c;
    if (!c.connectTo(port))
        return std::nullopt;
    c.send(request(method, target, token, body, extraHeaders));
    return c.read(15000, method == "HEAD");
}

} // namespace plein::test
