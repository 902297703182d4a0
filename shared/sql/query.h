#pragma once

#include <QSqlQuery>
#include <QString>
#include <QVariant>

#include <initializer_list>

namespace plein::sql {

// Prepares `statement`, binds `values` in order and runs it. Returns false on failure; the
// query's lastError() says why.
bool run(QSqlQuery& query, const QString& statement, std::initializer_list<QVariant> values = {});

// A LIKE pattern that finds `text` anywhere, with %, _ and \ in it taken literally; the
// statement says `LIKE ? ESCAPE '\'`.
QString containsPattern(const QString& text);

// A NULL of the given type, for optional columns.
QVariant nullValue(QMetaType::Type type);

} // namespace plein::sql
