// A protocol client for tst_transport that the test can freeze (SIGSTOP) to play a laptop
// that stops reading. It logs in, catches up, prints "ready", then reports on stdout the
// pushes it reads: "event <seq>" and "behind <head>".
#include "capabilities/session/sessionprotocol.h"
#include "wsclient.h"

#include <QCoreApplication>
#include <QTimer>

#include <cstdio>

int main(int argc, char* argv[])
{
    QCoreApplication app(argc, argv);
    const QStringList args = app.arguments();
    if (args.size() < 3) {
        std::fprintf(stderr, "usage: plein-stalled-client URL USERNAME [CA-CERTIFICATE]\n");
        return 2;
    }
    plein::test::WsClient client;
    if (args.size() > 3)
        client.trustCertificate(args[3]);
    if (!client.connectTo(args[1]) || client.login(args[2]).isEmpty())
        return 1;
    client.syncAll(0);
    std::printf("ready\n");
    std::fflush(stdout);
    qsizetype reported = 0;
    QTimer poll;
    QObject::connect(&poll, &QTimer::timeout, [&]() {
        auto& pushes = client.pushes();
        for (; reported < pushes.size(); ++reported) {
            const auto& p = pushes[reported];
            if (p.push && p.push->name == plein::protocol::session::SyncBehind)
                std::printf("behind %lld\n",
                            qint64(p.payload.value(QLatin1StringView("head")).toDouble()));
            else
                std::printf("event %lld\n", p.seq);
        }
        std::fflush(stdout);
        if (!client.isConnected())
            QCoreApplication::exit(3);
    });
    poll.start(20);
    return app.exec();
}
