// Logs one user in over the WebSocket and prints the session token, for benchmarks that
// speak to the HTTP side with curl.
//
//   plein-bench-token ws://127.0.0.1:PORT USERNAME   (the password on the first line of stdin)

#include <QCoreApplication>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTextStream>
#include <QTimer>
#include <QWebSocket>

#include <cstdio>

namespace {

QString frame(const QString& type, const QString& id, const QJsonObject& payload)
{
    return QString::fromUtf8(QJsonDocument(QJsonObject {{QStringLiteral("type"), type},
                                                        {QStringLiteral("id"), id},
                                                        {QStringLiteral("payload"), payload}})
                                 .toJson(QJsonDocument::Compact));
}

} // namespace

int main(int argc, char** argv)
{
    QCoreApplication app(argc, argv);
    const QStringList args = app.arguments();
    if (args.size() != 3) {
        std::fprintf(stderr, "usage: plein-bench-token ws://HOST:PORT USERNAME < password\n");
        return 2;
    }
    QTextStream in(stdin);
    const QString password = in.readLine();
    const QString username = args.at(2);

    QWebSocket socket;
    int result = 1;
    QObject::connect(&socket, &QWebSocket::connected, [&] {
        socket.sendTextMessage(frame(QStringLiteral("hello"), QStringLiteral("h"),
                                     QJsonObject {{QStringLiteral("protocol"), 1}}));
    });
    QObject::connect(&socket, &QWebSocket::textMessageReceived, [&](const QString& text) {
        const QJsonObject message = QJsonDocument::fromJson(text.toUtf8()).object();
        const QString id = message.value(QLatin1StringView("re")).toString();
        if (!message.value(QLatin1StringView("ok")).toBool()) {
            std::fprintf(stderr, "plein-bench-token: %s\n", qPrintable(text));
            app.exit(1);
        } else if (id == QLatin1StringView("h")) {
            socket.sendTextMessage(frame(QStringLiteral("auth.login"), QStringLiteral("l"),
                                         QJsonObject {{QStringLiteral("username"), username},
                                                      {QStringLiteral("password"), password}}));
        } else if (id == QLatin1StringView("l")) {
            const QString token = message.value(QLatin1StringView("payload"))
                                      .toObject()
                                      .value(QLatin1StringView("token"))
                                      .toString();
            if (!token.isEmpty()) {
                std::printf("%s\n", qPrintable(token));
                result = 0;
            }
            app.exit(result);
        }
    });
    QObject::connect(&socket, &QWebSocket::disconnected, [&] { app.exit(result); });
    QTimer::singleShot(30000, &app, [&] {
        std::fprintf(stderr, "plein-bench-token: no answer within 30 s\n");
        app.exit(1);
    });
    socket.open(QUrl(args.at(1)));
    return app.exec();
}
