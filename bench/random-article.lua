-- wrk script: first page of a random one of the 10,000 seeded small articles.
math.randomseed(os.time())
request = function()
  return wrk.format("GET", "/api/v1/articles/bench-" .. math.random(0, 9999) .. "/comments")
end
