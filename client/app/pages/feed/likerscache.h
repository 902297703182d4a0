#pragma once

#include <QDeadlineTimer>
#include <QHash>
#include <QObject>
#include <QStringList>

namespace plein::client {
class Client;
}

namespace plein::app {

// Who liked a post, for the tooltip of its like count: asked of the server (post.likers) when
// the pointer rests on the count, and kept for a short while, so that moving over a few posts
// and back does not ask again. Only online: offline there is nothing to show.
class LikersCache : public QObject
{
    Q_OBJECT

public:
    static constexpr int keepMs = 30000;
    // Names shown in the tooltip; the rest are counted.
    static constexpr int namesShown = 12;

    explicit LikersCache(client::Client& client, QObject* parent = nullptr);

    // The tooltip for the likes of `postId` with `likes` likes as the row shows them: the
    // names when known, "Loading…" while the server is asked (it answers with loaded()), and
    // nothing offline or without likes. A count that differs from the one the names came with
    // asks again.
    QString toolTip(qint64 postId, int likes);
    // Forgets what is known of the post (its likes changed).
    void forget(qint64 postId) { m_entries.remove(postId); }

    // The text for a list of names and the count of all likes: one name a line, then "and 3
    // more". Names are the users' own text, so the result is HTML with them escaped.
    static QString format(const QStringList& names, int total);

Q_SIGNALS:
    void loaded(qint64 postId);

private:
    struct Entry
    {
        QStringList names;
        int total = 0;
        bool loading = false;
        QDeadlineTimer fresh;
    };

    client::Client& m_client;
    QHash<qint64, Entry> m_entries;
};

} // namespace plein::app
