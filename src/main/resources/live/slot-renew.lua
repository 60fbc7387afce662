-- Renews the leases of one client address's streams held by one instance, on Redis' clock
-- like slot.lua. XX: a stream released meanwhile (ZREM) is not brought back.
-- KEYS[1]: the client's sorted set. ARGV[1]: lease (ms); ARGV[2..]: members.
local t = redis.call('TIME')
local until_ms = t[1] * 1000 + math.floor(t[2] / 1000) + tonumber(ARGV[1])
for i = 2, #ARGV do
  redis.call('ZADD', KEYS[1], 'XX', until_ms, ARGV[i])
end
redis.call('PEXPIRE', KEYS[1], ARGV[1])
return 1
