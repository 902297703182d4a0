// Ingest benchmark load: W concurrent writers, each with its own authenticated connection,
// post as fast as the server acknowledges (one request in flight per writer) for D seconds.
// Prints committed posts per second and acknowledgement latency percentiles as JSON.
//
// The load shares the machine with the server, so it does as little as it can per post: the
// frame is two constant halves around a client id made of a counter, and an answer is told
// apart by its first bytes rather than parsed.
#include <QCommandLineParser>
#include <QCoreApplication>
#include <QElapsedTimer>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTimer>
#include <QUuid>
#include <QWebSocket>

#include <algorithm>
#include <cstdio>
#include <functional>
#include <memory>
#include <vector>

namespace plein::bench {

struct Writer
{
    std::unique_ptr<QWebSocket> socket;
    int user = 0;
    int step = 0; // 0 hello, 1 waiting for its turn to log in, 2 logging in, 3 writing
    qint64 sentAt = 0;
    qint64 posts = 0;
};

QString frame(const QString& type, const QString& id, const QJsonObject& payload)
{
    return QString::fromUtf8(QJsonDocument(QJsonObject {{QStringLiteral("type"), type},
                                                        {QStringLiteral("id"), id},
                                                        {QStringLiteral("payload"), payload}})
                                 .toJson(QJsonDocument::Compact));
}

} // namespace plein::bench

int main(int argc, char* argv[])
{
    using namespace plein::bench;
    QCoreApplication app(argc, argv);
    QCommandLineParser p;
    p.addHelpOption();
    p.addOptions({{QStringLiteral("url"), QStringLiteral("Server URL."), QStringLiteral("url")},
                  {QStringLiteral("writers"), QStringLiteral("Concurrent writers (default 100)."),
                   QStringLiteral("n"), QStringLiteral("100")},
                  {QStringLiteral("users"),
                   QStringLiteral("Users bench1..benchN to log in as (default 20)."),
                   QStringLiteral("n"), QStringLiteral("20")},
                  {QStringLiteral("password"), QStringLiteral("Their password."),
                   QStringLiteral("pw"), QStringLiteral("bench-password")},
                  {QStringLiteral("seconds"), QStringLiteral("Measured duration (default 10)."),
                   QStringLiteral("s"), QStringLiteral("10")}});
    p.process(app);
    const int writers = p.value(QStringLiteral("writers")).toInt();
    const int users = p.value(QStringLiteral("users")).toInt();
    const int seconds = p.value(QStringLiteral("seconds")).toInt();
    const QString password = p.value(QStringLiteral("password"));

    QElapsedTimer clock;
    clock.start();
    std::vector<Writer> all(static_cast<std::size_t>(writers));
    std::vector<QString> tokens(static_cast<std::size_t>(users));
    std::vector<qint64> latencies;
    latencies.reserve(2000000);
    int helloed = 0;
    int nextLogin = 0;
    int ready = 0;
    int errors = 0;
    bool measuring = false;
    bool done = false;
    qint64 measureStart = 0;
    qint64 acked = 0;
    // Client ids unique across runs against one database: a run tag, the writer, a counter.
    const QString run = QUuid::createUuid().toString(QUuid::Id128).left(12);
    const QString head = QStringLiteral("{\"type\":\"post.create\",\"id\":\"p\",\"payload\":{"
                                        "\"clientId\":\"")
        + run;
    const QString tail = QStringLiteral(
        "\",\"body\":\"Ingest benchmark post with a little **Markdown** and @nobody.\"}}");

    const auto sendPost = [&](Writer& w, int index) {
        w.sentAt = clock.nsecsElapsed();
        ++w.posts;
        w.socket->sendTextMessage(head + QLatin1Char('-') + QString::number(index)
                                  + QLatin1Char('-') + QString::number(w.posts) + tail);
    };
    // Logins one at a time: the server counts a login whose password is being checked as a
    // failure until it ends, and would throttle 100 at once from one address. A user's second
    // and later connections resume with the token of its first.
    std::function<void()> loginNext = [&]() {
        if (nextLogin >= writers)
            return;
        Writer& w = all[std::size_t(nextLogin++)];
        w.step = 2;
        const QString& token = tokens[std::size_t(w.user)];
        if (token.isEmpty())
            w.socket->sendTextMessage(
                frame(QStringLiteral("auth.login"), QStringLiteral("l"),
                      QJsonObject {
                          {QStringLiteral("username"), QStringLiteral("bench%1").arg(w.user + 1)},
                          {QStringLiteral("password"), password}}));
        else
            w.socket->sendTextMessage(frame(QStringLiteral("auth.resume"), QStringLiteral("l"),
                                            QJsonObject {{QStringLiteral("token"), token}}));
    };
    const auto finish = [&]() {
        done = true;
        const double elapsed = double(clock.nsecsElapsed() - measureStart) / 1e9;
        std::sort(latencies.begin(), latencies.end());
        const auto pct = [&](double q) {
            return latencies.empty()
                ? 0.0
                : double(latencies[std::size_t(q * double(latencies.size() - 1))]) / 1e6;
        };
        std::printf("{\"writers\":%d,\"seconds\":%.2f,\"committed\":%lld,"
                    "\"postsPerSecond\":%.1f,\"p50ms\":%.2f,\"p99ms\":%.2f,\"errors\":%d}\n",
                    writers, elapsed, acked, double(acked) / elapsed, pct(0.5), pct(0.99), errors);
        std::fflush(stdout);
        QCoreApplication::exit(errors > 0 ? 1 : 0);
    };

    for (int i = 0; i < writers; ++i) {
        Writer& w = all[std::size_t(i)];
        w.user = i % users;
        w.socket = std::make_unique<QWebSocket>();
        QObject::connect(w.socket.get(), &QWebSocket::connected, [&w]() {
            w.socket->sendTextMessage(frame(
                QStringLiteral("hello"), QStringLiteral("h"),
                QJsonObject {{QStringLiteral("protocol"), 1},
                             {QStringLiteral("features"), QJsonArray {QStringLiteral("feed")}}}));
        });
        QObject::connect(
            w.socket.get(), &QWebSocket::textMessageReceived, [&, i](const QString& text) {
                Writer& me = all[std::size_t(i)];
                if (me.step == 3) {
                    // {"ok":true,"re":"p",...}: the keys come sorted, and errors start with
                    // {"error". Pushes would start with {"payload" (this connection never
                    // goes live).
                    const bool ok = text.startsWith(QLatin1StringView("{\"ok\":true"));
                    if (!ok) {
                        if (text.startsWith(QLatin1StringView("{\"payload\"")))
                            return;
                        ++errors;
                        if (errors < 5)
                            std::fprintf(stderr, "error: %s\n", qPrintable(text.left(300)));
                    }
                    if (measuring && !done) {
                        if (ok) {
                            ++acked;
                            latencies.push_back(clock.nsecsElapsed() - me.sentAt);
                        }
                        sendPost(me, i);
                    }
                    return;
                }
                const QJsonObject o = QJsonDocument::fromJson(text.toUtf8()).object();
                if (!o.value(QLatin1StringView("ok")).toBool()) {
                    std::fprintf(stderr, "error while connecting: %s\n",
                                 qPrintable(text.left(300)));
                    QCoreApplication::exit(2);
                    return;
                }
                if (me.step == 0) {
                    me.step = 1;
                    if (++helloed == writers)
                        loginNext();
                    return;
                }
                if (me.step == 2) {
                    me.step = 3;
                    const QString token = o.value(QLatin1StringView("result"))
                                              .toObject()
                                              .value(QLatin1StringView("token"))
                                              .toString();
                    if (!token.isEmpty())
                        tokens[std::size_t(me.user)] = token;
                    if (++ready < writers) {
                        loginNext();
                        return;
                    }
                    measureStart = clock.nsecsElapsed();
                    measuring = true;
                    for (int k = 0; k < writers; ++k)
                        sendPost(all[std::size_t(k)], k);
                    QTimer::singleShot(seconds * 1000, finish);
                }
            });
        w.socket->open(QUrl(p.value(QStringLiteral("url"))));
    }
    QTimer::singleShot((seconds + 120) * 1000, []() {
        std::fprintf(stderr, "timed out\n");
        QCoreApplication::exit(2);
    });
    return app.exec();
}
