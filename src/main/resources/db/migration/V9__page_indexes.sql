-- Featured comments lead an article's first page. Without this index PostgreSQL walks every
-- top-level comment of the article looking for them: 3 ms a render on a 50,000-comment story.
create index comments_featured on comments (article_id, created_at desc) where featured and parent_id is null;

-- A signed-in reader's first page is the kept public one unless they have a comment there only
-- they can see (held, or hidden by reports); this small index answers that on every such read.
create index comments_own_unpublished on comments (author_id, article_id)
    where status = 'pending' or (status = 'published' and hidden);
