-- A change to a kept row (signal.KeptCopies): the version goes up and the announcement carries it,
-- in one step, so every instance hears the changes in version order.
-- KEYS[1] the version key; ARGV[1] the channel; ARGV[2] the row that changed.
local version = redis.call('INCR', KEYS[1])
redis.call('PUBLISH', ARGV[1], version .. ':' .. ARGV[2])
return version
