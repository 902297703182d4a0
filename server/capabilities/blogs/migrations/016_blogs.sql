-- Blogs: articles of the company blog (group_id NULL) or of a group's, their co-authors, and
-- the revisions kept at every publish and every edit of a published article.
-- `revision` counts every change of the text (draft saves included); a change names the
-- revision it was made on, and one made on an older revision is refused (stale_revision).
CREATE TABLE articles (
    id %ID%,
    author_id %BIGINT% NOT NULL REFERENCES users(id),
    group_id %BIGINT% REFERENCES user_groups(id),
    -- 'draft', 'scheduled' or 'published'
    state TEXT NOT NULL,
    revision INTEGER NOT NULL,
    title TEXT NOT NULL,
    summary TEXT NOT NULL,
    body TEXT NOT NULL,
    -- the #topics, space-separated, without '#'
    tags TEXT NOT NULL,
    words INTEGER NOT NULL,
    created_at TEXT NOT NULL,
    -- the last change of the text or the state
    changed_at TEXT NOT NULL,
    -- a scheduled article's time, in the form of created_at
    publish_at TEXT,
    published_at TEXT,
    edited_at TEXT,
    -- the article.published event: the order of a blog, and a group's history rule
    published_seq %BIGINT% NOT NULL DEFAULT 0,
    -- why the last scheduled publishing failed (shown to the authors), else empty
    publish_error TEXT NOT NULL
);
CREATE INDEX articles_blog ON articles (group_id, state, published_seq);
CREATE INDEX articles_due ON articles (state, publish_at);

CREATE TABLE article_authors (
    article_id %BIGINT% NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
    user_id %BIGINT% NOT NULL REFERENCES users(id),
    PRIMARY KEY (article_id, user_id)
);
CREATE INDEX article_authors_user ON article_authors (user_id, article_id);

CREATE TABLE article_revisions (
    article_id %BIGINT% NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
    revision INTEGER NOT NULL,
    -- who made it: 'published', 'edited' or 'restored'
    kind TEXT NOT NULL,
    user_id %BIGINT% NOT NULL REFERENCES users(id),
    title TEXT NOT NULL,
    summary TEXT NOT NULL,
    body TEXT NOT NULL,
    tags TEXT NOT NULL,
    -- restored: the revision whose text it took
    restored_from INTEGER NOT NULL DEFAULT 0,
    created_at TEXT NOT NULL,
    PRIMARY KEY (article_id, revision)
);
