-- One live event, appended to its article's history and announced in one atomic step, so the
-- id a reader receives is the id the history knows. The history keeps only what a replay needs
-- to look the content up again (a comment's id), never the content: what is public now is read
-- from the database when a reader catches up.
-- The event goes to the article's own channel, which only instances with its readers subscribe
-- (SPUBLISH: on a Redis Cluster only the node owning the article's slot and its replicas carry
-- it; the channel shares the history's hash tag), and its article id to the announcement
-- channel every instance hears, for their caches.
-- KEYS[1]: the article's stream. ARGV: max history, history TTL (ms), announcement channel,
-- article id, type, JSON announced, JSON kept in the history, article channel, SPUBLISH or PUBLISH.
local id = redis.call('XADD', KEYS[1], 'MAXLEN', '~', ARGV[1], '*', 't', ARGV[5], 'd', ARGV[7])
redis.call('PEXPIRE', KEYS[1], ARGV[2])
redis.call(ARGV[9], ARGV[8], ARGV[4] .. '\n' .. id .. '\n' .. ARGV[5] .. '\n' .. ARGV[6])
redis.call('PUBLISH', ARGV[3], ARGV[4])
return id
