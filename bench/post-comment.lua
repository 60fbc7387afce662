-- wrk: POST a new comment as a random bench reader on one of 100 articles.
-- Tokens come from the file named by HIWAR_TOKENS, one JWT per line (bench/limiter.sh makes them).
local tokens = {}

init = function(args)
  for line in io.lines(os.getenv("HIWAR_TOKENS")) do
    tokens[#tokens + 1] = line
  end
  math.randomseed(os.time() + tonumber(tostring({}):match("0x(%x+)"), 16))
end

request = function()
  local token = tokens[math.random(#tokens)]
  local path = "/api/v1/articles/bench-post-" .. math.random(100) .. "/comments"
  local body = '{"body":"تعليق للقياس رقم ' .. math.random(1000000000) .. '"}'
  return wrk.format("POST", path, {
    ["Authorization"] = "Bearer " .. token,
    ["Content-Type"] = "application/json"
  }, body)
end
