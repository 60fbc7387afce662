-- The repeat-post rule asks whether the author wrote this normalized text in the last day. It
-- read every comment the author wrote in that day to compare texts: about 130 buffer reads a
-- POST for an author who writes a lot, so a flooder's every comment cost more than the last.
-- Now it is one probe by the text's hash. Bodies are up to 5,000 code points, too long for a
-- b-tree entry, hence the md5. "if not exists": a large installation may build it beforehand
-- with CREATE INDEX CONCURRENTLY under the same name, and this migration then takes no lock.
create index if not exists comments_repeat on comments (author_id, md5(search_text)) where status <> 'deleted';
