-- GCRA (generic cell rate algorithm) in one atomic step, on Redis' own clock.
-- KEYS[1]  the limit's key (action + subject)
-- ARGV[1]  emission interval in microseconds (period / burst)
-- ARGV[2]  burst: how many requests may arrive at once
-- ARGV[3]  cost of this request (usually 1)
-- Returns {allowed (1|0), remaining, retry_after_us, reset_us}.
-- Times are integer microseconds: they stay exact in Lua's doubles (< 2^53).
local t = redis.call('TIME')
local now = tonumber(t[1]) * 1000000 + tonumber(t[2])
local interval = tonumber(ARGV[1])
local burst = tonumber(ARGV[2])
local cost = tonumber(ARGV[3])
local tolerance = interval * burst

local tat = tonumber(redis.call('GET', KEYS[1]) or now)
if tat < now then
  tat = now
end
local new_tat = tat + interval * cost
local allow_at = new_tat - tolerance
if allow_at > now then
  return {0, math.max(0, math.floor((tolerance - (tat - now)) / interval)), allow_at - now, tat - now}
end
redis.call('SET', KEYS[1], string.format('%.0f', new_tat), 'PX', math.ceil((new_tat - now) / 1000))
return {1, math.floor((tolerance - (new_tat - now)) / interval), 0, new_tat - now}
