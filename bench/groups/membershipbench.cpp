// Membership change to effect on two nodes: node A and node B share one PostgreSQL database;
// an owner on node A removes a member connected to node B, then invites them back and they
// accept on node A. Measured per round: from the owner's request to node B's push of the
// removal (and of the admission), and whether the group's next post reached the removed
// member (it must not). Prints JSON with percentiles.
#include "serverprocess.h"
#include "testdatabase.h"
#include "wsclient.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QElapsedTimer>
#include <QJsonArray>
#include <QJsonDocument>

#include <algorithm>
#include <cstdio>

using namespace plein::test;

namespace {

using L = QLatin1StringView;

qint64 idOf(const QJsonObject& o, L key)
{
    return qint64(o.value(key).toObject().value(L("id")).toDouble());
}

// Milliseconds until `c` has a group.member push for `userId` with `state` (-1: none in 5 s).
double waitForMembership(WsClient& c, qint64 userId, const QString& state, QElapsedTimer& since)
{
    for (;;) {
        for (const auto& p : c.pushes()) {
            const QJsonObject data = p.payload.value(L("data")).toObject();
            if (p.payload.value(L("kind")).toString() == L("group.member")
                && qint64(data.value(L("userId")).toDouble()) == userId
                && data.value(L("state")).toString() == state)
                return double(since.nsecsElapsed()) / 1e6;
        }
        if (since.elapsed() > 5000 || !c.waitForPushes(int(c.pushes().size()) + 1, 5000))
            return -1;
    }
}

QJsonObject percentiles(QList<double> ms)
{
    std::sort(ms.begin(), ms.end());
    const auto at = [&](double p) {
        return ms.isEmpty() ? -1.0 : ms[std::min(qsizetype(p * double(ms.size())), ms.size() - 1)];
    };
    return QJsonObject {{QStringLiteral("p50_ms"), at(0.5)},
                        {QStringLiteral("p99_ms"), at(0.99)},
                        {QStringLiteral("max_ms"), ms.isEmpty() ? -1.0 : ms.last()}};
}

} // namespace

int main(int argc, char* argv[])
{
    QCoreApplication app(argc, argv);
    QCommandLineParser p;
    p.addHelpOption();
    p.addOptions(
        {{QStringLiteral("database"), QStringLiteral("postgresql://… (its public schema is reset)"),
          QStringLiteral("url")},
         {QStringLiteral("rounds"), QStringLiteral("Rounds (default 50)."), QStringLiteral("n"),
          QStringLiteral("50")}});
    p.process(app);
    const QString url = p.value(QStringLiteral("database"));
    QString error;
    if (url.isEmpty() || !resetPostgres(url, &error)) {
        std::fprintf(stderr, "need --database postgresql://… %s\n", qPrintable(error));
        return 2;
    }
    ServerProcess a;
    ServerProcess b;
    a.setExtraArguments({QStringLiteral("--database"), url});
    b.setExtraArguments({QStringLiteral("--database"), url});
    if (a.command({QStringLiteral("init")}) != 0 || !a.addUser(QStringLiteral("owner"))
        || !a.addUser(QStringLiteral("member")) || !a.start() || !b.start()) {
        std::fprintf(stderr, "cannot start two nodes\n");
        return 1;
    }
    const QStringList features {QStringLiteral("feed"), QStringLiteral("groups")};
    WsClient owner;
    WsClient memberOnA;
    WsClient memberOnB;
    for (WsClient* c : {&owner, &memberOnA, &memberOnB})
        c->setFeatures(features);
    if (!owner.connectTo(a.url()) || owner.login(QStringLiteral("owner")).isEmpty()
        || !memberOnA.connectTo(a.url()) || memberOnA.login(QStringLiteral("member")).isEmpty()
        || !memberOnB.connectTo(b.url())) {
        std::fprintf(stderr, "cannot log in\n");
        return 1;
    }
    if (memberOnB.login(QStringLiteral("member")).isEmpty()) {
        std::fprintf(stderr, "cannot log in on node B\n");
        return 1;
    }
    const auto write = [](WsClient& c, const QString& type, QJsonObject payload) {
        payload.insert(QStringLiteral("clientId"), newClientId());
        return c.request(type, payload);
    };
    const auto created = write(owner, QStringLiteral("group.create"),
                               QJsonObject {{QStringLiteral("name"), QStringLiteral("Bench")},
                                            {QStringLiteral("kind"), QStringLiteral("private")}});
    const qint64 group = idOf(created.payload, L("group"));
    // The member's id from its own join request.
    const auto asked = write(memberOnA, QStringLiteral("group.join"),
                             QJsonObject {{QStringLiteral("groupId"), group}});
    const qint64 memberId = qint64(asked.payload.value(L("userId")).toDouble());
    write(owner, QStringLiteral("group.decide"),
          QJsonObject {{QStringLiteral("groupId"), group},
                       {QStringLiteral("userId"), memberId},
                       {QStringLiteral("approve"), true}});
    memberOnB.syncAll(0);
    const int rounds = p.value(QStringLiteral("rounds")).toInt();
    QList<double> removal;
    QList<double> admission;
    int leaked = 0;
    for (int i = 0; i < rounds; ++i) {
        memberOnB.pushes().clear();
        QElapsedTimer t;
        t.start();
        write(
            owner, QStringLiteral("group.remove"),
            QJsonObject {{QStringLiteral("groupId"), group}, {QStringLiteral("userId"), memberId}});
        removal << waitForMembership(memberOnB, memberId, QStringLiteral("none"), t);
        write(owner, QStringLiteral("post.create"),
              QJsonObject {{QStringLiteral("groupId"), group},
                           {QStringLiteral("body"), QStringLiteral("after the removal")}});
        write(
            owner, QStringLiteral("group.invite"),
            QJsonObject {{QStringLiteral("groupId"), group}, {QStringLiteral("userId"), memberId}});
        t.restart();
        write(memberOnA, QStringLiteral("group.join"),
              QJsonObject {{QStringLiteral("groupId"), group}});
        admission << waitForMembership(memberOnB, memberId, QStringLiteral("member"), t);
        for (const auto& push : memberOnB.pushes())
            leaked += push.payload.value(L("kind")).toString() == L("post.created") ? 1 : 0;
    }
    const QJsonObject out {
        {QStringLiteral("rounds"), rounds},
        {QStringLiteral("removal_to_push_on_other_node"), percentiles(removal)},
        {QStringLiteral("admission_to_push_on_other_node"), percentiles(admission)},
        {QStringLiteral("posts_leaked_after_removal"), leaked}};
    std::printf("%s\n", QJsonDocument(out).toJson(QJsonDocument::Compact).constData());
    a.stop();
    b.stop();
    return leaked == 0 && !removal.contains(-1) && !admission.contains(-1) ? 0 : 1;
}
