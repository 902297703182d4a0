// plein-fanout-load: the load side of the fan-out benchmark (see README.md beside this file).
//
// Opens N WebSocket connections to one server on a loopback address, makes each one live
// (in `plein` mode: hello, auth.resume, sync.since until caught up), then has one extra
// publisher connection send a post per round and records when every connection receives the
// resulting event push. Prints one JSON line per round and a final summary line on stdout;
// progress and errors go to stderr.
//
// One thread, one Qt event loop, no QObject subclasses. Everything is bounded in time.

#include "epolldispatcher.h"

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

enum class Protocol { Plein, Raw };

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

enum class Stage { Pending, Opening, Hello, Auth, Sync, Live, Failed };

struct Connection
{
    QWebSocket* socket = nullptr; // parented to Load::m_owner
    Stage stage = Stage::Pending;
    QString token;
    qint64 cursor = 0;
    qint64 arrivalNs = -1; // arrival of this round's event, -1 while waiting
};

struct MemorySample
{
    qint64 rssKiB = -1;
    qint64 pssKiB = -1;
};

struct RoundResult
{
    int round = 0;
    int expected = 0;
    int received = 0;
    double deliveriesPerSec = 0;
    double p50Ms = 0;
    double p99Ms = 0;
    double maxMs = 0;
    double ackMs = -1;
    double serverCpuMs = -1; // CPU time the server spent from the send to the end of the round
    double loadCpuMs = -1; // the same for this process
    bool timedOut = false;
};

qint64 readKiBField(const QString& path, QByteArrayView field)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return -1;
    const QByteArray all = file.readAll();
    for (const QByteArray& line : all.split('\n')) {
        if (!line.startsWith(field))
            continue;
        QByteArray rest = line.mid(field.size()).trimmed();
        if (rest.endsWith("kB"))
            rest = rest.chopped(2).trimmed();
        bool ok = false;
        const qint64 value = rest.toLongLong(&ok);
        return ok ? value : -1;
    }
    return -1;
}

MemorySample sampleMemory(qint64 pid)
{
    MemorySample sample;
    if (pid <= 0)
        return sample;
    const QString base = u"/proc/%1/"_s.arg(pid);
    sample.rssKiB = readKiBField(base + u"status"_s, "VmRSS:");
    sample.pssKiB = readKiBField(base + u"smaps_rollup"_s, "Pss:");
    return sample;
}

// CPU time used so far by every thread of a process, from the scheduler's per-thread
// accounting in nanoseconds (`base` is /proc/PID/task); -1 when unknown.
qint64 cpuNanoseconds(const QString& base)
{
    const QStringList threads = QDir(base).entryList(QDir::Dirs | QDir::NoDotAndDotDot);
    if (threads.isEmpty())
        return -1;
    qint64 total = 0;
    for (const QString& tid : threads) {
        QFile file(base + u'/' + tid + u"/schedstat"_s);
        if (!file.open(QIODevice::ReadOnly))
            continue;
        const QByteArray text = file.readAll();
        total += text.left(text.indexOf(' ')).toLongLong();
    }
    return total;
}

// Busy CPU time of the whole machine so far in milliseconds (all CPUs added up, idle and
// I/O wait left out), from /proc/stat; -1 when unknown.
qint64 machineBusyMs()
{
    QFile file(u"/proc/stat"_s);
    if (!file.open(QIODevice::ReadOnly))
        return -1;
    const QList<QByteArray> fields = file.readLine().simplified().split(' ');
    if (fields.size() < 9 || fields.at(0) != "cpu")
        return -1;
    qint64 busyTicks = 0;
    for (int i : {1, 2, 3, 6, 7, 8}) // user nice system irq softirq steal
        busyTicks += fields.at(i).toLongLong();
    const long hz = sysconf(_SC_CLK_TCK);
    return hz > 0 ? busyTicks * 1000 / hz : -1;
}

// User and system CPU time of a whole process in milliseconds, threads that have ended
// included (`path` is /proc/PID/stat); coarse (clock ticks) but complete. -1 when unknown.
qint64 processCpuMs(const QString& path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return -1;
    const QByteArray text = file.readAll();
    const qsizetype paren = text.lastIndexOf(')');
    if (paren < 0)
        return -1;
    const QList<QByteArray> fields = text.mid(paren + 2).split(' ');
    if (fields.size() < 13)
        return -1;
    const long hz = sysconf(_SC_CLK_TCK);
    // After the command name: state is field 3 of the file, utime 14 and stime 15.
    return hz > 0 ? (fields.at(11).toLongLong() + fields.at(12).toLongLong()) * 1000 / hz : -1;
}

qint64 cpuNanoseconds(qint64 pid)
{
    return pid > 0 ? cpuNanoseconds(u"/proc/%1/task"_s.arg(pid)) : -1;
}

qint64 ownCpuNanoseconds()
{
    return cpuNanoseconds(u"/proc/self/task"_s);
}

// Nearest-rank percentile of sorted values.
double percentile(const std::vector<qint64>& sorted, double p)
{
    if (sorted.empty())
        return 0;
    const auto rank = std::size_t(std::ceil(p / 100.0 * double(sorted.size())));
    const std::size_t index = std::clamp<std::size_t>(rank, 1, sorted.size()) - 1;
    return double(sorted[index]) / 1e6;
}

double median(std::vector<double> values)
{
    if (values.empty())
        return 0;
    std::sort(values.begin(), values.end());
    const std::size_t mid = values.size() / 2;
    return values.size() % 2 ? values[mid] : (values[mid - 1] + values[mid]) / 2;
}

double round3(double v)
{
    return std::round(v * 1000.0) / 1000.0;
}

void printLine(const QJsonObject& object)
{
    const QByteArray line = QJsonDocument(object).toJson(QJsonDocument::Compact);
    std::fwrite(line.constData(), 1, std::size_t(line.size()), stdout);
    std::fputc('\n', stdout);
    std::fflush(stdout);
}

void note(const QString& text)
{
    const QByteArray line = text.toUtf8();
    std::fwrite(line.constData(), 1, std::size_t(line.size()), stderr);
    std::fputc('\n', stderr);
    std::fflush(stderr);
}

// Raises the open-file limit as far as it goes: the soft limit to the hard limit, and both
// higher when the process may (root). Returns the soft limit in force afterwards.
rlim_t raiseFileLimit(rlim_t wanted)
{
    rlimit limit {};
    if (getrlimit(RLIMIT_NOFILE, &limit) != 0)
        return 0;
    if (limit.rlim_cur >= wanted)
        return limit.rlim_cur;
    rlimit raised {wanted, std::max(wanted, limit.rlim_max)};
    if (setrlimit(RLIMIT_NOFILE, &raised) == 0)
        return wanted;
    raised = {std::min(wanted, limit.rlim_max), limit.rlim_max};
    if (setrlimit(RLIMIT_NOFILE, &raised) == 0)
        return raised.rlim_cur;
    return limit.rlim_cur;
}

bool isLoopback(const QUrl& url)
{
    const QString host = url.host();
    if (host.compare(u"localhost"_s, Qt::CaseInsensitive) == 0)
        return true;
    const QHostAddress address(host);
    return !address.isNull() && address.isLoopback();
}

// "bench1..bench20" or "alice,bob" (or both, comma separated).
QStringList expandUsers(const QString& spec)
{
    QStringList users;
    for (const QString& part : spec.split(u',', Qt::SkipEmptyParts)) {
        const qsizetype dots = part.indexOf(u".."_s);
        if (dots < 0) {
            users << part.trimmed();
            continue;
        }
        const QString first = part.left(dots).trimmed();
        const QString last = part.mid(dots + 2).trimmed();
        qsizetype digits = first.size();
        while (digits > 0 && first.at(digits - 1).isDigit())
            --digits;
        const QString prefix = first.left(digits);
        const int from = first.mid(digits).toInt();
        const int to = last.startsWith(prefix) ? last.mid(prefix.size()).toInt() : last.toInt();
        for (int i = from; i <= to && i - from < 100000; ++i)
            users << prefix + QString::number(i);
    }
    return users;
}

// The value of a top-level integer field such as "seq":123 without parsing the whole frame.
qint64 scanInteger(const QString& frame, QStringView key)
{
    const qsizetype at = frame.indexOf(key);
    if (at < 0)
        return -1;
    qsizetype i = at + key.size();
    while (i < frame.size() && frame.at(i).isSpace())
        ++i;
    qint64 value = 0;
    bool any = false;
    while (i < frame.size() && frame.at(i).isDigit()) {
        value = value * 10 + frame.at(i).digitValue();
        any = true;
        ++i;
    }
    return any ? value : -1;
}

class Load
{
public:
    explicit Load(Options options)
        : m_options(std::move(options))
        , m_tokensFromFile(int(m_options.tokens.size()))
    {
        m_connections.resize(std::size_t(m_options.connections));
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

    QWebSocket* newSocket()
    {
        auto* socket = new QWebSocket(QString(), QWebSocketProtocol::VersionLatest, &m_owner);
        socket->setProxy(QNetworkProxy::NoProxy);
        return socket;
    }

    static void send(QWebSocket* socket, const QString& type, const QString& id,
                     const QJsonObject& payload)
    {
        const QJsonObject frame {{u"type"_s, type}, {u"id"_s, id}, {u"payload"_s, payload}};
        socket->sendTextMessage(
            QString::fromUtf8(QJsonDocument(frame).toJson(QJsonDocument::Compact)));
    }

    // A response to request `id`: nullopt when the frame is something else (a push).
    static std::optional<QJsonObject> responseTo(const QString& frame, const QString& id)
    {
        const QJsonObject o = QJsonDocument::fromJson(frame.toUtf8()).object();
        if (o.value(u"re"_s).toString() != id)
            return std::nullopt;
        return o;
    }

    void reportFailure(const QString& who, const QString& what)
    {
        ++m_failureNotes;
        if (m_failureNotes <= 20)
            note(u"fanout-load: %1: %2"_s.arg(who, what.left(400)));
        else if (m_failureNotes == 21)
            note(u"fanout-load: (further failures are counted, not printed)"_s);
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
        m_publisher.socket = newSocket();
        m_publisher.token = m_options.tokens.value(0);
        m_publisher.cursor = std::max<qint64>(m_options.cursor, 0);
        wire(m_publisher, -1);
        QObject::connect(&m_phaseTimer, &QTimer::timeout, &m_owner, [this] {
            note(u"fanout-load: the publisher did not get live in time"_s);
            finish(2, u"publisher-timeout"_s);
        });
        m_phaseTimer.start(m_options.loginTimeoutMs);
        m_publisher.stage = Stage::Opening;
        m_publisher.socket->open(m_options.url);
    }

    void publisherLive()
    {
        m_phaseTimer.stop();
        QObject::disconnect(&m_phaseTimer, nullptr, nullptr, nullptr);
        m_headCursor = m_options.cursor >= 0 ? m_options.cursor : m_publisher.cursor;
        // Let the server settle, then take the baseline memory sample.
        QTimer::singleShot(std::max(200, m_options.settleMs / 2), &m_owner, [this] {
            m_memoryBefore = sampleMemory(m_options.serverPid);
            note(u"fanout-load: opening %1 connections, %2 at a time"_s.arg(m_options.connections)
                     .arg(m_options.concurrency));
            m_connectStartNs = now();
            QObject::connect(&m_phaseTimer, &QTimer::timeout, &m_owner,
                             [this] { connectDeadline(); });
            m_phaseTimer.start(m_options.connectTimeoutMs);
            QObject::connect(&m_progressTimer, &QTimer::timeout, &m_owner, [this] {
                note(u"fanout-load: %1 live, %2 failed, %3 in flight"_s.arg(m_live)
                         .arg(m_failed)
                         .arg(m_inFlight));
            });
            m_progressTimer.start(5000);
            openMore();
        });
    }

    // --- the N connections ---------------------------------------------------------------

    void openMore()
    {
        const int total = m_options.connections;
        while (m_inFlight < m_options.concurrency && m_nextToOpen < total) {
            const int index = m_nextToOpen++;
            Connection& c = m_connections[std::size_t(index)];
            c.socket = newSocket();
            if (!m_options.tokens.isEmpty())
                c.token = m_options.tokens.at(index % m_options.tokens.size());
            c.cursor = m_headCursor;
            wire(c, index);
            c.stage = Stage::Opening;
            ++m_inFlight;
            c.socket->open(m_options.url);
        }
        if (m_live + m_failed == total && !m_connectDone)
            allConnected();
    }

    Connection& at(int index)
    {
        return index < 0 ? m_publisher : m_connections[std::size_t(index)];
    }

    QString name(int index) const
    {
        return index < 0 ? u"publisher"_s : u"connection %1"_s.arg(index);
    }

    void wire(Connection& c, int index)
    {
        QWebSocket* socket = c.socket;
        QObject::connect(socket, &QWebSocket::connected, socket,
                         [this, index] { onConnected(index); });
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
        QObject::connect(socket, qOverload<QAbstractSocket::SocketError>(&QWebSocket::error),
                         socket, [this, socket, index](QAbstractSocket::SocketError) {
                             onFailed(index, socket->errorString());
                         });
    }

    void onConnected(int index)
    {
        Connection& c = at(index);
        if (m_options.protocol == Protocol::Raw) {
            becomeLive(index);
            return;
        }
        c.stage = Stage::Hello;
        send(c.socket, u"hello"_s, u"h"_s, helloPayload());
    }

    void onFailed(int index, const QString& why)
    {
        Connection& c = at(index);
        if (c.stage == Stage::Failed || c.stage == Stage::Pending)
            return;
        const Stage was = c.stage;
        c.stage = Stage::Failed;
        QObject::disconnect(c.socket, nullptr, nullptr, nullptr);
        c.socket->abort();
        reportFailure(name(index), why);
        if (index < 0) {
            finish(2, u"publisher-failed"_s);
            return;
        }
        ++m_failed;
        if (was == Stage::Live) {
            --m_live;
            ++m_droppedWhileLive;
            if (m_roundRunning)
                checkRoundDone();
        } else {
            --m_inFlight;
            if (!m_connectDone)
                openMore();
        }
    }

    void becomeLive(int index)
    {
        Connection& c = at(index);
        c.stage = Stage::Live;
        if (index < 0) {
            publisherLive();
            return;
        }
        --m_inFlight;
        ++m_live;
        if (!m_connectDone)
            openMore();
    }

    void sendSync(Connection& c)
    {
        c.stage = Stage::Sync;
        send(c.socket, u"sync.since"_s, u"s"_s, QJsonObject {{u"cursor"_s, c.cursor}});
    }

    void onFrame(int index, const QString& frame)
    {
        Connection& c = at(index);
        if (c.stage == Stage::Live) {
            onLiveFrame(index, c, frame);
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
            send(c.socket, u"auth.resume"_s, u"a"_s, QJsonObject {{u"token"_s, c.token}});
            break;
        case Stage::Auth:
            sendSync(c);
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
                sendSync(c);
            } else {
                becomeLive(index);
            }
            break;
        }
        default:
            break;
        }
    }

    void onLiveFrame(int index, Connection& c, const QString& frame)
    {
        if (!frame.contains(u"event"_s)) {
            if (index < 0 && frame.contains(u"\"p1\""_s))
                onPublishAck(frame);
            else if (frame.contains(u"sync.behind"_s))
                ++m_behind;
            return;
        }
        if (!frame.contains(u"\"type\":\"event\""_s)) {
            // Not the compact form: decide on the parsed frame.
            const QJsonObject o = QJsonDocument::fromJson(frame.toUtf8()).object();
            if (o.value(u"type"_s).toString() != u"event"_s) {
                if (index < 0 && o.value(u"re"_s).toString() == u"p1"_s)
                    onPublishAck(frame);
                return;
            }
        }
        if (index < 0 || !m_roundRunning || c.arrivalNs >= 0)
            return;
        const qint64 arrival = now();
        const qint64 seq = scanInteger(frame, u"\"seq\":");
        if (seq >= 0 && seq <= m_seqFloor)
            return; // a late delivery from an earlier round
        c.arrivalNs = arrival;
        m_roundMaxSeq = std::max(m_roundMaxSeq, seq);
        m_lastArrivalNs = std::max(m_lastArrivalNs, arrival);
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

    void connectDeadline()
    {
        if (m_connectDone)
            return;
        note(u"fanout-load: connect phase timed out after %1 ms"_s.arg(m_options.connectTimeoutMs));
        // Never-opened connections first, so failing the open ones opens nothing new.
        for (int i = m_nextToOpen; i < m_options.connections; ++i) {
            m_connections[std::size_t(i)].stage = Stage::Failed;
            ++m_failed;
            ++m_notAttempted;
        }
        m_nextToOpen = m_options.connections;
        for (int i = 0; i < m_options.connections; ++i) {
            const Stage stage = m_connections[std::size_t(i)].stage;
            if (stage != Stage::Live && stage != Stage::Failed)
                onFailed(i, u"not live before the connect deadline"_s);
        }
        allConnected();
    }

    void allConnected()
    {
        if (m_connectDone)
            return;
        m_connectDone = true;
        m_phaseTimer.stop();
        m_progressTimer.stop();
        m_connectSeconds = double(now() - m_connectStartNs) / 1e9;
        note(u"fanout-load: %1 live, %2 failed after %3 s"_s.arg(m_live).arg(m_failed).arg(
            m_connectSeconds, 0, 'f', 2));
        if (m_live == 0) {
            finish(2, u"no-connection"_s);
            return;
        }
        QTimer::singleShot(m_options.settleMs, &m_owner, [this] {
            m_memoryAfter = sampleMemory(m_options.serverPid);
            m_liveAtSample = m_live;
            startRound();
        });
    }

    // --- rounds --------------------------------------------------------------------------

    void startRound()
    {
        if (int(m_results.size()) >= m_options.rounds) {
            finish(exitCode(), QString());
            return;
        }
        for (Connection& c : m_connections)
            c.arrivalNs = -1;
        m_received = 0;
        m_ackNs = -1;
        m_lastArrivalNs = -1;
        m_roundMaxSeq = -1;
        m_roundRunning = true;
        const int round = int(m_results.size()) + 1;
        if (round == 1) {
            m_phaseStart.wallNs = now();
            m_phaseStart.machineBusyMs = machineBusyMs();
            m_phaseStart.serverCpuMs = m_options.serverPid > 0
                ? processCpuMs(u"/proc/%1/stat"_s.arg(m_options.serverPid))
                : -1;
            m_phaseStart.loadCpuMs = processCpuMs(u"/proc/self/stat"_s);
        }
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
        m_publisher.socket->sendTextMessage(frame);
        m_publisher.socket->flush();
    }

    // A round is over once every live connection has its event and the publisher its answer;
    // a server that never answers the publisher gets a short grace period, not the full timeout.
    void checkRoundDone()
    {
        if (!m_roundRunning || m_received < m_live)
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

        std::vector<qint64> latencies;
        latencies.reserve(m_connections.size());
        for (const Connection& c : m_connections) {
            if (c.arrivalNs >= 0)
                latencies.push_back(c.arrivalNs - m_sendNs);
        }
        std::sort(latencies.begin(), latencies.end());

        RoundResult r;
        r.round = int(m_results.size()) + 1;
        r.expected = m_live;
        r.received = int(latencies.size());
        r.timedOut = timedOut;
        if (!latencies.empty()) {
            const double span = double(m_lastArrivalNs - m_sendNs) / 1e9;
            r.deliveriesPerSec = span > 0 ? double(r.received) / span : 0;
            r.p50Ms = percentile(latencies, 50);
            r.p99Ms = percentile(latencies, 99);
            r.maxMs = double(latencies.back()) / 1e6;
        }
        r.ackMs = m_ackNs >= 0 ? double(m_ackNs - m_sendNs) / 1e6 : -1;
        r.serverCpuMs = serverCpuNs >= 0 && m_serverCpuStartNs >= 0
            ? double(serverCpuNs - m_serverCpuStartNs) / 1e6
            : -1;
        r.loadCpuMs = loadCpuNs >= 0 && m_loadCpuStartNs >= 0
            ? double(loadCpuNs - m_loadCpuStartNs) / 1e6
            : -1;
        m_results.push_back(r);

        QJsonObject line = header(u"round"_s);
        line.insert(u"round"_s, r.round);
        line.insert(u"expected"_s, r.expected);
        line.insert(u"received"_s, r.received);
        line.insert(u"missing"_s, r.expected - r.received);
        line.insert(u"timedOut"_s, r.timedOut);
        line.insert(u"deliveriesPerSec"_s, std::round(r.deliveriesPerSec));
        line.insert(u"p50Ms"_s, round3(r.p50Ms));
        line.insert(u"p99Ms"_s, round3(r.p99Ms));
        line.insert(u"maxMs"_s, round3(r.maxMs));
        line.insert(u"ackMs"_s, r.ackMs >= 0 ? QJsonValue(round3(r.ackMs)) : QJsonValue());
        line.insert(u"serverCpuMs"_s,
                    r.serverCpuMs >= 0 ? QJsonValue(round3(r.serverCpuMs)) : QJsonValue());
        line.insert(u"loadCpuMs"_s,
                    r.loadCpuMs >= 0 ? QJsonValue(round3(r.loadCpuMs)) : QJsonValue());
        line.insert(u"failures"_s, m_failed);
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
        bool complete = m_failed == 0 && int(m_results.size()) == m_options.rounds;
        for (const RoundResult& r : m_results)
            complete = complete && !r.timedOut && r.received == r.expected;
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
        m_progressTimer.stop();

        std::vector<double> rates, p50, p99, maxes, acks, serverCpu, loadCpu;
        int receivedTotal = 0, expectedTotal = 0;
        for (const RoundResult& r : m_results) {
            rates.push_back(r.deliveriesPerSec);
            p50.push_back(r.p50Ms);
            p99.push_back(r.p99Ms);
            maxes.push_back(r.maxMs);
            if (r.ackMs >= 0)
                acks.push_back(r.ackMs);
            if (r.serverCpuMs >= 0)
                serverCpu.push_back(r.serverCpuMs);
            if (r.loadCpuMs >= 0)
                loadCpu.push_back(r.loadCpuMs);
            receivedTotal += r.received;
            expectedTotal += r.expected;
        }
        QJsonObject s = header(u"summary"_s);
        s.insert(u"live"_s, m_live);
        s.insert(u"failures"_s, m_failed);
        s.insert(u"notAttempted"_s, m_notAttempted);
        s.insert(u"droppedWhileLive"_s, m_droppedWhileLive);
        s.insert(u"syncBehind"_s, m_behind);
        s.insert(u"connectSeconds"_s, round3(m_connectSeconds));
        s.insert(u"rounds"_s, int(m_results.size()));
        s.insert(u"received"_s, receivedTotal);
        s.insert(u"expected"_s, expectedTotal);
        s.insert(u"deliveriesPerSec"_s, std::round(median(rates)));
        s.insert(u"p50Ms"_s, round3(median(p50)));
        s.insert(u"p99Ms"_s, round3(median(p99)));
        s.insert(u"maxMs"_s, round3(median(maxes)));
        s.insert(u"ackMs"_s, acks.empty() ? QJsonValue() : QJsonValue(round3(median(acks))));
        s.insert(u"serverCpuMs"_s,
                 serverCpu.empty() ? QJsonValue() : QJsonValue(round3(median(serverCpu))));
        s.insert(u"loadCpuMs"_s,
                 loadCpu.empty() ? QJsonValue() : QJsonValue(round3(median(loadCpu))));
        if (m_options.serverPid > 0) {
            const MemorySample end = sampleMemory(m_options.serverPid);
            const int n = std::max(1, m_liveAtSample);
            auto perConn = [n](qint64 before, qint64 after) {
                return before >= 0 && after >= 0 ? QJsonValue(round3(double(after - before) / n))
                                                 : QJsonValue();
            };
            s.insert(u"serverPid"_s, m_options.serverPid);
            s.insert(u"rssBeforeKiB"_s, m_memoryBefore.rssKiB);
            s.insert(u"rssAfterKiB"_s, m_memoryAfter.rssKiB);
            s.insert(u"rssEndKiB"_s, end.rssKiB);
            s.insert(u"pssBeforeKiB"_s, m_memoryBefore.pssKiB);
            s.insert(u"pssAfterKiB"_s, m_memoryAfter.pssKiB);
            s.insert(u"pssEndKiB"_s, end.pssKiB);
            s.insert(u"rssPerConnKiB"_s, perConn(m_memoryBefore.rssKiB, m_memoryAfter.rssKiB));
            s.insert(u"pssPerConnKiB"_s, perConn(m_memoryBefore.pssKiB, m_memoryAfter.pssKiB));
        }
        // How busy the rest of the machine was during the rounds: other processes competing for
        // the CPUs make every figure above worse and noisier.
        if (m_phaseStart.wallNs > 0 && m_phaseStart.machineBusyMs >= 0) {
            const double wallMs = double(now() - m_phaseStart.wallNs) / 1e6;
            const qint64 busyMs = machineBusyMs() - m_phaseStart.machineBusyMs;
            const qint64 serverMs = m_phaseStart.serverCpuMs >= 0
                ? processCpuMs(u"/proc/%1/stat"_s.arg(m_options.serverPid))
                    - m_phaseStart.serverCpuMs
                : 0;
            const qint64 loadMs = processCpuMs(u"/proc/self/stat"_s) - m_phaseStart.loadCpuMs;
            const double otherMs = std::max(0.0, double(busyMs - serverMs - loadMs));
            const long cpus = std::max(1L, sysconf(_SC_NPROCESSORS_ONLN));
            if (wallMs > 0)
                s.insert(u"otherCpuPct"_s,
                         std::round(otherMs / (wallMs * double(cpus)) * 1000.0) / 10.0);
        }
        s.insert(u"loadRssKiB"_s, readKiBField(u"/proc/self/status"_s, "VmRSS:"));
        s.insert(u"elapsedSeconds"_s, round3(double(now()) / 1e9));
        if (!abortReason.isEmpty())
            s.insert(u"aborted"_s, abortReason);
        printLine(s);

        shutdown();
        QCoreApplication::exit(code);
    }

    // Silences and drops every socket (the login ones included), so nothing calls back into
    // this object while it is torn down.
    void shutdown()
    {
        for (QObject* child : m_owner.children()) {
            QObject::disconnect(child, nullptr, nullptr, nullptr);
            if (auto* socket = qobject_cast<QWebSocket*>(child))
                socket->abort();
        }
    }

    Options m_options;
    QObject m_owner; // parent of every socket
    QTimer m_roundTimer;
    QTimer m_ackGraceTimer;
    QTimer m_phaseTimer;
    QTimer m_progressTimer;
    QElapsedTimer m_clock;

    std::vector<Connection> m_connections;
    Connection m_publisher;
    int m_tokensFromFile = 0;
    qint64 m_groupId = 0;
    int m_loginIndex = 0;
    int m_failureNotes = 0;

    qint64 m_headCursor = 0;
    int m_nextToOpen = 0;
    int m_inFlight = 0;
    int m_live = 0;
    int m_failed = 0;
    int m_notAttempted = 0;
    int m_droppedWhileLive = 0;
    int m_behind = 0;
    bool m_connectDone = false;
    qint64 m_connectStartNs = 0;
    double m_connectSeconds = 0;

    MemorySample m_memoryBefore;
    MemorySample m_memoryAfter;
    int m_liveAtSample = 0;

    bool m_roundRunning = false;
    bool m_publishRefused = false;
    qint64 m_sendNs = 0;
    qint64 m_ackNs = -1;
    qint64 m_serverCpuStartNs = -1;
    struct PhaseStart
    {
        qint64 wallNs = 0;
        qint64 machineBusyMs = -1;
        qint64 serverCpuMs = -1;
        qint64 loadCpuMs = -1;
    } m_phaseStart;
    qint64 m_loadCpuStartNs = -1;
    qint64 m_lastArrivalNs = -1;
    qint64 m_seqFloor = -1;
    qint64 m_roundMaxSeq = -1;
    int m_received = 0;
    std::vector<RoundResult> m_results;
    bool m_finished = false;
};

QString dispatcherFromArguments(int argc, char* argv[])
{
    QString value = u"epoll"_s;
    for (int i = 1; i < argc; ++i) {
        const QByteArrayView arg(argv[i]);
        if ((arg == "--dispatcher" || arg == "-dispatcher") && i + 1 < argc)
            value = QString::fromLocal8Bit(argv[i + 1]);
        else if (arg.startsWith("--dispatcher="))
            value = QString::fromLocal8Bit(arg.sliced(13));
    }
    return value;
}

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
    if (plein::dispatcherFromArguments(argc, argv) == QLatin1StringView("epoll")) {
        auto dispatcher = std::make_unique<plein::EpollDispatcher>();
        if (dispatcher->isValid())
            QCoreApplication::setEventDispatcher(dispatcher.release()); // the main thread owns it
        else
            plein::note(
                QStringLiteral("plein-fanout-load: epoll unavailable, using Qt's dispatcher"));
    }

    QCoreApplication app(argc, argv);
    QCoreApplication::setApplicationName(QStringLiteral("plein-fanout-load"));

    auto options = plein::parseOptions(app);
    if (!options)
        return 2;

    const rlim_t wanted = rlim_t(options->connections) + 1024;
    const rlim_t got = plein::raiseFileLimit(std::max<rlim_t>(wanted, 65536));
    if (got < wanted) {
        plein::note(QStringLiteral("plein-fanout-load: open-file limit %1 is below the %2 needed")
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
