// Ingest benchmark load: W concurrent writers, each with its own authenticated connection,
// post as fast as the server acknowledges (one request in flight per writer) for D seconds.
// Prints committed posts per second and acknowledgement latency percentiles as JSON.
#include <QCommandLineParser>
#include <QCoreApplication>
#include <QElapsedTimer>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTimer>
#include <QUuid>
#include <QWebSocket>

#include <algorithm>
#include <cstdio>
#include <memory>
#include <vector>

namespace plein::bench {

struct Writer
{
    std::unique_ptr<QWebSocket> socket;
    int step = 0; // 0 hello, 1 login, 2 writing
    qint64 sentAt = 0;
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
    std::vector<qint64> latencies;
    latencies.reserve(1000000);
    int ready = 0;
    int errors = 0;
    bool measuring = false;
    bool done = false;
    qint64 measureStart = 0;
    qint64 acked = 0;

    const auto sendPost = [&](Writer& w) {
        w.sentAt = clock.nsecsElapsed();
        w.socket->sendTextMessage(frame(
            QStringLiteral("post.create"), QStringLiteral("p"),
            QJsonObject {
                {QStringLiteral("clientId"), QUuid::createUuid().toString(QUuid::WithoutBraces)},
                {QStringLiteral("body"),
                 QStringLiteral(
                     "Ingest benchmark post with a little **Markdown** and @nobody.")}}));
    };

    for (int i = 0; i < writers; ++i) {
        Writer& w = all[std::size_t(i)];
        w.socket = std::make_unique<QWebSocket>();
        QObject::connect(w.socket.get(), &QWebSocket::connected, [&w]() {
            w.socket->sendTextMessage(frame(QStringLiteral("hello"), QStringLiteral("h"),
                                            QJsonObject {{QStringLiteral("protocol"), 1}}));
        });
        QObject::connect(
            w.socket.get(), &QWebSocket::textMessageReceived, [&, i](const QString& text) {
                Writer& me = all[std::size_t(i)];
                const QJsonObject o = QJsonDocument::fromJson(text.toUtf8()).object();
                if (o.contains(QLatin1StringView("type")))
                    return; // pushes: this connection never goes live, but be safe
                if (!o.value(QLatin1StringView("ok")).toBool()) {
                    ++errors;
                    if (errors < 5)
                        std::fprintf(stderr, "error: %s\n", qPrintable(text.left(300)));
                }
                if (me.step == 0) {
                    me.step = 1;
                    me.socket->sendTextMessage(
                        frame(QStringLiteral("auth.login"), QStringLiteral("l"),
                              QJsonObject {{QStringLiteral("username"),
                                            QStringLiteral("bench%1").arg(i % users + 1)},
                                           {QStringLiteral("password"), password}}));
                    return;
                }
                if (me.step == 1) {
                    me.step = 2;
                    ++ready;
                    if (ready == writers) {
                        measureStart = clock.nsecsElapsed();
                        measuring = true;
                        for (auto& each : all)
                            sendPost(each);
                        QTimer::singleShot(seconds * 1000, [&]() {
                            done = true;
                            const double elapsed
                                = double(clock.nsecsElapsed() - measureStart) / 1e9;
                            std::sort(latencies.begin(), latencies.end());
                            const auto pct = [&](double q) {
                                return latencies.empty()
                                    ? 0.0
                                    : double(
                                          latencies[std::size_t(q * double(latencies.size() - 1))])
                                        / 1e6;
                            };
                            std::printf("{\"writers\":%d,\"seconds\":%.2f,\"committed\":%lld,"
                                        "\"postsPerSecond\":%.1f,"
                                        "\"p50ms\":%.2f,\"p99ms\":%.2f,\"errors\":%d}\n",
                                        writers, elapsed, acked, double(acked) / elapsed, pct(0.5),
                                        pct(0.99), errors);
                            std::fflush(stdout);
                            QCoreApplication::exit(errors > 0 ? 1 : 0);
                        });
                    }
                    return;
                }
                if (measuring && !done) {
                    ++acked;
                    latencies.push_back(clock.nsecsElapsed() - me.sentAt);
                    sendPost(me);
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
