#pragma once

#include "capabilities/feed/topicstore.h"
#include "core/writeservice.h"
#include "protocol/result.h"

#include <QJsonObject>

namespace plein::server {

class AccountStore;
class EventLog;
struct User;

// Following topics and people: feed.follow (idempotent, announced to the user's own sessions
// by feed.followed) and feed.follows. A person one may not follow (unknown, deactivated)
// answers not_found; what one follows shows in the following feed (FeedService::page).
class FollowService
{
public:
    FollowService(WriteService& writes, TopicStore& topics, EventLog& events,
                  AccountStore& accounts)
        : m_writes(writes)
        , m_topics(topics)
        , m_events(events)
        , m_accounts(accounts)
    { }

    Result<WriteService::Outcome> follow(const User& user, const QJsonObject& payload);
    Result<QJsonObject> follows(const User& user, const QJsonObject& payload);

private:
    WriteService& m_writes;
    TopicStore& m_topics;
    EventLog& m_events;
    AccountStore& m_accounts;
};

} // namespace plein::server
