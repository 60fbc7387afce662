-- Writes an article's step to the index every instance loads, unless a later change of step
-- was indexed first: the calls that change a step audit before they index, so two changes
-- close together (a tick and a flush, two instances) can reach here out of order.
-- KEYS: 1 the index (hash: article -> step), 2 when each article's indexed step began
--       (sorted set scored by ms; same hash slot as 1).
-- ARGV: 1 article, 2 step (0: normal, removed from the index), 3 since (ms, the step's start),
--       4 forget starts older than this (ms).
-- Returns 1 when written, 0 when a later step was already indexed.
local at = redis.call('ZSCORE', KEYS[2], ARGV[1])
if at and tonumber(at) > tonumber(ARGV[3]) then return 0 end
redis.call('ZADD', KEYS[2], ARGV[3], ARGV[1])
redis.call('ZREMRANGEBYSCORE', KEYS[2], '-inf', '(' .. ARGV[4])
if ARGV[2] == '0' then
  redis.call('HDEL', KEYS[1], ARGV[1])
else
  redis.call('HSET', KEYS[1], ARGV[1], ARGV[2])
end
return 1
