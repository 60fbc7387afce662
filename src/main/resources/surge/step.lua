-- The surge autopilot's step for one article, decided atomically: every instance may record and
-- tick, and a change of step happens once, in the call that caused it.
-- KEYS: 1 state hash, 2 comments, 3 held or rejected comments, 4 reports, 5 new commenters
--       (sorted sets scored by time; all share the article's hash tag).
-- ARGV: 1 now (ms), 2 kind (record | tick | peek: figures only, no change of step),
--       3 window (ms), 4 calm period (ms), 5 comments needed before the held share counts,
--       6 pinned level (-1: not pinned), 7 key lifetime (ms),
--       8..19 thresholds per minute for levels 1 to 3, four each: comments, reports, held share
--       (per mille), new commenters; 0 switches that figure off, and a level whose four are 0 never engages;
--       20.. the events an instance gathered since its last call, four values each: "c" (a comment)
--       or "r" (a report), its member (comment id, report id), "1" when the comment was held or
--       rejected, and the new commenter's user id or "". A member counts once however often it is sent.
-- Returns: step before, step after, comments, held, reports, new commenters (all in the window),
--          since (ms, the step's start), and the level the figures reach now.
local now = tonumber(ARGV[1])
local kind = ARGV[2]
local window = tonumber(ARGV[3])
for i = 20, #ARGV, 4 do
  if ARGV[i] == 'c' then
    redis.call('ZADD', KEYS[2], now, ARGV[i + 1])
    if ARGV[i + 2] == '1' then redis.call('ZADD', KEYS[3], now, ARGV[i + 1]) end
    if ARGV[i + 3] ~= '' then redis.call('ZADD', KEYS[5], now, ARGV[i + 3]) end
  else
    redis.call('ZADD', KEYS[4], now, ARGV[i + 1])
  end
end
local counts = {}
for i = 2, 5 do
  redis.call('ZREMRANGEBYSCORE', KEYS[i], '-inf', '(' .. (now - window))
  counts[i] = redis.call('ZCARD', KEYS[i])
end
local comments, held, reports, newcomers = counts[2], counts[3], counts[4], counts[5]
local perMinute = 60000 / window
local share = 0
if comments >= tonumber(ARGV[5]) and comments > 0 then share = held * 1000 / comments end

local level = 0
for l = 1, 3 do
  local b = 7 + (l - 1) * 4
  local tc, tr, ts, tn = tonumber(ARGV[b + 1]), tonumber(ARGV[b + 2]), tonumber(ARGV[b + 3]), tonumber(ARGV[b + 4])
  if (tc > 0 and comments * perMinute >= tc) or (tr > 0 and reports * perMinute >= tr)
      or (ts > 0 and share >= ts) or (tn > 0 and newcomers * perMinute >= tn) then
    level = l
  end
end

local state = KEYS[1]
local step = tonumber(redis.call('HGET', state, 'step') or '0')
local since = tonumber(redis.call('HGET', state, 'since') or now)
if kind == 'peek' then return {step, step, comments, held, reports, newcomers, since, level} end
for l = 1, level do redis.call('HSET', state, 'hot' .. l, now) end
local pinned = tonumber(ARGV[6])
local after = step
if pinned >= 0 then
  after = pinned
elseif level > step then
  after = level
elseif step > 0 and level < step then
  -- Down one step once the figures stayed below this step for a whole calm period.
  local hot = tonumber(redis.call('HGET', state, 'hot' .. step) or '0')
  if now - hot >= tonumber(ARGV[4]) then
    after = step - 1
    if after > 0 then redis.call('HSET', state, 'hot' .. after, now) end
  end
end
if after ~= step then
  since = now
  redis.call('HSET', state, 'step', after, 'since', now)
end
local ttl = tonumber(ARGV[7])
for i = 1, 5 do redis.call('PEXPIRE', KEYS[i], ttl) end
return {step, after, comments, held, reports, newcomers, since, level}
