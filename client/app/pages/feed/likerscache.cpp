#include "pages/feed/likerscache.h"

#include "client.h"
#include "connection.h"
#include "feed.h"

namespace plein::app {

LikersCache::LikersCache(client::Client& client, QObject* parent)
    : QObject(parent)
    , m_client(client)
{ }

QString LikersCache::toolTip(qint64 postId, int likes)
{
    if (postId <= 0 || likes <= 0)
        return QString();
    auto it = m_entries.find(postId);
    if (it != m_entries.end()) {
        if (it->loading)
            return tr("Loading…");
        if (!it->fresh.hasExpired() && it->total == likes)
            return format(it->names, it->total);
    }
    if (m_client.connection().state() != client::Connection::State::Online) {
        // What was read before still says who liked it, if the count has not changed since.
        if (it != m_entries.end() && it->total == likes)
            return format(it->names, it->total);
        return QString();
    }
    Entry& entry = m_entries[postId];
    entry.loading = true;
    m_client.feed().fetchLikers(
        postId,
        [this, postId](const QStringList& names, int total) {
            auto found = m_entries.find(postId);
            if (found == m_entries.end())
                return;
            if (total < 0) {
                m_entries.erase(found); // refused or offline: ask again next time
            } else {
                found->names = names;
                found->total = total;
                found->loading = false;
                found->fresh = QDeadlineTimer(keepMs);
            }
            Q_EMIT loaded(postId);
        },
        this);
    return tr("Loading…");
}

QString LikersCache::format(const QStringList& names, int total)
{
    if (names.isEmpty())
        return QString();
    QStringList lines;
    for (const QString& name : names.mid(0, namesShown))
        lines << name.toHtmlEscaped();
    const int rest = std::max(total, int(names.size())) - int(lines.size());
    if (rest > 0)
        lines << tr("and %n more", nullptr, rest);
    // <qt> makes the tooltip rich text whatever the names hold.
    return QStringLiteral("<qt>%1</qt>").arg(lines.join(QStringLiteral("<br>")));
}

} // namespace plein::app
