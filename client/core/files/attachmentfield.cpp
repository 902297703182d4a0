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

} // namespace plein::client::attachmentfield
