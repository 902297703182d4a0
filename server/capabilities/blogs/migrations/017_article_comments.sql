-- Likes of articles, and comments on them: one level of replies, likes, mentions.
ALTER TABLE articles ADD COLUMN like_count INTEGER NOT NULL DEFAULT 0;
ALTER TABLE articles ADD COLUMN comment_count INTEGER NOT NULL DEFAULT 0;

CREATE TABLE article_likes (
    article_id %BIGINT% NOT NULL REFERENCES articles(id),
    user_id %BIGINT% NOT NULL REFERENCES users(id),
    created_at TEXT NOT NULL,
    PRIMARY KEY (article_id, user_id)
);

CREATE TABLE article_comments (
    id %ID%,
    article_id %BIGINT% NOT NULL REFERENCES articles(id),
    parent_id %BIGINT% REFERENCES article_comments(id),
    author_id %BIGINT% NOT NULL REFERENCES users(id),
    body TEXT NOT NULL,
    created_at TEXT NOT NULL,
    edited_at TEXT,
    deleted %BOOL% NOT NULL DEFAULT 0,
    like_count INTEGER NOT NULL DEFAULT 0,
    reply_count INTEGER NOT NULL DEFAULT 0
);
CREATE INDEX article_comments_article ON article_comments (article_id, id);

CREATE TABLE article_comment_likes (
    comment_id %BIGINT% NOT NULL REFERENCES article_comments(id),
    user_id %BIGINT% NOT NULL REFERENCES users(id),
    created_at TEXT NOT NULL,
    PRIMARY KEY (comment_id, user_id)
);

CREATE TABLE article_comment_mentions (
    comment_id %BIGINT% NOT NULL REFERENCES article_comments(id),
    user_id %BIGINT% NOT NULL REFERENCES users(id),
    PRIMARY KEY (comment_id, user_id)
);
CREATE INDEX article_comment_mentions_user ON article_comment_mentions (user_id, comment_id);
