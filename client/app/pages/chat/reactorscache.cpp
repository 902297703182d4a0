#include "pages/chat/reactorscache.h"

#include "capabilities/chat/chatprotocol.h"
#include "chat/chat.h"
#include "pages/chat/chattexts.h"

#include <QJsonArray>

namespace plein::app {

namespace {

QString emojiOf(const QString& reaction)
{
    for (const auto& r : protocol::chat::reactions) {
        if (r.name == reaction)
            return QString::fromUtf8(r.emoji);
    }
    return QString();
}

} // namespace

ReactorsCache::ReactorsCache(client::Chat& chat, QObject* parent)
    : QObject(parent)
    , m_chat(chat)
{ }

QString ReactorsCache::toolTip(qint64 messageId, const QString& reaction, int count, bool online,
                               const QString& hint)
{
    if (messageId <= 0 || count <= 0)
        return QString();
    auto it = m_entries.find(messageId);
    const auto known = [&]() { return it->reactions.value(reaction); };
    if (it != m_entries.end()) {
        if (it->loading)
            return format(reaction, {}, count, hint);
        if ((!it->fresh.hasExpired() || !online) && known().count == count)
            return format(reaction, known(), count, hint);
    }
    if (!online)
        return format(reaction, {}, count, hint);
    Entry& entry = m_entries[messageId];
    entry.loading = true;
    m_chat.requestReactors(messageId, this, [this, messageId](const Result<QJsonObject>& r) {
        auto found = m_entries.find(messageId);
        if (found == m_entries.end())
            return;
        if (!r.ok()) {
            m_entries.erase(found); // asked again next time
            Q_EMIT loaded(messageId);
            return;
        }
        found->reactions.clear();
        for (const QJsonValue& value : r->value(QLatin1StringView("reactions")).toArray()) {
            const QJsonObject o = value.toObject();
            Reactors reactors;
            reactors.count = o.value(QLatin1StringView("count")).toInt();
            for (const QJsonValue& user : o.value(QLatin1StringView("users")).toArray()) {
                const QJsonObject u = user.toObject();
                QString name = u.value(QLatin1StringView("displayName")).toString();
                if (name.isEmpty())
                    name = u.value(QLatin1StringView("username")).toString();
                reactors.names.append(name);
            }
            found->reactions.insert(o.value(QLatin1StringView("reaction")).toString(), reactors);
        }
        found->loading = false;
        found->fresh = QDeadlineTimer(keepMs);
        Q_EMIT loaded(messageId);
    });
    return format(reaction, {}, count, hint);
}

QString ReactorsCache::format(const QString& reaction, const Reactors& reactors, int count,
                              const QString& hint) const
{
    const QString end = hint.isEmpty()
        ? QStringLiteral("</qt>")
        : QStringLiteral("<br><i>%1</i></qt>").arg(hint.toHtmlEscaped());
    QString text = QStringLiteral("<qt><b>%1 %2</b>")
                       .arg(emojiOf(reaction), ChatTexts::reactionName(reaction).toHtmlEscaped());
    if (reactors.names.isEmpty()) {
        text += QStringLiteral("<br>") + tr("%n person(s)", nullptr, count);
        return text + end;
    }
    QStringList lines;
    for (const QString& name : reactors.names.mid(0, namesShown))
        lines << name.toHtmlEscaped();
    const int rest = std::max(count, int(reactors.names.size())) - int(lines.size());
    if (rest > 0)
        lines << tr("and %n more", nullptr, rest);
    return text + QStringLiteral("<br>") + lines.join(QStringLiteral("<br>")) + end;
}

} // namespace plein::app
