#pragma once

#include <QList>
#include <QSqlDatabase>
#include <QSqlRecord>
#include <QString>

#include <optional>

namespace plein::client {

// What can still be read from a damaged cache file, before it is set aside. Only the tables
// holding what exists nowhere else (the outbox: writes the server has not confirmed) are worth
// reading; everything else comes back from the server.
struct Salvage
{
    // The tables read, in this order.
    static QStringList tables();

    // Reads the rows of tables() from `file`, as far as they can be read.
    static Salvage read(const QString& file);
    // Writes them into `db` (a fresh cache), copying the columns both schemas have.
    std::optional<QString> restore(const QSqlDatabase& db) const;

    QList<QPair<QString, QList<QSqlRecord>>> rows;
};

} // namespace plein::client
