#include "testclient.h"

#include "capabilities/feed/feedprotocol.h"
#include "connection.h"
#include "session.h"
#include "syncengine.h"
#include "testserver.h"

#include <QEventLoop>
#include <QJsonObject>
#include <QSignalSpy>
#include <QTimer>

namespace plein::test {

std::unique_ptr<client::Client> makeClient(const QUrl& server, const QString& username,
                                           const QString& profileDir)
{
    auto c = std::make_unique<client::Client>();
    if (auto err = c->open(server, username, profileDir)) {
        qWarning("cannot open the client: %s", qPrintable(*err));
        return nullptr;
    }
    c->connection().setBackoff(100, 1000);
    c->connection().setPassword(username, TestServer::password());
    return c;
}

void announceFeatures(client::Connection& connection)
{
    connection.addFeatures({QStringLiteral("feed"), QStringLiteral("sync"),
                            QStringLiteral("idempotent-writes"), QStringLiteral("groups"),
                            QStringLiteral("audience")});
}

bool goOnlineAndCatchUp(client::Client& c, int timeoutMs)
{
    QSignalSpy caughtUp(&c.sync(), &client::SyncEngine::caughtUp);
    c.connection().start();
    return caughtUp.wait(timeoutMs);
}

int writeManyPosts(const QUrl& server, const QString& username, int count, const QString& prefix,
                   qint64 parentId)
{
    client::Session session;
    client::Connection connection(session);
    announceFeatures(connection);
    connection.setServer(server);
    connection.setPassword(username, TestServer::password());
    QSignalSpy authenticated(&connection, &client::Connection::authenticated);
    connection.start();
    if (!authenticated.wait(20000))
        return 0;
    int confirmed = 0;
    int answered = 0;
    QEventLoop loop;
    // A window of requests in flight keeps the socket busy without one huge burst.
    constexpr int window = 200;
    int sent = 0;
    std::function<void()> sendMore;
    sendMore = [&]() {
        while (sent < count && sent - answered < window) {
            const int n = sent++;
            QJsonObject payload {
                {QStringLiteral("clientId"), QStringLiteral("%1-%2-bulk").arg(prefix).arg(n)},
                {QStringLiteral("body"), QStringLiteral("%1 %2").arg(prefix).arg(n)}};
            if (parentId > 0)
                payload.insert(QStringLiteral("parentId"), parentId);
            session.request(protocol::feed::PostCreate, payload, &loop,
                            [&](const Result<QJsonObject>& r) {
                                ++answered;
                                confirmed += r ? 1 : 0;
                                if (answered == count)
                                    loop.quit();
                                else
                                    QTimer::singleShot(0, &loop, sendMore);
                            });
        }
    };
    sendMore();
    QTimer::singleShot(120000, &loop, &QEventLoop::quit);
    if (answered < count)
        loop.exec();
    connection.stop();
    return confirmed;
}

} // namespace plein::test
