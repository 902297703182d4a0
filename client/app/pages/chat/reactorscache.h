#pragma once

#include <QDeadlineTimer>
#include <QHash>
#include <QObject>
#include <QStringList>

namespace plein::client {
class Chat;
}

namespace plein::app {

// Who gave a message's reactions, for the tooltip of a reaction chip: asked of the server
// (chat.reactors) when the pointer rests on a chip, and kept for a short while, so that moving
// over a few chips and back does not ask again. Offline it shows what it read before, if the
// count has not changed since.
class ReactorsCache : public QObject
{
    Q_OBJECT

public:
    static constexpr int keepMs = 30000;
    static constexpr int namesShown = 12;

    explicit ReactorsCache(client::Chat& chat, QObject* parent = nullptr);

    // The tooltip for `reaction` of `messageId` with `count` as the chip shows it: the emoji,
    // its name and who gave it when known, else the count (loaded() follows the answer), then
    // `hint`. Names are people's own text: the result is HTML with them escaped.
    QString toolTip(qint64 messageId, const QString& reaction, int count, bool online,
                    const QString& hint = QString());
    void forget(qint64 messageId) { m_entries.remove(messageId); }

Q_SIGNALS:
    void loaded(qint64 messageId);

private:
    struct Reactors
    {
        QStringList names;
        int count = 0;
    };
    struct Entry
    {
        QHash<QString, Reactors> reactions;
        bool loading = false;
        QDeadlineTimer fresh;
    };

    QString format(const QString& reaction, const Reactors& reactors, int count,
                   const QString& hint) const;

    client::Chat& m_chat;
    QHash<qint64, Entry> m_entries;
};

} // namespace plein::app
