// The client's capabilities, in one place: adding one means adding its folder and a block
// here. Order matters where one capability's rebuild reads another's: the groups rebuild
// before the feed, which reads a page of each of the user's groups, and before chat.
#include "blogs/blogs.h"
#include "blogs/blogsapplier.h"
#include "blogs/blogsearch.h"
#include "blogs/drafts.h"
#include "capabilities/accounts/accountsprotocol.h"
#include "capabilities/blogs/blogsprotocol.h"
#include "capabilities/chat/chatprotocol.h"
#include "capabilities/files/filesprotocol.h"
#include "capabilities/groups/groupsprotocol.h"
#include "capabilities/people/peopleprotocol.h"
#include "capabilities/presence/presenceprotocol.h"
#include "capabilities/search/searchprotocol.h"
#include "capabilities/session/sessionprotocol.h"
#include "capabilities/yamjams/yamjamsprotocol.h"
#include "chat/chat.h"
#include "chat/chatapplier.h"
#include "chat/chatsearch.h"
#include "client.h"
#include "feed/feed.h"
#include "feed/feedapplier.h"
#include "feed/feedsearch.h"
#include "feed/feedwrites.h"
#include "feed/poststore.h"
#include "files/filecache.h"
#include "files/fileclient.h"
#include "files/uploads.h"
#include "groups/groups.h"
#include "groups/groupsapplier.h"
#include "groups/groupsearch.h"
#include "outbox/outbox.h"
#include "people/peopleapplier.h"
#include "people/peoplestore.h"
#include "people/profiles.h"
#include "presence/presence.h"
#include "protocol/registry.h"
#include "search/peoplesearch.h"
#include "store/cache.h"
#include "sync/connection.h"
#include "sync/syncengine.h"
#include "yamjams/yamjams.h"
#include "yamjams/yamjamsapplier.h"

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

    // Files: the HTTP side's one client, for uploads and downloads; uploads of the files
    // attached to posts and messages, as writes of the outbox before the write that carries
    // them. Before the feed and chat, which attach through it.
    m_fileClient = new FileClient(*m_connection, this);
    // Downloads: the attachments' files and thumbnails, on disk beside the cache.
    m_files = new FileCache(*m_cache, *m_fileClient, this);
    m_uploads = new Uploads(*m_fileClient, *m_cache, *m_outbox, this);
    m_outbox->registerKind(m_uploads->kind());
    m_connection->addFeatures({QString(protocol::files::Feature)});

    m_feed = new Feed(*m_session, *m_cache, *m_outbox, *m_uploads, this);
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
    // Topics: the posts cached before client migration 020 get theirs once; what the user
    // follows, and the newest posts of it, are read again after each login.
    m_cache->transaction([this]() { return PostStore(*m_cache).tagUntagged(); });
    connect(m_connection, &Connection::authenticated, m_feed, [this]() {
        m_feed->fetchFollows();
        // Home shows the cached posts of what is followed: the newest of them at each login
        // (and again when Home opens).
        m_feed->fetchFollowing();
    });

    // Chat: conversations, messages, read state; group chats follow the groups' memberships.
    m_chat = new Chat(*m_session, *m_cache, *m_outbox, *m_sync, *m_uploads, this);
    auto chat = std::make_unique<ChatApplier>(*m_session, *m_cache, *m_chat, *m_groups, *m_sync);
    chat->registerWith(*m_sync, *m_outbox);
    m_sync->registerSnapshot(chat.get(), {QString(protocol::chat::Feature)});
    m_snapshots.push_back(std::move(chat));
    m_connection->addFeatures({QString(protocol::chat::Feature)});
    m_searchSources.add(chatSearchSource());

    // Blogs: articles and comments in the cache; what the user writes in working copies that
    // are saved as they type and go to the server as drafts, edits and publishes (Drafts).
    m_drafts = new Drafts(*m_session, *m_connection, *m_cache, this);
    m_blogs = new Blogs(*m_session, *m_cache, *m_outbox, *m_drafts, *m_sync, *m_uploads, this);
    auto blogs = std::make_unique<BlogsApplier>(*m_session, *m_cache, *m_blogs, *m_groups, *m_sync);
    blogs->registerWith(*m_sync, *m_outbox);
    m_sync->registerSnapshot(blogs.get(), {QString(protocol::blogs::Feature)});
    m_snapshots.push_back(std::move(blogs));
    m_connection->addFeatures({QString(protocol::blogs::Feature)});
    m_searchSources.add(articleSearchSource());
    // An article's cover stays in the file cache while the article names it.
    m_files->addCarrier({BlogStore::articlesArea,
                         QStringLiteral("SELECT 1 FROM articles WHERE cover <> '' AND "
                                        "json_extract(cover, '$.id') = ? LIMIT 1"),
                         QStringLiteral("SELECT json_extract(cover, '$.id') FROM articles WHERE "
                                        "cover <> ''")});

    // YamJams: the cards of those the user takes part in, the questions of those opened, and
    // their live rooms.
    m_yamjams = new YamJams(*m_session, *m_connection, *m_cache, *m_outbox, this);
    auto yamjams
        = std::make_unique<YamJamsApplier>(*m_session, *m_cache, *m_yamjams, *m_groups, *m_sync);
    yamjams->registerWith(*m_sync, *m_outbox);
    m_sync->registerSnapshot(yamjams.get(), {QString(protocol::yamjams::Feature)});
    m_snapshots.push_back(std::move(yamjams));
    m_connection->addFeatures({QString(protocol::yamjams::Feature)});

    // The people the cache has met (authors, conversation members), for the local search.
    m_searchSources.add(personSearchSource());
    // The server's search.query, which the search page asks too when online.
    m_connection->addFeatures({QString(protocol::search::Feature)});

    // People: profiles and the directory, with the accounts' events about names, departments
    // and deactivations.
    m_profiles = new Profiles(*m_session, *m_cache, *m_outbox, *m_uploads, this);
    auto people = std::make_unique<PeopleApplier>(*m_session, *m_cache, *m_profiles);
    people->registerWith(*m_sync, *m_outbox);
    m_sync->registerSnapshot(people.get(), {QString(protocol::people::Feature)});
    m_snapshots.push_back(std::move(people));
    m_connection->addFeatures({QString(protocol::people::Feature)});
    // A person's photo stays in the file cache while the person's profile names it.
    m_files->addCarrier({PeopleStore::peopleArea,
                         QStringLiteral("SELECT 1 FROM people WHERE photo = ? LIMIT 1"),
                         QStringLiteral("SELECT photo FROM people WHERE photo <> ''")});

    // Presence: never in the event log; only pushes for the people the app shows.
    m_presence = new Presence(*m_session, *m_connection, this);
    m_connection->addFeatures({QString(protocol::presence::Feature)});
}

} // namespace plein::client
