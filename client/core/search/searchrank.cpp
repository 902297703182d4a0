#include "searchrank.h"

#include <QSqlDriver>
#include <QVariant>

#include <cmath>
#include <cstring>
#include <sqlite3.h>
#include <vector>

// sqlite3.h declares FTS5's extension interface (Fts5ExtensionApi, fts5_api).

namespace plein::client::searchrank {

namespace {

constexpr double k1 = 1.2;
constexpr double b = 0.75;

void rank(const Fts5ExtensionApi* api, Fts5Context* fts, sqlite3_context* context, int nVal,
          sqlite3_value** values)
{
    const int phrases = api->xPhraseCount(fts);
    sqlite3_int64 rows = 0;
    sqlite3_int64 tokens = 0;
    int length = 0;
    int instances = 0;
    if (api->xRowCount(fts, &rows) != SQLITE_OK
        || api->xColumnTotalSize(fts, -1, &tokens) != SQLITE_OK
        || api->xColumnSize(fts, -1, &length) != SQLITE_OK
        || api->xInstCount(fts, &instances) != SQLITE_OK) {
        sqlite3_result_error(context, "plein_rank: cannot read the row", -1);
        return;
    }
    std::vector<double> frequency(size_t(std::max(phrases, 0)), 0.0);
    for (int i = 0; i < instances; ++i) {
        int phrase = 0, column = 0, offset = 0;
        if (api->xInst(fts, i, &phrase, &column, &offset) == SQLITE_OK && phrase >= 0
            && phrase < phrases)
            frequency[size_t(phrase)] += 1.0;
    }
    const double average = rows > 0 ? double(tokens) / double(rows) : 1.0;
    const double norm = k1 * (1.0 - b + b * double(length) / std::max(average, 1.0));
    double score = 0;
    for (int p = 0; p < phrases; ++p) {
        // IDFs as the caller estimated them; a phrase without one counts as common.
        const double weight = p < nVal ? sqlite3_value_double(values[p]) : 1e-6;
        const double tf = frequency[size_t(p)];
        score += weight * (tf * (k1 + 1.0)) / (tf + norm);
    }
    // Like bm25(): lower is better.
    sqlite3_result_double(context, -score);
}

} // namespace

double idf(double rows, double documentFrequency)
{
    const double value = std::log((rows - documentFrequency + 0.5) / (documentFrequency + 0.5));
    return value <= 0.0 ? 1e-6 : value;
}

std::optional<QString> install(const QSqlDatabase& db)
{
    const QVariant handle = db.driver() ? db.driver()->handle() : QVariant();
    if (!handle.isValid() || std::strcmp(handle.typeName(), "sqlite3*") != 0)
        return QStringLiteral("not a SQLite connection");
    sqlite3* connection = *static_cast<sqlite3* const*>(handle.constData());
    if (!connection)
        return QStringLiteral("the connection is closed");
    fts5_api* api = nullptr;
    sqlite3_stmt* statement = nullptr;
    if (sqlite3_prepare_v2(connection, "SELECT fts5(?1)", -1, &statement, nullptr) != SQLITE_OK)
        return QStringLiteral("no FTS5: %1").arg(QString::fromUtf8(sqlite3_errmsg(connection)));
    sqlite3_bind_pointer(statement, 1, static_cast<void*>(&api), "fts5_api_ptr", nullptr);
    sqlite3_step(statement);
    sqlite3_finalize(statement);
    if (!api || api->iVersion < 2)
        return QStringLiteral("no FTS5 extension interface");
    if (api->xCreateFunction(api, "plein_rank", nullptr, &rank, nullptr) != SQLITE_OK)
        return QStringLiteral("cannot register plein_rank: %1")
            .arg(QString::fromUtf8(sqlite3_errmsg(connection)));
    return std::nullopt;
}

} // namespace plein::client::searchrank
