-- The company blog's pages (group_id IS NULL) in publication order. PostgreSQL's planner does
-- not take IS NULL as fixing an index's first column, so with articles_blog alone it read every
-- published article and sorted them (176 ms a page at 100,000 articles; bench/blogs); this
-- partial index gives it the order directly (0.5 ms). SQLite used articles_blog already.
CREATE INDEX articles_company_blog ON articles (state, published_seq) WHERE group_id IS NULL;
