-- GCRA (generic cell rate algorithm) over several buckets in one atomic step, on Redis' own clock.
-- A request passes only if every bucket has room; then it takes a token from each, else from none.
-- KEYS[i]      bucket i (action + scope + subject, IP, ...)
-- ARGV[1]      cost of this request (usually 1)
-- ARGV[2i]     bucket i's emission interval in microseconds (period / burst)
-- ARGV[2i+1]   bucket i's burst: how many requests may arrive at once
-- Returns {allowed (1|0), bucket (1-based), remaining, retry_after_us, reset_us}: when refused, the
-- bucket with the longest wait; when allowed, the one with the fewest tokens left.
-- Times are integer microseconds: they stay exact in Lua's doubles (< 2^53).
local t = redis.call('TIME')
local now = tonumber(t[1]) * 1000000 + tonumber(t[2])
local cost = tonumber(ARGV[1])
local new_tats = {}
local denied, denied_wait, denied_remaining, denied_reset
local binding, binding_remaining, binding_reset

for i = 1, #KEYS do
  local interval = tonumber(ARGV[2 * i])
  local tolerance = interval * tonumber(ARGV[2 * i + 1])
  local tat = tonumber(redis.call('GET', KEYS[i]) or now)
  if tat < now then
    tat = now
  end
  local new_tat = tat + interval * cost
  local wait = new_tat - tolerance - now
  if wait > 0 then
    if denied == nil or wait > denied_wait then
      denied, denied_wait = i, wait
      denied_remaining = math.max(0, math.floor((tolerance - (tat - now)) / interval))
      denied_reset = tat - now
    end
  else
    new_tats[i] = new_tat
    local remaining = math.floor((tolerance - (new_tat - now)) / interval)
    if binding == nil or remaining < binding_remaining then
      binding, binding_remaining, binding_reset = i, remaining, new_tat - now
    end
  end
end

if denied ~= nil then
  return {0, denied, denied_remaining, denied_wait, denied_reset}
end
for i = 1, #KEYS do
  redis.call('SET', KEYS[i], string.format('%.0f', new_tats[i]), 'PX', math.ceil((new_tats[i] - now) / 1000))
end
return {1, binding, binding_remaining, 0, binding_reset}
