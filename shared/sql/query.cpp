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

QString containsPattern(const QString& text)
{
    QString escaped;
    escaped.reserve(text.size() + 2);
    for (QChar c : text) {
        if (c == u'%' || c == u'_' || c == u'\\')
            escaped += u'\\';
        escaped += c;
    }
    return u'%' + escaped + u'%';
}

QVariant nullValue(QMetaType::Type type)
{
    return QVariant(QMetaType(type));
}

} // namespace plein::sql
