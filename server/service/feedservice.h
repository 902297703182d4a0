#pragma once

#include "protocol/result.h"
#include "service/writeservice.h"

#include <QJsonObject>

namespace plein::server {

class AccountStore;
class EventLog;
class FeedStore;
struct User;

// The company feed's writes and reads, with their rules: who may edit and delete, replies
// attach to the top-level post, mentions are recorded and announced to the people mentioned.
class FeedService
{
public:
    FeedService(WriteService& writes, FeedStore& feed, EventLog& events, AccountStore& accounts)
        : m_writes(writes)
        , m_feed(feed)
        , m_events(events)
        , m_accounts(accounts)
    { }

    using Outcome = WriteService::Outcome;
    Result<Outcome> create(const User& user, const QJsonObject& payload);
    Result<Outcome> edit(const User& user, const QJsonObject& payload);
    Result<Outcome> remove(const User& user, const QJsonObject& payload);
    Result<Outcome> like(const User& user, const QJsonObject& payload);

    Result<QJsonObject> page(const User& user, const QJsonObject& payload);
    Result<QJsonObject> thread(const User& user, const QJsonObject& payload);

private:
    WriteService& m_writes;
    FeedStore& m_feed;
    EventLog& m_events;
    AccountStore& m_accounts;
};

} // namespace plein::server
