-- wrk script: GET a random path from the file named by HIWAR_PATHS (one per line), signed in
-- with HIWAR_TOKEN when it is set. Used to read many different pages instead of one kept one.
local paths = {}
local headers = {}
init = function()
  for line in io.lines(os.getenv("HIWAR_PATHS")) do paths[#paths + 1] = line end
  local token = os.getenv("HIWAR_TOKEN")
  if token and token ~= "" then headers["Authorization"] = "Bearer " .. token end
end
request = function()
  return wrk.format("GET", paths[math.random(#paths)], headers)
end
