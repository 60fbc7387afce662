-- wrk: POST a new comment as a random bench reader on one of 100 articles (HIWAR_ARTICLES=N: of N;
-- 1 is a breaking story, every comment on the same article).
-- Tokens come from the file named by HIWAR_TOKENS, one JWT per line (bench/limiter.sh makes them).
local tokens = {}

init = function(args)
  for line in io.lines(os.getenv("HIWAR_TOKENS")) do
    tokens[#tokens + 1] = line
  end
  math.randomseed(os.time() + tonumber(tostring({}):match("0x(%x+)"), 16))
end

-- HIWAR_IDEMPOTENCY=1: every POST carries a fresh Idempotency-Key, as the widget sends it.
local keyed = os.getenv("HIWAR_IDEMPOTENCY") == "1"
local sent = 0
local articles = tonumber(os.getenv("HIWAR_ARTICLES") or "100")

request = function()
  local token = tokens[math.random(#tokens)]
  local path = "/api/v1/articles/bench-post-" .. math.random(articles) .. "/comments"
  local body = '{"body":"تعليق للقياس رقم ' .. math.random(1000000000) .. '"}'
  local headers = {
    ["Authorization"] = "Bearer " .. token,
    ["Content-Type"] = "application/json"
  }
  if keyed then
    sent = sent + 1
    headers["Idempotency-Key"] = string.format("bench-%d-%d-%d", math.random(2147483646), math.random(2147483646), sent)
  end
  return wrk.format("POST", path, headers, body)
end
