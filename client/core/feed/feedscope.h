#pragma once

#include <QString>
#include <QtGlobal>

namespace plein::client {

// Which feed a post list shows.
class FeedScope
{
public:
    enum class Kind { Home, Company, Group, Topic };

    // Company-wide posts and the posts of the user's groups, each marked with its group, and
    // the cached posts of the people and topics the user follows.
    static FeedScope home() { return FeedScope(Kind::Home, 0); }
    static FeedScope company() { return FeedScope(Kind::Company, 0); }
    // One group's feed, pinned posts first.
    static FeedScope group(qint64 id) { return FeedScope(Kind::Group, id); }
    // The top-level posts with a #topic (protocol::isValidTopic), their replies' topics too.
    static FeedScope topic(const QString& topic)
    {
        FeedScope s(Kind::Topic, 0);
        s.m_topic = topic;
        return s;
    }

    Kind kind() const { return m_kind; }
    qint64 groupId() const { return m_groupId; }
    QString topic() const { return m_topic; }
    bool pinnedFirst() const { return m_kind == Kind::Group; }
    bool operator==(const FeedScope&) const = default;

private:
    FeedScope(Kind kind, qint64 groupId)
        : m_kind(kind)
        , m_groupId(groupId)
    { }

    Kind m_kind = Kind::Home;
    qint64 m_groupId = 0;
    QString m_topic;
};

} // namespace plein::client
