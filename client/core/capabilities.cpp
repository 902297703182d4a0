// The client's capabilities, in one place: adding one means adding its folder and a block
// here. Order matters where one capability's rebuild reads another's: the groups rebuild
// before the feed, which reads a page of each of the user's groups, and before chat.
#include "capabilities/accounts/accountsprotocol.h"
#include "capabilities/chat/chatprotocol.h"
#include "capabilities/groups/groupsprotocol.h"
#include "capabilities/people/peopleprotocol.h"
#include "capabilities/presence/presenceprotocol.h"
#include "capabilities/session/sessionprotocol.h"
#include "chat/chat.h"
#include "chat/chatapplier.h"
#include "chat/chatsearch.h"
#include "client.h"
#include "feed/feed.h"
#include "feed/feedapplier.h"
#include "feed/feedsearch.h"
#include "feed/feedwrites.h"
#include "files/fileclient.h"
#include "groups/groups.h"
#include "groups/groupsapplier.h"
#include "groups/groupsearch.h"
#include "outbox/outbox.h"
#include "people/peopleapplier.h"
#include "people/profiles.h"
#include "presence/presence.h"
#include "protocol/registry.h"
#include "search/peoplesearch.h"
#include "sync/connection.h"
#include "sync/syncengine.h"

namespace plein::client {

void Client::installCapabilities()
{
    // The session itself: the event log and idempotent writes; audience and subject in
    // events; ephemeral signals (Session::ephemeral).
    m_connection->addFeatures({QStringLiteral("sync"), QStringLiteral("idempotent-writes"),
                               QString(protocol::session::AudienceFeature),
                               QString(protocol::session::EphemeralFeature)});

    // Accounts: the people directory keeps what user.* events say of accounts (people below);
    // the others change nothing in the cache, and they are known, so they are not kept for a
    // later build either.
    for (const protocol::EventKindSpec& kind : protocol::accounts::capability().events)
        m_sync->registerApplier(QString(kind.kind), [](const SyncEvent&) { return true; });

    // Files: the HTTP side's one client, for uploads and downloads.
    m_fileClient = new FileClient(*m_connection, this);

    m_feed = new Feed(*m_session, *m_cache, *m_outbox, this);
    m_groups = new Groups(*m_session, *m_cache, *m_outbox, this);

    auto groups
        = std::make_unique<GroupsApplier>(*m_session, *m_cache, *m_groups, *m_feed, *m_sync);
    groups->registerWith(*m_sync, *m_outbox);
    m_sync->registerSnapshot(groups.get(), {QString(protocol::groups::Feature)});
    m_snapshots.push_back(std::move(groups));
    m_connection->addFeatures({QStringLiteral("groups")});
    m_searchSources.add(groupSearchSource());

    auto feed = std::make_unique<FeedApplier>(*m_session, *m_cache, *m_feed, *m_sync);
    feed->registerWith(*m_sync);
    for (const WriteKind& kind : feedwrites::kinds(*m_cache))
        m_outbox->registerKind(kind);
    // The feed's rebuild reads a page of each group too.
    m_sync->registerSnapshot(feed.get(),
                             {QStringLiteral("feed"), QString(protocol::groups::Feature)});
    m_snapshots.push_back(std::move(feed));
    m_connection->addFeatures({QStringLiteral("feed")});
    m_searchSources.add(postSearchSource());

    // Chat: conversations, messages, read state; group chats follow the groups' memberships.
    m_chat = new Chat(*m_session, *m_cache, *m_outbox, *m_sync, this);
    auto chat = std::make_unique<ChatApplier>(*m_session, *m_cache, *m_chat, *m_groups, *m_sync);
    chat->registerWith(*m_sync, *m_outbox);
    m_sync->registerSnapshot(chat.get(), {QString(protocol::chat::Feature)});
    m_snapshots.push_back(std::move(chat));
    m_connection->addFeatures({QString(protocol::chat::Feature)});
    m_searchSources.add(chatSearchSource());

    // The people the cache has met (authors, conversation members), for the local search.
    m_searchSources.add(personSearchSource());

    // People: profiles and the directory, with the accounts' events about names, departments
    // and deactivations.
    m_profiles = new Profiles(*m_session, *m_cache, *m_outbox, this);
    auto people = std::make_unique<PeopleApplier>(*m_session, *m_cache, *m_profiles);
    people->registerWith(*m_sync, *m_outbox);
    m_sync->registerSnapshot(people.get(), {QString(protocol::people::Feature)});
    m_snapshots.push_back(std::move(people));
    m_connection->addFeatures({QString(protocol::people::Feature)});

    // Presence: never in the event log; only pushes for the people the app shows.
    m_presence = new Presence(*m_session, *m_connection, this);
    m_connection->addFeatures({QString(protocol::presence::Feature)});
}

} // namespace plein::client
