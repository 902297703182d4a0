#include "attachmentfield.h"

#include <QJsonArray>

namespace plein::client::attachmentfield {

QStringList uploadsOf(const QJsonObject& payload)
{
    QStringList out;
    for (const QJsonValue& v : payload.value(field).toArray()) {
        const QString s = v.toString();
        if (s.startsWith(u'@'))
            out.append(s.mid(1));
    }
    return out;
}

void bind(QJsonObject& payload, const QString& clientId, const QString& created)
{
    const QString id = created.section(u':', 1);
    QJsonArray out;
    for (const QJsonValue& v : payload.value(field).toArray()) {
        if (v.toString() != placeholder(clientId))
            out.append(v);
        else if (!id.isEmpty())
            out.append(id);
    }
    if (out.isEmpty())
        payload.remove(field);
    else
        payload.insert(field, out);
}

QStringList uploadOf(const QJsonObject& payload, const QString& name)
{
    const QString s = payload.value(name).toString();
    return s.startsWith(u'@') ? QStringList {s.mid(1)} : QStringList();
}

void bindOne(QJsonObject& payload, const QString& name, const QString& clientId,
             const QString& created)
{
    if (payload.value(name).toString() != placeholder(clientId))
        return;
    const QString id = created.section(u':', 1);
    if (id.isEmpty())
        payload.remove(name);
    else
        payload.insert(name, id);
}

} // namespace plein::client::attachmentfield
