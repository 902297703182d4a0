-- Topics and following in the cache. post_topics is the server's table for the posts the cache
-- holds (shared/capabilities/feed/topics.h read by PostStore whenever a post's text is
-- stored; source_id is the post or reply whose text has the topic, post_id its thread's
-- top-level post), so a topic's page is a query, not a scan. The posts cached before this
-- migration are tagged once by PostStore::tagUntagged() ('topics_untagged'). follows is the
-- user's, from feed.follows and feed.followed.
CREATE TABLE post_topics (
    topic TEXT NOT NULL,
    post_id INTEGER NOT NULL,
    source_id INTEGER NOT NULL,
    PRIMARY KEY (topic, post_id, source_id)
);
CREATE INDEX post_topics_source ON post_topics (source_id);

CREATE TABLE follows (
    kind TEXT NOT NULL,
    target TEXT NOT NULL,
    PRIMARY KEY (kind, target)
);

-- Forgetting a post forgets its topics, whichever path forgets it.
CREATE TRIGGER post_topics_forget AFTER DELETE ON posts
BEGIN
    DELETE FROM post_topics WHERE source_id = old.id;
END;

INSERT INTO meta (key, value) VALUES ('topics_untagged', '1');
