#include "salvage.h"

#include "sql/sqlerror.h"

#include <QSqlQuery>

namespace plein::client {

QStringList Salvage::tables()
{
    return {QStringLiteral("outbox"), QStringLiteral("uploads")};
}

Salvage Salvage::read(const QString& file)
{
    Salvage out;
    const QString name = QStringLiteral("plein-cache-salvage");
    {
        QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), name);
        db.setDatabaseName(file);
        if (db.open()) {
            for (const QString& table : tables()) {
                QSqlQuery q(db);
                QList<QSqlRecord> records;
                // rowid order is the order the rows were written in (the outbox's order).
                if (q.exec(QStringLiteral("SELECT * FROM %1 ORDER BY rowid").arg(table))) {
                    while (q.next())
                        records.append(q.record());
                }
                out.rows.append({table, records});
            }
        }
        db.close();
    }
    QSqlDatabase::removeDatabase(name);
    return out;
}

std::optional<QString> Salvage::restore(const QSqlDatabase& db) const
{
    for (const auto& [table, records] : rows) {
        const QSqlRecord now = db.record(table);
        for (const QSqlRecord& old : records) {
            QStringList columns;
            QVariantList values;
            for (int i = 0; i < old.count(); ++i) {
                if (now.indexOf(old.fieldName(i)) < 0)
                    continue;
                columns.append(old.fieldName(i));
                values.append(old.value(i));
            }
            if (columns.isEmpty())
                continue;
            QSqlQuery q(db);
            q.prepare(QStringLiteral("INSERT INTO %1 (%2) VALUES (%3)")
                          .arg(table, columns.join(u','),
                               QStringList(columns.size(), QStringLiteral("?")).join(u',')));
            for (int i = 0; i < values.size(); ++i)
                q.bindValue(i, values.at(i));
            if (!q.exec())
                return sql::describeError(q);
        }
    }
    return std::nullopt;
}

} // namespace plein::client
