// plein-package-probe: logs in to an installed plein-server and writes or finds a post, so that
// tests/packaging/install-upgrade.sh can tell that a package upgrade kept the users and posts.
//
//   plein-package-probe post URL USERNAME BODY   logs in, posts BODY
//   plein-package-probe find URL USERNAME BODY   logs in, finds BODY among the posts it syncs
//
// The password is the first line of standard input. Exit code 0 when it worked.
#include "wsclient.h"

#include <QCoreApplication>
#include <QJsonObject>
#include <QTextStream>

using plein::test::WsClient;

namespace {

bool hasPost(const QList<QJsonObject>& events, const QString& body)
{
    for (const QJsonObject& e : events) {
        const QJsonObject post = e.value(QLatin1StringView("data"))
                                     .toObject()
                                     .value(QLatin1StringView("post"))
                                     .toObject();
        if (e.value(QLatin1StringView("kind")).toString() == QLatin1StringView("post.created")
            && post.value(QLatin1StringView("body")).toString() == body)
            return true;
    }
    return false;
}

} // namespace

int main(int argc, char* argv[])
{
    QCoreApplication app(argc, argv);
    QTextStream err(stderr);
    const QStringList args = QCoreApplication::arguments().mid(1);
    if (args.size() != 4
        || (args[0] != QLatin1StringView("post") && args[0] != QLatin1StringView("find"))) {
        err << "usage: plein-package-probe post|find URL USERNAME BODY < password" << Qt::endl;
        return 2;
    }
    const QString password = QTextStream(stdin).readLine();

    WsClient client;
    if (!client.connectTo(args[1])) {
        err << "plein-package-probe: cannot connect to " << args[1] << Qt::endl;
        return 1;
    }
    if (client.login(args[2], password).isEmpty()) {
        err << "plein-package-probe: " << args[2] << " cannot log in" << Qt::endl;
        return 1;
    }
    if (args[0] == QLatin1StringView("post")) {
        if (client.post(args[3]).isEmpty()) {
            err << "plein-package-probe: the post was refused" << Qt::endl;
            return 1;
        }
        return 0;
    }
    if (!hasPost(client.syncAll(0), args[3])) {
        err << "plein-package-probe: no post '" << args[3] << "'" << Qt::endl;
        return 1;
    }
    return 0;
}
