#pragma once

#include "protocol/envelope.h"

#include <QJsonObject>
#include <QList>
#include <QStringList>
#include <QWebSocket>

#include <functional>
#include <optional>

namespace plein::test {

// A deliberately plain protocol client for tests: each request waits for its response, pushes
// are collected in order. The desktop app's own client core is tested separately.
class WsClient
{
public:
    WsClient();
    ~WsClient();

    bool connectTo(const QString& url, int timeoutMs = 10000);
    // Trusts this PEM certificate (a test server's self-signed one) for wss://.
    void trustCertificate(const QString& pemPath);
    QString sslErrors() const { return m_sslErrors; }
    bool isConnected() const;
    void close();

    struct Response
    {
        bool ok = false;
        QJsonObject payload;
        QString errorCode;
        QString errorMessage;
        bool received = false;
    };

    Response request(const QString& type, const QJsonObject& payload = {}, int timeoutMs = 15000);
    // Sends raw text and waits for the next response frame.
    Response raw(const QByteArray& frame, int timeoutMs = 15000);

    // Sends these requests back to back without waiting; returns their ids. Then
    // answeredOrder() tells the order of the answers (and takes them).
    QStringList send(const QList<std::pair<QString, QJsonObject>>& requests);
    QStringList answeredOrder(int count, int timeoutMs = 15000);
    // The next `count` answers in the order they arrived (fewer on timeout), with the ids
    // they answer in `ids`; they are taken.
    QList<Response> answers(int count, QStringList* ids = nullptr, int timeoutMs = 15000);

    // The features hello() offers; ["feed"] unless set (an older client's).
    void setFeatures(QStringList features) { m_features = std::move(features); }
    Response hello();
    // hello + auth.login; returns the token (empty on failure).
    QString login(const QString& username, const QString& password = QStringLiteral("password123"));
    bool resume(const QString& token);
    // sync.since from `cursor` until caught up; returns all events, and the final cursor in `next`.
    QList<QJsonObject> syncAll(qint64 cursor, qint64* next = nullptr, int limit = 1000);
    QJsonObject post(const QString& body, const QString& clientId = QString(), qint64 parentId = 0);

    // Waits until at least `count` pushes have arrived.
    bool waitForPushes(int count, int timeoutMs = 10000);
    QList<protocol::ServerFrame>& pushes() { return m_pushes; }
    // Waits for the connection to close; returns the close code.
    std::optional<int> waitForClose(int timeoutMs = 10000);
    QString closeReason() const;

private:
    static QString requestFrame(const QString& type, const QString& id, const QJsonObject& payload);
    Response takeResponse(qsizetype index);
    bool waitUntil(const std::function<bool()>& done, int timeoutMs);

    QWebSocket m_socket;
    QList<protocol::ServerFrame> m_pushes;
    QList<protocol::ServerFrame> m_responses;
    int m_nextId = 0;
    QString m_sslErrors;
    QStringList m_features {QStringLiteral("feed")};
    Response m_hello; // the answer to this connection's hello
};

QString newClientId();

} // namespace plein::test
