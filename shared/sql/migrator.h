#pragma once

#include "sql/dialect.h"

#include <QSqlDatabase>
#include <QString>

#include <optional>

namespace plein::sql {

// Applies numbered SQL migrations bundled as Qt resources: files named NNN_description.sql in
// `resourceDir`, applied in order, each in its own transaction, the version recorded in the
// same transaction. A released migration is never edited; a new change is a new file.
//
// Statement splitting: a statement ends at a line that ends with ';' and does not start with
// white space, so trigger bodies (indented) stay whole.
class Migrator
{
public:
    Migrator(QSqlDatabase db, Dialect dialect, QString resourceDir);

    int latestVersion() const;
    // 0 for an empty database.
    int currentVersion() const;
    // Upgrades to `target` (default: the latest). Returns an error message on failure; the
    // failed migration is rolled back and the versions before it stay applied.
    std::optional<QString> migrate(int target = -1);

private:
    struct Step
    {
        int version = 0;
        QString path;
    };
    QList<Step> steps() const;
    std::optional<QString> apply(const Step& step);

    QSqlDatabase m_db;
    Dialect m_dialect;
    QString m_resourceDir;
};

QStringList splitStatements(const QString& script);

} // namespace plein::sql
