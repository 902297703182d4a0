#include "protocol/doctable.h"

#include "protocol/registry.h"

namespace plein::protocol {

namespace {

QString describeField(const FieldSpec& f)
{
    QString range;
    switch (f.type) {
    case FieldType::String:
    case FieldType::Text:
        range = QStringLiteral(" (%1–%2 chars)").arg(f.min).arg(f.max);
        break;
    case FieldType::Integer:
        range = QStringLiteral(" (%1–%2)").arg(f.min).arg(f.max);
        break;
    case FieldType::StringList:
    case FieldType::IdList:
        range = QStringLiteral(" (≤ %1)").arg(f.max);
        break;
    case FieldType::Choice:
        range = QStringLiteral(" (%1)").arg(QString(f.choices).replace(u'|', QStringLiteral(", ")));
        break;
    default:
        break;
    }
    return QStringLiteral("`%1`%2: %3%4")
        .arg(QString(f.name), f.required ? QString() : QStringLiteral("?"), fieldTypeName(f.type),
             range);
}

} // namespace

QString messageTableMarkdown()
{
    QString out;
    out += QStringLiteral("| type | capability | direction | login | payload fields | purpose |\n");
    out += QStringLiteral("|---|---|---|---|---|---|\n");
    for (const MessageSpec* mp : allMessages()) {
        const MessageSpec& m = *mp;
        QStringList fields;
        for (const auto& f : m.fields)
            fields << describeField(f);
        out += QStringLiteral("| `%1` | %2 | %3 | %4 | %5 | %6 |\n")
                   .arg(QString(m.name), QString(capabilityOfMessage(m)->name),
                        m.direction == Direction::Request ? QStringLiteral("request")
                                                          : QStringLiteral("push"),
                        m.needsLogin ? QStringLiteral("yes") : QStringLiteral("no"),
                        fields.isEmpty() ? QStringLiteral("—")
                                         : fields.join(QStringLiteral("<br>")),
                        QString(m.summary));
    }
    return out;
}

QString eventTableMarkdown()
{
    QString out;
    out += QStringLiteral("| kind | capability | audience | data | meaning |\n");
    out += QStringLiteral("|---|---|---|---|---|\n");
    for (const CapabilitySpec* c : capabilities()) {
        for (const EventKindSpec& k : c->events)
            out += QStringLiteral("| `%1` | %2 | %3 | %4 | %5 |\n")
                       .arg(QString(k.kind), QString(c->name), QString(k.audience), QString(k.data),
                            QString(k.summary));
    }
    return out;
}

} // namespace plein::protocol
