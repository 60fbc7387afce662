-- Desks: an article's section (سياسة، رياضة، اقتصاد ...), from the publisher's page or the first
-- comment's metadata, or set by a moderator. Moderators whose token names desks see only the
-- articles of those sections.
alter table articles add column section text;
create index articles_by_section on articles (section) where section is not null;
