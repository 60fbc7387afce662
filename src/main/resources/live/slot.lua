-- Takes one of a client address's live-stream slots, shared by every instance.
-- KEYS[1]: the client's sorted set of open streams (member: instance:stream, score: lease end, ms).
-- ARGV: lease (ms), max streams, member. Returns 1 when taken, 0 when the client holds max.
local t = redis.call('TIME')
local now = t[1] * 1000 + math.floor(t[2] / 1000)
redis.call('ZREMRANGEBYSCORE', KEYS[1], '-inf', now)
if redis.call('ZCARD', KEYS[1]) >= tonumber(ARGV[2]) then
  return 0
end
redis.call('ZADD', KEYS[1], now + tonumber(ARGV[1]), ARGV[3])
redis.call('PEXPIRE', KEYS[1], ARGV[1])
return 1
