#include "sql/migrator.h"

#include "sql/sqlerror.h"

#include <QDateTime>
#include <QDir>
#include <QFile>
#include <QRegularExpression>
#include <QSqlQuery>

#include <algorithm>

namespace plein::sql {

Migrator::Migrator(QSqlDatabase db, Dialect dialect, QString resourceDir)
    : m_db(std::move(db))
    , m_dialect(dialect)
    , m_resourceDir(std::move(resourceDir))
{ }

QList<Migrator::Step> Migrator::steps() const
{
    static const QRegularExpression name(QStringLiteral("^(\\d{3})_[a-z0-9_]+\\.sql$"));
    QList<Step> out;
    const QDir dir(m_resourceDir);
    for (const QString& file : dir.entryList({QStringLiteral("*.sql")}, QDir::Files, QDir::Name)) {
        const auto m = name.match(file);
        if (m.hasMatch())
            out.append(Step {m.captured(1).toInt(), dir.filePath(file)});
    }
    std::sort(out.begin(), out.end(),
              [](const Step& a, const Step& b) { return a.version < b.version; });
    return out;
}

int Migrator::latestVersion() const
{
    const auto all = steps();
    return all.isEmpty() ? 0 : all.last().version;
}

int Migrator::currentVersion() const
{
    if (!m_db.tables().contains(QStringLiteral("schema_version")))
        return 0;
    QSqlQuery q(m_db);
    if (!q.exec(QStringLiteral("SELECT MAX(version) FROM schema_version")) || !q.next())
        return 0;
    return q.value(0).toInt();
}

QStringList splitStatements(const QString& script)
{
    QStringList out;
    QString current;
    const auto lines = script.split(u'\n');
    for (const QString& line : lines) {
        const QString trimmed = line.trimmed();
        if (trimmed.startsWith(QLatin1StringView("--")) && current.trimmed().isEmpty())
            continue;
        current += line;
        current += u'\n';
        const bool indented = !line.isEmpty() && line[0].isSpace();
        if (!indented && trimmed.endsWith(u';')) {
            out << current.trimmed();
            current.clear();
        }
    }
    if (!current.trimmed().isEmpty())
        out << current.trimmed();
    return out;
}

std::optional<QString> Migrator::apply(const Step& step)
{
    QFile file(step.path);
    if (!file.open(QIODevice::ReadOnly))
        return QStringLiteral("cannot read migration %1").arg(step.path);
    const QString source = QString::fromUtf8(file.readAll());
    // A misspelt section would be left out on both backends and the step recorded as done.
    static const QRegularExpression section(QStringLiteral("^--@ (.*)$"),
                                            QRegularExpression::MultilineOption);
    for (auto it = section.globalMatch(source); it.hasNext();) {
        const QString name = it.next().captured(1).trimmed();
        if (name != QLatin1StringView("sqlite") && name != QLatin1StringView("postgresql")
            && name != QLatin1StringView("all"))
            return QStringLiteral("migration %1 has an unknown section '--@ %2' (sqlite, "
                                  "postgresql or all)")
                .arg(step.version)
                .arg(name);
    }
    const QString script = m_dialect.translateDdl(source);

    if (!m_db.transaction())
        return QStringLiteral("cannot start migration %1: %2")
            .arg(step.version)
            .arg(describeError(m_db));
    QSqlQuery q(m_db);
    const auto fail = [&](const QString& what) -> std::optional<QString> {
        const QString message
            = QStringLiteral("migration %1 failed: %2").arg(step.version).arg(what);
        q.finish();
        m_db.rollback();
        return message;
    };
    if (!q.exec(
            QStringLiteral("CREATE TABLE IF NOT EXISTS schema_version (version INTEGER NOT NULL, "
                           "applied_at TEXT NOT NULL)")))
        return fail(describeError(q));
    for (const QString& statement : splitStatements(script)) {
        if (!q.exec(statement))
            return fail(QStringLiteral("%1\n%2").arg(describeError(q), statement.left(200)));
    }
    q.prepare(QStringLiteral("INSERT INTO schema_version (version, applied_at) VALUES (?, ?)"));
    q.addBindValue(step.version);
    q.addBindValue(QDateTime::currentDateTimeUtc().toString(Qt::ISODate));
    if (!q.exec())
        return fail(describeError(q));
    q.finish();
    if (!m_db.commit())
        return fail(describeError(m_db));
    return std::nullopt;
}

std::optional<QString> Migrator::migrate(int target)
{
    const auto all = steps();
    if (all.isEmpty())
        return QStringLiteral("no migrations found in %1").arg(m_resourceDir);
    // Capabilities keep their migrations in their own folders with one numbering: two files
    // with one number would make the order depend on their names.
    for (qsizetype i = 1; i < all.size(); ++i) {
        if (all[i].version == all[i - 1].version)
            return QStringLiteral("two migrations are numbered %1: %2 and %3")
                .arg(all[i].version)
                .arg(all[i - 1].path, all[i].path);
    }
    if (target < 0)
        target = all.last().version;
    const int current = currentVersion();
    if (current > all.last().version)
        return QStringLiteral(
                   "the database is at schema version %1, newer than this build knows (%2); "
                   "use a newer Plein")
            .arg(current)
            .arg(all.last().version);
    for (const Step& step : all) {
        if (step.version <= current || step.version > target)
            continue;
        if (auto err = apply(step))
            return err;
    }
    return std::nullopt;
}

} // namespace plein::sql
