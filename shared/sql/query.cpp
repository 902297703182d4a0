#include "sql/query.h"

namespace plein::sql {

bool run(QSqlQuery& query, const QString& statement, std::initializer_list<QVariant> values)
{
    if (!query.prepare(statement))
        return false;
    for (const QVariant& v : values)
        query.addBindValue(v);
    return query.exec();
}

QVariant nullValue(QMetaType::Type type)
{
    return QVariant(QMetaType(type));
}

} // namespace plein::sql
