#pragma once

#include "http/httphead.h"
#include "http/httprequest.h"
#include "http/httpresponse.h"

#include <QElapsedTimer>
#include <QObject>
#include <QTimer>

#include <atomic>
#include <memory>

class QTcpSocket;

namespace plein::server {

class HttpServer;

// One connection of the HTTP side: reads a request head and screens it (HeadScanner,
// parseHead, route, method, token, rate, body size, body budget) before reading any byte of
// the body, then the body, then answers; requests that follow on the connection (keep-alive,
// pipelined) wait in the buffer until the answer before them is sent. Every phase has a
// deadline that single bytes cannot stretch: the head must be complete in time, a body and an
// answer must keep an average rate.
class HttpConnection : public QObject
{
    Q_OBJECT

public:
    HttpConnection(QTcpSocket* socket, HttpServer& server, QString address);
    ~HttpConnection() override;

private:
    // Working: the answer is being made on a worker thread (HttpResponse::deferred).
    enum class Phase { Head, Body, Working, Writing, Closing };

    void readMore();
    void process();
    void startRequest(HttpHead head);
    void finishBody();
    void answer(HttpResponse response);
    void work(std::function<HttpResponse()> deferred);
    void pumpFile();
    void answered();
    void closeGracefully();
    void tick();
    void close();

    QTcpSocket* m_socket;
    HttpServer& m_server;
    QString m_address;
    Phase m_phase = Phase::Head;
    QByteArray m_buffer;
    HeadScanner m_scanner;
    QElapsedTimer m_clock; // since the phase began (head: its first byte)
    bool m_headStarted = true; // the first head's clock runs from the connection's start
    QTimer m_ticker;

    // The request being read.
    HttpRequest m_request;
    const void* m_route = nullptr;
    qint64 m_bodyLength = 0;
    qint64 m_reserved = 0;
    qint64 m_reservedUser = 0;
    bool m_keepAlive = true;

    // The answer being sent.
    HttpResponse m_response;
    qint64 m_fileSent = 0;
    qint64 m_written = 0;
    qint64 m_checkedAt = 0; // file bytes sent when last checked (HttpResponse::stillAllowed)
    QElapsedTimer m_checkClock;
    bool m_closeAfter = false;

    // Deferred work under way (HttpResponse::deferred): set when the connection goes, so
    // that work not begun yet is skipped; the user it is counted for.
    std::shared_ptr<std::atomic_bool> m_workGone;
    qint64 m_workUser = -1;
};

} // namespace plein::server
