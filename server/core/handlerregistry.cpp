#include "core/handlerregistry.h"

#include "protocol/registry.h"

namespace plein::server {

HandlerRegistry::Entry& HandlerRegistry::entry(QLatin1StringView message)
{
    // Registering a message the protocol does not define is a programming error.
    Q_ASSERT_X(protocol::findMessage(QString(message)), "HandlerRegistry",
               "no such message in the protocol registry");
    Q_ASSERT_X(!m_entries.contains(QString(message)), "HandlerRegistry",
               "a message has two handlers");
    return m_entries[QString(message)];
}

void HandlerRegistry::addRead(QLatin1StringView message, Read handler)
{
    entry(message).read = std::move(handler);
}

void HandlerRegistry::addWrite(QLatin1StringView message, Write handler)
{
    entry(message).write = std::move(handler);
}

void HandlerRegistry::addRaw(QLatin1StringView message, Raw handler)
{
    entry(message).raw = std::move(handler);
}

void HandlerRegistry::addLongRead(QLatin1StringView message, LongRead handler)
{
    entry(message).longRead = std::move(handler);
}

void HandlerRegistry::addChannel(QLatin1StringView prefix, QLatin1StringView feature,
                                 Channel resolve, Hearers hearers)
{
    Q_ASSERT_X(!m_channels.contains(QString(prefix)), "HandlerRegistry",
               "a channel prefix has two owners");
    m_channels.insert(QString(prefix),
                      ChannelEntry {feature, std::move(resolve), std::move(hearers)});
}

const HandlerRegistry::ChannelEntry* HandlerRegistry::findChannel(QStringView prefix) const
{
    const auto it = m_channels.constFind(prefix.toString());
    return it == m_channels.constEnd() ? nullptr : &*it;
}

const HandlerRegistry::Entry* HandlerRegistry::find(QLatin1StringView message) const
{
    const auto it = m_entries.constFind(QString(message));
    return it == m_entries.constEnd() ? nullptr : &*it;
}

QStringList HandlerRegistry::unhandled() const
{
    QStringList out;
    for (const protocol::MessageSpec* m : protocol::allMessages()) {
        if (m->direction == protocol::Direction::Request && !m_entries.contains(QString(m->name)))
            out << QString(m->name);
    }
    return out;
}

} // namespace plein::server
