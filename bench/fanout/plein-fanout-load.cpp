// plein-fanout-load: the load side of the fan-out benchmark (see README.md beside this file).
//
// Opens N WebSocket connections to one server on a loopback address, makes each one live
// (in `plein` mode: hello, auth.resume, sync.since until caught up), then has one extra
// publisher connection send a post per round and records when every connection receives the
// resulting event push. Prints one JSON line per round and a final summary line on stdout;
// progress and errors go to stderr.
//
// One thread, one Qt event loop, no QObject subclasses. Everything is bounded in time.

#include "connectionpool.h"
#include "loadsupport.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QDateTime>
#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QHostAddress>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QNetworkProxy>
#include <QRandomGenerator>
#include <QTimer>
#include <QUrl>
#include <QWebSocket>

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <memory>
#include <optional>
#include <sys/resource.h>
#include <unistd.h>
#include <vector>

namespace plein {

namespace {

using namespace Qt::StringLiterals;

using loadbench::Protocol;
using namespace loadbench;

constexpr int ackGraceMs = 2000;

// What a current desktop client announces: the feed and groups.
QJsonObject helloPayload()
{
    return QJsonObject {{u"protocol"_s, 1},
                        {u"features"_s, QJsonArray {u"feed"_s, u"groups"_s, u"sync"_s}}};
}

struct Options
{
    QUrl url;
    Protocol protocol = Protocol::Plein;
    int connections = 1000;
    int concurrency = 200;
    int rounds = 5;
    int roundTimeoutMs = 30000;
    int roundGapMs = 500;
    int connectTimeoutMs = 180000;
    int settleMs = 2000;
    int maxSeconds = 600;
    int loginTimeoutMs = 30000;
    qint64 serverPid = 0;
    qint64 cursor = -1; // -1: find the head with the publisher's own sync
    QStringList tokens;
    QStringList loginUsers;
    // Post into a public group that every login user joins, instead of the company feed.
    bool group = false;
    QString password;
    QString label;
    QString dispatcher;
};

struct RoundResult
{
    int round = 0;
    Delivery delivery;
    double serverCpuMs = -1; // CPU time the server spent from the send to the end of the round
    double loadCpuMs = -1; // the same for this process
};

class Load
{
public:
    explicit Load(Options options)
        : m_options(std::move(options))
        , m_pool(
              m_owner, m_options.url, m_options.protocol, helloPayload(), m_notes,
              ConnectionPool::Hooks {
                  .live =
                      [this](int index) {
                          if (index == publisher())
                              publisherLive();
                      },
                  .failed =
                      [this](int index, bool wasLive) {
                          if (index == publisher())
                              finish(2, u"publisher-failed"_s);
                          else if (wasLive && m_roundRunning)
                              checkRoundDone();
                      },
                  .frame = [this](int index, const QString& frame) { onLiveFrame(index, frame); },
                  .rangeDone =
                      [this](bool anyLive) {
                          if (anyLive)
                              startRound();
                          else
                              finish(2, u"no-connection"_s);
                      },
                  .name =
                      [this](int index) {
                          return index == publisher() ? u"publisher"_s
                                                      : u"connection %1"_s.arg(index);
                      },
              })
        , m_tokensFromFile(int(m_options.tokens.size()))
    {
        // The receivers first, the publisher last.
        m_pool.resize(m_options.connections + 1);
        m_arrivalNs.assign(std::size_t(m_options.connections), -1);
        m_roundTimer.setSingleShot(true);
        QObject::connect(&m_roundTimer, &QTimer::timeout, &m_owner, [this] { finishRound(true); });
        m_ackGraceTimer.setSingleShot(true);
        QObject::connect(&m_ackGraceTimer, &QTimer::timeout, &m_owner,
                         [this] { finishRound(false); });
        m_phaseTimer.setSingleShot(true);
    }

    ~Load() { shutdown(); }

    void start()
    {
        m_clock.start();
        QTimer::singleShot(std::chrono::seconds(m_options.maxSeconds), &m_owner, [this] {
            note(u"fanout-load: giving up after %1 s (--max-seconds)"_s.arg(m_options.maxSeconds));
            finish(2, u"max-seconds"_s);
        });
        if (m_options.protocol == Protocol::Plein && !m_options.loginUsers.isEmpty())
            loginNext();
        else
            startPublisher();
    }

private:
    // --- helpers -------------------------------------------------------------------------

    qint64 now() const { return m_clock.nsecsElapsed(); }
    int publisher() const { return m_options.connections; }
    void reportFailure(const QString& who, const QString& what) { m_notes.report(who, what); }
    static void send(QWebSocket* socket, const QString& type, const QString& id,
                     const QJsonObject& payload)
    {
        sendRequest(socket, type, id, payload);
    }

    // The login connections are the load's own, outside the pool.
    QWebSocket* newSocket()
    {
        auto* socket = new QWebSocket(QString(), QWebSocketProtocol::VersionLatest, &m_owner);
        socket->setProxy(QNetworkProxy::NoProxy);
        return socket;
    }

    // --- login phase: one short connection per bench user, one user at a time -----------

    void loginNext()
    {
        if (m_loginIndex >= m_options.loginUsers.size()) {
            note(u"fanout-load: logged in %1 of %2 users"_s
                     .arg(m_options.tokens.size() - m_tokensFromFile)
                     .arg(m_options.loginUsers.size()));
            if (m_options.tokens.isEmpty()) {
                note(u"fanout-load: no session token, stopping"_s);
                finish(2, u"no-token"_s);
                return;
            }
            startPublisher();
            return;
        }
        const QString user = m_options.loginUsers.at(m_loginIndex++);
        QWebSocket* socket = newSocket();
        auto done = [this, socket](const QString& token) {
            QObject::disconnect(socket, nullptr, nullptr, nullptr);
            m_phaseTimer.stop();
            QObject::disconnect(&m_phaseTimer, nullptr, nullptr, nullptr);
            if (!token.isEmpty())
                m_options.tokens << token;
            socket->close();
            socket->deleteLater();
            QTimer::singleShot(0, &m_owner, [this] { loginNext(); });
        };
        QObject::connect(socket, &QWebSocket::connected, socket,
                         [socket] { send(socket, u"hello"_s, u"h"_s, helloPayload()); });
        QObject::connect(
            socket, &QWebSocket::textMessageReceived, socket,
            [this, socket, user, done](const QString& frame) {
                if (auto r = responseTo(frame, u"h"_s)) {
                    if (!r->value(u"ok"_s).toBool()) {
                        reportFailure(u"login "_s + user, u"hello refused: "_s + frame);
                        done(QString());
                        return;
                    }
                    send(socket, u"auth.login"_s, u"l"_s,
                         QJsonObject {{u"username"_s, user}, {u"password"_s, m_options.password}});
                } else if (auto login = responseTo(frame, u"l"_s)) {
                    const QString token
                        = login->value(u"payload"_s).toObject().value(u"token"_s).toString();
                    if (!login->value(u"ok"_s).toBool() || token.isEmpty())
                        reportFailure(u"login "_s + user, u"auth.login failed: "_s + frame);
                    if (!m_options.group || token.isEmpty()) {
                        done(token);
                        return;
                    }
                    // The first user creates the group, the others join it.
                    socket->setProperty("token", token);
                    if (m_groupId == 0)
                        send(socket, u"group.create"_s, u"g"_s,
                             QJsonObject {
                                 {u"clientId"_s,
                                  u"fanout-group-%1"_s.arg(QDateTime::currentMSecsSinceEpoch())},
                                 {u"name"_s,
                                  u"fanout %1"_s.arg(QDateTime::currentMSecsSinceEpoch())},
                                 {u"kind"_s, u"public"_s}});
                    else
                        send(socket, u"group.join"_s, u"j"_s,
                             QJsonObject {{u"clientId"_s,
                                           u"fanout-join-%1-%2"_s.arg(user).arg(
                                               QDateTime::currentMSecsSinceEpoch())},
                                          {u"groupId"_s, m_groupId}});
                } else if (auto made = responseTo(frame, u"g"_s)) {
                    m_groupId = qint64(made->value(u"payload"_s)
                                           .toObject()
                                           .value(u"group"_s)
                                           .toObject()
                                           .value(u"id"_s)
                                           .toDouble());
                    if (m_groupId == 0)
                        reportFailure(u"group "_s + user, u"group.create failed: "_s + frame);
                    done(socket->property("token").toString());
                } else if (auto joined = responseTo(frame, u"j"_s)) {
                    if (!joined->value(u"ok"_s).toBool())
                        reportFailure(u"group "_s + user, u"group.join failed: "_s + frame);
                    done(socket->property("token").toString());
                }
            });
        QObject::connect(socket, &QWebSocket::disconnected, socket, [this, user, done] {
            reportFailure(u"login "_s + user, u"connection closed"_s);
            done(QString());
        });
        QObject::connect(socket, qOverload<QAbstractSocket::SocketError>(&QWebSocket::error),
                         socket, [this, socket, user, done](QAbstractSocket::SocketError) {
                             reportFailure(u"login "_s + user, socket->errorString());
                             done(QString());
                         });
        QObject::connect(&m_phaseTimer, &QTimer::timeout, socket, [this, user, done] {
            reportFailure(u"login "_s + user, u"timed out"_s);
            done(QString());
        });
        m_phaseTimer.start(m_options.loginTimeoutMs);
        socket->open(m_options.url);
    }

    // --- publisher: made live first; its sync also finds the head cursor ----------------

    void startPublisher()
    {
        PooledConnection& p = m_pool.at(publisher());
        p.token = m_options.tokens.value(0);
        p.cursor = std::max<qint64>(m_options.cursor, 0);
        QObject::connect(&m_phaseTimer, &QTimer::timeout, &m_owner, [this] {
            note(u"fanout-load: the publisher did not get live in time"_s);
            finish(2, u"publisher-timeout"_s);
        });
        m_phaseTimer.start(m_options.loginTimeoutMs);
        m_pool.openOne(publisher());
    }

    void publisherLive()
    {
        m_phaseTimer.stop();
        QObject::disconnect(&m_phaseTimer, nullptr, nullptr, nullptr);
        m_headCursor = m_options.cursor >= 0 ? m_options.cursor : m_pool.at(publisher()).cursor;
        for (int i = 0; i < m_options.connections; ++i) {
            PooledConnection& c = m_pool.at(i);
            if (!m_options.tokens.isEmpty())
                c.token = m_options.tokens.at(i % m_options.tokens.size());
            c.cursor = m_headCursor;
        }
        // Let the server settle, then take the baseline memory sample.
        QTimer::singleShot(std::max(200, m_options.settleMs / 2), &m_owner, [this] {
            m_pool.openRange(m_options.connections, m_options.concurrency,
                             m_options.connectTimeoutMs, m_options.settleMs, m_options.serverPid);
        });
    }

    // --- the N connections: live through the pool; a push counts on its first arrival -----

    void onLiveFrame(int index, const QString& frame)
    {
        if (!frame.contains(u"event"_s)) {
            if (index == publisher() && frame.contains(u"\"p1\""_s))
                onPublishAck(frame);
            else if (frame.contains(u"sync.behind"_s))
                ++m_behind;
            return;
        }
        if (!frame.contains(u"\"type\":\"event\""_s)) {
            // Not the compact form: decide on the parsed frame.
            const QJsonObject o = QJsonDocument::fromJson(frame.toUtf8()).object();
            if (o.value(u"type"_s).toString() != u"event"_s) {
                if (index == publisher() && o.value(u"re"_s).toString() == u"p1"_s)
                    onPublishAck(frame);
                return;
            }
        }
        if (index == publisher() || !m_roundRunning || m_arrivalNs[std::size_t(index)] >= 0)
            return;
        const qint64 arrival = now();
        const qint64 seq = scanInteger(frame, u"\"seq\":");
        if (seq >= 0 && seq <= m_seqFloor)
            return; // a late delivery from an earlier round
        m_arrivalNs[std::size_t(index)] = arrival;
        m_roundMaxSeq = std::max(m_roundMaxSeq, seq);
        ++m_received;
        checkRoundDone();
    }

    void onPublishAck(const QString& frame)
    {
        if (!m_roundRunning || m_ackNs >= 0)
            return;
        m_ackNs = now();
        const QJsonObject o = QJsonDocument::fromJson(frame.toUtf8()).object();
        if (o.contains(u"ok"_s) && !o.value(u"ok"_s).toBool()) {
            reportFailure(u"publisher"_s, u"post.create refused: "_s + frame);
            m_publishRefused = true;
            finishRound(false);
            return;
        }
        checkRoundDone();
    }

    // --- rounds --------------------------------------------------------------------------

    void startRound()
    {
        if (int(m_results.size()) >= m_options.rounds) {
            finish(exitCode(), QString());
            return;
        }
        std::fill(m_arrivalNs.begin(), m_arrivalNs.end(), -1);
        m_received = 0;
        m_ackNs = -1;
        m_roundMaxSeq = -1;
        m_roundRunning = true;
        const int round = int(m_results.size()) + 1;
        if (round == 1)
            m_otherCpu.start(m_options.serverPid, now());
        QString frame;
        if (m_options.protocol == Protocol::Plein) {
            QString clientId = u"fanout-"_s;
            for (int i = 0; i < 4; ++i)
                clientId += QString::number(QRandomGenerator::global()->generate(), 16)
                                .rightJustified(8, u'0');
            QJsonObject payload {
                {u"clientId"_s, clientId},
                {u"body"_s,
                 u"fanout %1 round %2"_s
                     .arg(QDateTime::currentDateTimeUtc().toString(Qt::ISODateWithMs))
                     .arg(round)}};
            if (m_groupId > 0)
                payload.insert(u"groupId"_s, m_groupId);
            const QJsonObject request {
                {u"type"_s, u"post.create"_s}, {u"id"_s, u"p1"_s}, {u"payload"_s, payload}};
            frame = QString::fromUtf8(QJsonDocument(request).toJson(QJsonDocument::Compact));
        } else {
            frame = u"{\"type\":\"post.create\",\"id\":\"p1\",\"payload\":{\"body\":\"x\"}}"_s;
        }
        m_roundTimer.start(m_options.roundTimeoutMs);
        m_serverCpuStartNs = cpuNanoseconds(m_options.serverPid);
        m_loadCpuStartNs = ownCpuNanoseconds();
        m_sendNs = now();
        QWebSocket* socket = m_pool.at(publisher()).socket;
        socket->sendTextMessage(frame);
        socket->flush();
    }

    // A round is over once every live connection has its event and the publisher its answer;
    // a server that never answers the publisher gets a short grace period, not the full timeout.
    void checkRoundDone()
    {
        if (!m_roundRunning || m_received < m_pool.live())
            return;
        if (m_ackNs >= 0)
            finishRound(false);
        else if (!m_ackGraceTimer.isActive())
            m_ackGraceTimer.start(ackGraceMs);
    }

    void finishRound(bool timedOut)
    {
        if (!m_roundRunning)
            return;
        m_roundRunning = false;
        m_roundTimer.stop();
        m_ackGraceTimer.stop();
        const qint64 serverCpuNs = cpuNanoseconds(m_options.serverPid);
        const qint64 loadCpuNs = ownCpuNanoseconds();
        m_seqFloor = std::max(m_seqFloor, m_roundMaxSeq);

        RoundResult r;
        r.round = int(m_results.size()) + 1;
        r.delivery = Delivery::of(m_arrivalNs, m_sendNs, m_pool.live());
        r.delivery.timedOut = timedOut;
        r.delivery.ackMs = m_ackNs >= 0 ? double(m_ackNs - m_sendNs) / 1e6 : -1;
        r.serverCpuMs = serverCpuNs >= 0 && m_serverCpuStartNs >= 0
            ? double(serverCpuNs - m_serverCpuStartNs) / 1e6
            : -1;
        r.loadCpuMs = loadCpuNs >= 0 && m_loadCpuStartNs >= 0
            ? double(loadCpuNs - m_loadCpuStartNs) / 1e6
            : -1;
        m_results.push_back(r);

        QJsonObject line = header(u"round"_s);
        line.insert(u"round"_s, r.round);
        r.delivery.writeTo(line);
        line.insert(u"serverCpuMs"_s,
                    r.serverCpuMs >= 0 ? QJsonValue(round3(r.serverCpuMs)) : QJsonValue());
        line.insert(u"loadCpuMs"_s,
                    r.loadCpuMs >= 0 ? QJsonValue(round3(r.loadCpuMs)) : QJsonValue());
        line.insert(u"failures"_s, m_pool.failed());
        printLine(line);

        if (m_publishRefused) {
            finish(1, u"post-refused"_s);
            return;
        }
        QTimer::singleShot(m_options.roundGapMs, &m_owner, [this] { startRound(); });
    }

    // --- the end -------------------------------------------------------------------------

    int exitCode() const
    {
        bool complete = m_pool.failed() == 0 && int(m_results.size()) == m_options.rounds;
        for (const RoundResult& r : m_results)
            complete
                = complete && !r.delivery.timedOut && r.delivery.received == r.delivery.expected;
        return complete ? 0 : 1;
    }

    QJsonObject header(const QString& kind) const
    {
        QJsonObject o {
            {u"kind"_s, kind},
            {u"protocol"_s, m_options.protocol == Protocol::Plein ? u"plein"_s : u"raw"_s},
            {u"connections"_s, m_options.connections}};
        if (!m_options.label.isEmpty())
            o.insert(u"label"_s, m_options.label);
        o.insert(u"dispatcher"_s, m_options.dispatcher);
        return o;
    }

    void finish(int code, const QString& abortReason)
    {
        if (m_finished)
            return;
        m_finished = true;
        m_roundTimer.stop();
        m_ackGraceTimer.stop();
        m_phaseTimer.stop();

        Medians medians;
        int receivedTotal = 0, expectedTotal = 0;
        for (const RoundResult& r : m_results) {
            medians.add(r.delivery);
            medians.add(u"serverCpuMs"_s, r.serverCpuMs);
            medians.add(u"loadCpuMs"_s, r.loadCpuMs);
            receivedTotal += r.delivery.received;
            expectedTotal += r.delivery.expected;
        }
        QJsonObject s = header(u"summary"_s);
        m_pool.writeSummaryTo(s, m_options.serverPid);
        s.insert(u"syncBehind"_s, m_behind);
        s.insert(u"rounds"_s, int(m_results.size()));
        s.insert(u"received"_s, receivedTotal);
        s.insert(u"expected"_s, expectedTotal);
        medians.writeDeliveryTo(s);
        s.insert(u"serverCpuMs"_s, medians.value(u"serverCpuMs"_s));
        s.insert(u"loadCpuMs"_s, medians.value(u"loadCpuMs"_s));
        // How busy the rest of the machine was during the rounds: other processes competing for
        // the CPUs make every figure above worse and noisier.
        if (m_otherCpu.started())
            s.insert(u"otherCpuPct"_s, m_otherCpu.percentSince(now()));
        s.insert(u"elapsedSeconds"_s, round3(double(now()) / 1e9));
        printSummary(s, abortReason);

        shutdown();
        QCoreApplication::exit(code);
    }

    // Silences and drops every socket (the login ones included), so nothing calls back into
    // this object while it is torn down.
    void shutdown() { silenceSockets(m_owner); }

    Options m_options;
    QObject m_owner; // parent of every socket
    QTimer m_roundTimer;
    QTimer m_ackGraceTimer;
    QTimer m_phaseTimer;
    QElapsedTimer m_clock;

    FailureNotes m_notes {u"fanout-load"_s};
    ConnectionPool m_pool;
    std::vector<qint64> m_arrivalNs; // per receiver: this round's event, -1 while waiting
    int m_tokensFromFile = 0;
    qint64 m_groupId = 0;
    int m_loginIndex = 0;

    qint64 m_headCursor = 0;
    int m_behind = 0;

    bool m_roundRunning = false;
    bool m_publishRefused = false;
    qint64 m_sendNs = 0;
    qint64 m_ackNs = -1;
    qint64 m_serverCpuStartNs = -1;
    OtherCpu m_otherCpu; // from the first round on
    qint64 m_loadCpuStartNs = -1;
    qint64 m_seqFloor = -1;
    qint64 m_roundMaxSeq = -1;
    int m_received = 0;
    std::vector<RoundResult> m_results;
    bool m_finished = false;
};

std::optional<Options> parseOptions(const QCoreApplication& app)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(
        u"Fan-out load: opens N WebSocket connections, publishes posts and measures delivery to all."_s);
    parser.addHelpOption();
    const QCommandLineOption url(
        u"url"_s, u"Server address, ws://127.0.0.1:PORT (loopback only)."_s, u"url"_s);
    const QCommandLineOption protocol(u"protocol"_s,
                                      u"plein (handshake, auth, sync) or raw (connect only)."_s,
                                      u"name"_s, u"plein"_s);
    const QCommandLineOption connections(u"connections"_s, u"Receiving connections to open."_s,
                                         u"n"_s, u"1000"_s);
    const QCommandLineOption concurrency(u"concurrency"_s, u"Connections being set up at once."_s,
                                         u"n"_s, u"200"_s);
    const QCommandLineOption rounds(u"rounds"_s, u"Posts to publish, one per round."_s, u"n"_s,
                                    u"5"_s);
    const QCommandLineOption roundTimeout(
        u"round-timeout"_s, u"Seconds to wait for every delivery of a round."_s, u"s"_s, u"30"_s);
    const QCommandLineOption roundGap(u"round-gap"_s, u"Milliseconds between rounds."_s, u"ms"_s,
                                      u"500"_s);
    const QCommandLineOption connectTimeout(
        u"connect-timeout"_s, u"Seconds allowed to get all connections live."_s, u"s"_s, u"180"_s);
    const QCommandLineOption settle(u"settle"_s, u"Milliseconds of idle before a memory sample."_s,
                                    u"ms"_s, u"2000"_s);
    const QCommandLineOption maxSeconds(u"max-seconds"_s, u"Hard stop for the whole run."_s, u"s"_s,
                                        u"600"_s);
    const QCommandLineOption serverPid(u"server-pid"_s,
                                       u"Server process to sample RSS and PSS of."_s, u"pid"_s);
    const QCommandLineOption tokens(
        u"tokens"_s, u"File of session tokens, one a line, used round-robin."_s, u"file"_s);
    const QCommandLineOption loginUsers(
        u"login-users"_s, u"Users to log in once for tokens: bench1..bench20 or a comma list."_s,
        u"users"_s);
    const QCommandLineOption password(u"password"_s, u"Password of the --login-users."_s,
                                      u"password"_s);
    const QCommandLineOption cursor(
        u"cursor"_s, u"Cursor for sync.since (default: the head, found first)."_s, u"n"_s);
    const QCommandLineOption label(u"label"_s, u"Name echoed in every output line."_s, u"text"_s);
    const QCommandLineOption group(
        u"group"_s,
        u"Post into a public group the login users join (created by the first) instead of the "
        u"company feed."_s);
    const QCommandLineOption dispatcher(
        u"dispatcher"_s,
        u"Event dispatcher: epoll (cost per ready socket) or qt (Qt's default, cost per open socket)."_s,
        u"name"_s, u"epoll"_s);
    for (const auto* o : {&url, &protocol, &connections, &concurrency, &rounds, &roundTimeout,
                          &roundGap, &connectTimeout, &settle, &maxSeconds, &serverPid, &tokens,
                          &loginUsers, &password, &cursor, &label, &dispatcher, &group})
        parser.addOption(*o);
    parser.process(app);

    auto fail = [](const QString& why) -> std::optional<Options> {
        note(u"plein-fanout-load: "_s + why);
        return std::nullopt;
    };
    auto positive = [&parser](const QCommandLineOption& o, int min) {
        bool ok = false;
        const int v = parser.value(o).toInt(&ok);
        return ok && v >= min ? v : -1;
    };

    Options options;
    options.url = QUrl(parser.value(url));
    if (!options.url.isValid() || options.url.scheme() != u"ws"_s || options.url.port() <= 0)
        return fail(u"--url ws://127.0.0.1:PORT is required"_s);
    if (!isLoopback(options.url))
        return fail(u"only loopback addresses may be loaded: "_s + options.url.host());
    const QString p = parser.value(protocol);
    if (p == u"plein"_s)
        options.protocol = Protocol::Plein;
    else if (p == u"raw"_s)
        options.protocol = Protocol::Raw;
    else
        return fail(u"--protocol must be plein or raw"_s);

    options.connections = positive(connections, 1);
    options.concurrency = positive(concurrency, 1);
    options.rounds = positive(rounds, 1);
    const int roundTimeoutS = positive(roundTimeout, 1);
    options.roundGapMs = positive(roundGap, 0);
    const int connectTimeoutS = positive(connectTimeout, 1);
    options.settleMs = positive(settle, 0);
    options.maxSeconds = positive(maxSeconds, 1);
    if (options.connections < 0 || options.concurrency < 0 || options.rounds < 0
        || roundTimeoutS < 0 || options.roundGapMs < 0 || connectTimeoutS < 0
        || options.settleMs < 0 || options.maxSeconds < 0)
        return fail(u"numeric options must be whole numbers of at least 1 (gap and settle: 0)"_s);
    if (options.connections > 100000)
        return fail(u"--connections is capped at 100000"_s);
    options.roundTimeoutMs = roundTimeoutS * 1000;
    options.connectTimeoutMs = connectTimeoutS * 1000;
    options.serverPid = parser.isSet(serverPid) ? parser.value(serverPid).toLongLong() : 0;
    options.cursor = parser.isSet(cursor) ? parser.value(cursor).toLongLong() : -1;
    options.label = parser.value(label);
    if (parser.value(dispatcher) != u"epoll"_s && parser.value(dispatcher) != u"qt"_s)
        return fail(u"--dispatcher must be epoll or qt"_s);
    options.dispatcher = parser.value(dispatcher);

    if (parser.isSet(tokens)) {
        QFile file(parser.value(tokens));
        if (!file.open(QIODevice::ReadOnly | QIODevice::Text))
            return fail(u"cannot read "_s + file.fileName());
        while (!file.atEnd()) {
            const QString line = QString::fromUtf8(file.readLine()).trimmed();
            if (!line.isEmpty())
                options.tokens << line;
        }
    }
    options.group = parser.isSet(group);
    if (parser.isSet(loginUsers)) {
        options.loginUsers = expandUsers(parser.value(loginUsers));
        options.password = parser.value(password);
        if (options.loginUsers.isEmpty() || options.password.isEmpty())
            return fail(u"--login-users needs users and --password"_s);
    }
    if (options.protocol == Protocol::Plein && options.tokens.isEmpty()
        && options.loginUsers.isEmpty())
        return fail(u"plein mode needs --tokens FILE or --login-users with --password"_s);
    return options;
}

} // namespace

} // namespace plein

int main(int argc, char* argv[])
{
    // The dispatcher has to be in place before the application object exists, so this one
    // option is read ahead of the parser (which accepts and checks it too).
    plein::loadbench::installDispatcher(argc, argv, QStringLiteral("plein-fanout-load"));

    QCoreApplication app(argc, argv);
    QCoreApplication::setApplicationName(QStringLiteral("plein-fanout-load"));

    auto options = plein::parseOptions(app);
    if (!options)
        return 2;

    const rlim_t wanted = rlim_t(options->connections) + 1024;
    const rlim_t got = plein::loadbench::raiseFileLimit(std::max<rlim_t>(wanted, 65536));
    if (got < wanted) {
        plein::loadbench::note(
            QStringLiteral("plein-fanout-load: open-file limit %1 is below the %2 needed")
                .arg(qulonglong(got))
                .arg(qulonglong(wanted)));
        return 2;
    }

    auto load = std::make_unique<plein::Load>(std::move(*options));
    load->start();
    const int code = app.exec();
    load.reset();
    return code;
}
