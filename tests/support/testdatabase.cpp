#include "testdatabase.h"

#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>
#include <QTest>
#include <QUrl>

namespace plein::test {

std::optional<QString> postgresUrl()
{
    const QString url = qEnvironmentVariable("PLEIN_TEST_POSTGRES");
    if (url.isEmpty())
        return std::nullopt;
    return url;
}

bool postgresRequired()
{
    return qEnvironmentVariable("CI") == QLatin1StringView("true")
        || qEnvironmentVariableIsSet("PLEIN_REQUIRE_POSTGRES");
}

void addBackendRows()
{
    QTest::addColumn<QString>("backend");
    QTest::newRow("sqlite") << QStringLiteral("sqlite");
    if (postgresUrl() || postgresRequired())
        QTest::newRow("postgresql") << QStringLiteral("postgresql");
    else
        qWarning("PLEIN_TEST_POSTGRES is not set: the PostgreSQL rows are left out "
                 "(scripts/test.sh sets it)");
}

bool resetPostgres(const QString& url, QString* error)
{
    const QUrl u(url);
    const QString name = QStringLiteral("plein-test-reset");
    bool ok = false;
    {
        QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QPSQL"), name);
        db.setHostName(u.host());
        db.setPort(u.port(5432));
        db.setUserName(u.userName());
        db.setPassword(u.password());
        db.setDatabaseName(u.path().mid(1));
        if (!db.open()) {
            *error = db.lastError().text();
        } else {
            QSqlQuery q(db);
            ok = q.exec(QStringLiteral("DROP SCHEMA IF EXISTS public CASCADE"))
                && q.exec(QStringLiteral("CREATE SCHEMA public"));
            if (!ok)
                *error = q.lastError().text();
        }
        db.close();
    }
    QSqlDatabase::removeDatabase(name);
    return ok;
}

} // namespace plein::test
