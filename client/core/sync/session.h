#pragma once

#include "protocol/envelope.h"
#include "protocol/registry.h"
#include "protocol/result.h"

#include <QAtomicInt>
#include <QHash>
#include <QJsonObject>
#include <QObject>
#include <QPointer>
#include <QQueue>
#include <QUrl>

#include <functional>
#include <memory>
#include <variant>

class QWebSocket;

namespace plein::client {

// One WebSocket to the server: sends requests, matches each response to its request by id
// (or fails it after a timeout or when the socket closes) and hands pushes on by signal.
// It knows nothing about logging in or syncing; Connection and SyncEngine build on it.
class Session : public QObject
{
    Q_OBJECT

public:
    using Reply = std::function<void(const Result<QJsonObject>&)>;

    explicit Session(QObject* parent = nullptr);
    ~Session() override;

    void open(const QUrl& url);
    void close();
    // Drops the socket without a closing handshake, as a lost network would.
    void abort();
    bool isOpen() const;
    // The socket's description of its last error, for telling people why a connect failed.
    QString errorString() const;

    // Sends a request; `reply` runs once with the result, unless `context` is gone by then.
    // Not open, a timeout and a closed socket all answer with an `unavailable` error.
    void request(QLatin1StringView type, const QJsonObject& payload, QObject* context, Reply reply,
                 int timeoutMs = 30000);
    int inFlight() const { return int(m_pending.size()); }

Q_SIGNALS:
    void opened();
    void closed(int closeCode, const QString& reason);
    void eventPushed(qint64 seq, const QJsonObject& event);
    void behind(qint64 head);
    // A passing signal (typing, presence) from another member of `channel` (feature ephemeral).
    void ephemeral(const QString& channel, const QString& signal, qint64 from);
    // Any other push of the registry (a capability's own, such as `presence`), validated.
    void pushed(const QString& name, const QJsonObject& payload);
    // The server's certificate was not accepted; the socket closes right after.
    void tlsFailed(const QString& reason);

private:
    struct Pending
    {
        QPointer<QObject> context;
        Reply reply;
    };
    struct DecodedFrame
    {
        std::variant<protocol::ServerFrame, protocol::Error> result {protocol::Error {}};
        QString rawOnError; // the text, kept only to find the request id of a bad frame
        QAtomicInt done;
    };
    static constexpr qsizetype asyncDecodeChars = 64 * 1024;

    void onFrame(const QString& frame);
    void drainDecoded();
    void handle(const DecodedFrame& frame);
    void finish(const QString& id, const Result<QJsonObject>& result);
    void failAll(const QString& why);

    QWebSocket* m_socket = nullptr;
    // Frames in arrival order, some still being decoded on a worker thread.
    QQueue<std::shared_ptr<DecodedFrame>> m_decoding;
    QHash<QString, Pending> m_pending;
    quint64 m_nextId = 0;
    bool m_active = false;
};

} // namespace plein::client
