-- One live event, appended to its article's history and announced to every instance in one
-- atomic step, so the id a reader receives is the id the history knows. The history keeps
-- only what a replay needs to look the content up again (a comment's id), never the content:
-- what is public now is read from the database when a reader catches up.
-- KEYS[1]: the article's stream. ARGV: max history, history TTL (ms), channel, article id, type,
-- JSON announced, JSON kept in the history.
local id = redis.call('XADD', KEYS[1], 'MAXLEN', '~', ARGV[1], '*', 't', ARGV[5], 'd', ARGV[7])
redis.call('PEXPIRE', KEYS[1], ARGV[2])
redis.call('PUBLISH', ARGV[3], ARGV[4] .. '\n' .. id .. '\n' .. ARGV[5] .. '\n' .. ARGV[6])
return id
