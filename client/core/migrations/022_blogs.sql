-- Blogs (client/core/blogs): the articles the user has met (published ones of the blogs read,
-- the user's own drafts), their comments once an article was opened, and the working copies
-- of what the user writes, which are the only copy of a sentence typed offline.

-- An article as the server last said it. `body` is NULL until the article was read whole
-- (article.get, a write's answer); `seq` is the log's number as of which the row is the
-- server's, so an older answer never replaces a newer event.
CREATE TABLE articles (
    id INTEGER PRIMARY KEY,
    group_id INTEGER NOT NULL DEFAULT 0,
    state TEXT NOT NULL,
    revision INTEGER NOT NULL,
    author_id INTEGER NOT NULL,
    author TEXT NOT NULL DEFAULT '{}', -- JSON: {id, username, displayName, department}
    co_authors TEXT NOT NULL DEFAULT '[]', -- JSON: [{id, username, displayName, department}]
    title TEXT NOT NULL,
    summary TEXT NOT NULL DEFAULT '',
    tags TEXT NOT NULL DEFAULT '[]', -- JSON: ["topic"]
    words INTEGER NOT NULL DEFAULT 0,
    reading_minutes INTEGER NOT NULL DEFAULT 1,
    created_at TEXT NOT NULL DEFAULT '',
    changed_at TEXT NOT NULL DEFAULT '',
    publish_at TEXT NOT NULL DEFAULT '',
    published_at TEXT NOT NULL DEFAULT '',
    edited_at TEXT NOT NULL DEFAULT '',
    publish_error TEXT NOT NULL DEFAULT '',
    published_seq INTEGER NOT NULL DEFAULT 0,
    likes INTEGER NOT NULL DEFAULT 0,
    comments INTEGER NOT NULL DEFAULT 0,
    liked_by_me INTEGER NOT NULL DEFAULT 0,
    body TEXT,
    -- Whether the comments were read (comment.list); events then keep them.
    comments_loaded INTEGER NOT NULL DEFAULT 0,
    seq INTEGER NOT NULL DEFAULT 0
);
CREATE INDEX articles_blog ON articles (group_id, published_seq DESC) WHERE state = 'published';
CREATE INDEX articles_author ON articles (author_id, published_seq DESC);

CREATE TABLE article_comments (
    id INTEGER PRIMARY KEY,
    article_id INTEGER NOT NULL,
    parent_id INTEGER NOT NULL DEFAULT 0,
    author_id INTEGER NOT NULL,
    author TEXT NOT NULL DEFAULT '{}',
    body TEXT NOT NULL DEFAULT '',
    created_at TEXT NOT NULL DEFAULT '',
    edited_at TEXT NOT NULL DEFAULT '',
    deleted INTEGER NOT NULL DEFAULT 0,
    likes INTEGER NOT NULL DEFAULT 0,
    replies INTEGER NOT NULL DEFAULT 0,
    liked_by_me INTEGER NOT NULL DEFAULT 0,
    seq INTEGER NOT NULL DEFAULT 0
);
CREATE INDEX article_comments_article ON article_comments (article_id, id);

CREATE TRIGGER article_comments_article_delete AFTER DELETE ON articles
BEGIN
    DELETE FROM article_comments WHERE article_id = old.id;
END;

-- What the user writes (Drafts): one working copy per article being written or edited, saved
-- as the user types. `base_*` is the text of `base_revision` as the server has it (what the
-- local text was built on, for the three-way merge when the server moved on); `sending` is
-- the request on its way with its clientId, kept until answered so that a lost answer is
-- asked again with the same clientId; `conflict` is the server's newer text, while the user
-- has not yet chosen what to keep.
CREATE TABLE article_work (
    local_id TEXT PRIMARY KEY,
    article_id INTEGER NOT NULL DEFAULT 0, -- 0: not on the server yet
    group_id INTEGER NOT NULL DEFAULT 0,
    published INTEGER NOT NULL DEFAULT 0, -- an edit of a published article (article.edit)
    base_revision INTEGER NOT NULL DEFAULT 0,
    base_title TEXT NOT NULL DEFAULT '',
    base_summary TEXT NOT NULL DEFAULT '',
    base_body TEXT NOT NULL DEFAULT '',
    base_tags TEXT NOT NULL DEFAULT '[]',
    title TEXT NOT NULL DEFAULT '',
    summary TEXT NOT NULL DEFAULT '',
    body TEXT NOT NULL DEFAULT '',
    tags TEXT NOT NULL DEFAULT '[]',
    changed_at TEXT NOT NULL DEFAULT '',
    dirty INTEGER NOT NULL DEFAULT 0, -- the local text is not on the server yet
    update_wanted INTEGER NOT NULL DEFAULT 0, -- published: the user asked to send the edit
    publish TEXT NOT NULL DEFAULT '', -- '' none, 'now', or the UTC time to schedule
    sending TEXT NOT NULL DEFAULT '', -- JSON: {type, payload} with payload.clientId
    conflict TEXT NOT NULL DEFAULT '', -- JSON: the server's article (with body) when stale
    error_code TEXT NOT NULL DEFAULT '',
    error_message TEXT NOT NULL DEFAULT ''
);
CREATE INDEX article_work_article ON article_work (article_id) WHERE article_id > 0;
