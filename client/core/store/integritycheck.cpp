#include "integritycheck.h"

#include <QCoreApplication>
#include <QFile>
#include <QPointer>
#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>

namespace plein::client {

namespace {

QString quickCheck(const QString& file)
{
    const QString name = QStringLiteral("plein-cache-check-%1")
                             .arg(reinterpret_cast<quintptr>(QThread::currentThread()));
    QString result;
    {
        QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), name);
        db.setDatabaseName(file);
        db.setConnectOptions(QStringLiteral("QSQLITE_OPEN_READONLY"));
        if (db.open()) {
            QSqlQuery q(db);
            if (q.exec(QStringLiteral("PRAGMA quick_check")) && q.next()) {
                result = q.value(0).toString();
            } else {
                // SQLITE_CORRUPT (11) and SQLITE_NOTADB (26) are damage; other errors not.
                const QString code = q.lastError().nativeErrorCode();
                if (code == QLatin1StringView("11") || code == QLatin1StringView("26"))
                    result = q.lastError().text();
            }
        }
        db.close();
    }
    QSqlDatabase::removeDatabase(name);
    return result == QLatin1StringView("ok") ? QString() : result;
}

} // namespace

QThread* startIntegrityCheck(const QString& file, const QString& marker, QObject* context,
                             std::function<void(const QString& detail)> damaged)
{
    QPointer<QObject> guard(context);
    QThread* worker = QThread::create([file, marker, guard, damaged]() {
        const QString result = quickCheck(file);
        if (result.isEmpty())
            return;
        QFile out(marker);
        if (out.open(QIODevice::WriteOnly))
            out.write(result.toUtf8());
        if (!QCoreApplication::instance())
            return;
        QMetaObject::invokeMethod(
            QCoreApplication::instance(),
            [guard, damaged, result]() {
                if (guard)
                    damaged(result);
            },
            Qt::QueuedConnection);
    });
    QObject::connect(worker, &QThread::finished, worker, &QObject::deleteLater);
    worker->start(QThread::LowestPriority);
    return worker;
}

} // namespace plein::client
