#pragma once

#include <QByteArray>
#include <QList>
#include <QPair>
#include <QTcpSocket>

#include <optional>

namespace plein::test {

// A raw HTTP/1.1 client over one TCP connection, for tests of the server's HTTP side: it
// sends exactly the bytes it is given (hostile heads included) and reads answers one by one
// off the stream (interim 100 Continue answers too).
class HttpClient
{
public:
    struct Response
    {
        int status = 0;
        QList<QPair<QByteArray, QByteArray>> headers; // names lower-case
        QByteArray body;

        QByteArray header(const QByteArray& lowerName) const;
        // The JSON body's field, as text ("" when absent).
        QString json(const QString& key) const;
    };

    bool connectTo(quint16 port, int timeoutMs = 5000);
    void send(const QByteArray& bytes);
    // The next answer; nothing when none came in time or the connection closed first.
    // `headRequest`: the answer to a HEAD, which has no body.
    std::optional<Response> read(int timeoutMs = 10000, bool headRequest = false);
    // True once the server closed the connection (within the time).
    bool waitClosed(int timeoutMs = 5000);
    bool isOpen() const { return m_socket.state() == QAbstractSocket::ConnectedState; }
    void close() { m_socket.abort(); }

    // A whole request with Host, Content-Length and the token (when given).
    static QByteArray request(const QByteArray& method, const QByteArray& target,
                              const QByteArray& token = {}, const QByteArray& body = {},
                              const QList<QByteArray>& extraHeaders = {});

    // One request on a new connection; the answer.
    static std::optional<Response> exchange(quint16 port, const QByteArray& method,
                                            const QByteArray& target, const QByteArray& token,
                                            const QByteArray& body = {},
                                            const QList<QByteArray>& extraHeaders = {});

private:
    QTcpSocket m_socket;
    QByteArray m_buffer;
};

} // namespace plein::test
