#pragma once

#include "sync/snapshot.h"

#include <QJsonArray>
#include <QList>

#include <memory>

namespace plein::client {

class Cache;
class Chat;
class Groups;
class Outbox;
class Session;
class SyncEngine;

// How chat's events and confirmed writes change the cache, and how chat rebuilds on a resync:
// chat.list, page by page, replaces the conversations (those no longer listed are forgotten
// with their messages), then the newest page of each conversation whose history the cache
// held is read again.
//
// Messages change the user's unread counts as they arrive (the server's chat.state events set
// them exactly); a conversation the user is no longer a member of — removed, left, or the
// group left — is forgotten with its messages.
class ChatApplier : public Snapshot
{
public:
    ChatApplier(Session& session, Cache& cache, Chat& chat, Groups& groups, SyncEngine& sync);

    void registerWith(SyncEngine& sync, Outbox& outbox);
    void rebuild(std::function<void(const Result<qint64>& head)> done) override;

private:
    struct Reading;
    void readList(std::shared_ptr<Reading> reading);
    void store(std::shared_ptr<Reading> reading);

    Session& m_session;
    Cache& m_cache;
    Chat& m_chat;
    Groups& m_groups;
    SyncEngine& m_sync;
};

} // namespace plein::client
