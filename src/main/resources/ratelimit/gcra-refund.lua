-- Gives back a token gcra.lua took from one bucket, when another bucket of the same request
-- refused it (Redis Cluster: the buckets live on different nodes and are taken one by one).
-- KEYS[1]  the bucket. ARGV[1]  its emission interval times the cost, in microseconds.
local tat = tonumber(redis.call('GET', KEYS[1]))
if tat == nil then
  return 0
end
local t = redis.call('TIME')
local now = tonumber(t[1]) * 1000000 + tonumber(t[2])
local back = tat - tonumber(ARGV[1])
if back <= now then
  redis.call('DEL', KEYS[1])
else
  redis.call('SET', KEYS[1], string.format('%.0f', back), 'PX', math.ceil((back - now) / 1000))
end
return 1
