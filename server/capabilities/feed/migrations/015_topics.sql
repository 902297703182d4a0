-- Topics and following. A post's #topics (shared/capabilities/feed/topics.h) are recorded
-- against its thread's top-level post, so a topic's page lists threads; source_id is the post
-- or reply whose text has the topic, so an edit or a deletion replaces exactly its own rows
-- while a root and its replies share a topic. The page walks (topic, post_id) newest first.
CREATE TABLE post_topics (
    topic TEXT NOT NULL,
    post_id %BIGINT% NOT NULL REFERENCES posts(id),
    source_id %BIGINT% NOT NULL REFERENCES posts(id),
    PRIMARY KEY (topic, post_id, source_id)
);
CREATE INDEX post_topics_source ON post_topics (source_id);

-- Whom and what a user follows: kind 'topic' (target the topic) or 'person' (target the user
-- id in decimal). Home shows their top-level posts.
CREATE TABLE follows (
    user_id %BIGINT% NOT NULL REFERENCES users(id),
    kind TEXT NOT NULL,
    target TEXT NOT NULL,
    created_at TEXT NOT NULL,
    PRIMARY KEY (user_id, kind, target)
);

-- A followed person's posts, newest first.
CREATE INDEX posts_author ON posts (author_id, id);

-- The posts from before this migration are tagged by the server in C++ on its next start, in
-- batches (TopicStore::backfill); the value is the last post id done.
INSERT INTO server_meta (key, value) VALUES ('feed_topics_backfill', '0');
