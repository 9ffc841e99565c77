/**
 * The Lua scripts behind the operations that need more than one Redis command. Each runs atomically
 * on the server, so no other client sees a half-done write.
 *
 * Lists are two keys: a sorted set whose members are `<16-digit at>:<id>` (all scores 0, so members sort
 * by bytes: by time, then id) and a hash `id → <16-digit at><json>`.
 */

/** KEYS: value. ARGV: expected version ('' = must be absent), encoded value, ttl ms ('' = none). */
export const compareAndSetScript = `
local current = redis.call('GET', KEYS[1])
if current then
  local separator = string.find(current, ':', 1, true)
  if ARGV[1] == '' or not separator or string.sub(current, 1, separator - 1) ~= ARGV[1] then
    return 0
  end
elseif ARGV[1] ~= '' then
  return 0
end
if ARGV[3] == '' then
  redis.call('SET', KEYS[1], ARGV[2])
else
  redis.call('SET', KEYS[1], ARGV[2], 'PX', ARGV[3])
end
return 1
`;

/** KEYS: sorted set, hash. ARGV: id, padded at, json, max length, ttl ms ('' = none). */
export const listAddScript = `
local previous = redis.call('HGET', KEYS[2], ARGV[1])
if previous then
  redis.call('ZREM', KEYS[1], string.sub(previous, 1, 16) .. ':' .. ARGV[1])
end
redis.call('ZADD', KEYS[1], 0, ARGV[2] .. ':' .. ARGV[1])
redis.call('HSET', KEYS[2], ARGV[1], ARGV[2] .. ARGV[3])
local excess = redis.call('ZCARD', KEYS[1]) - tonumber(ARGV[4])
if excess > 0 then
  local dropped = redis.call('ZRANGE', KEYS[1], 0, excess - 1)
  redis.call('ZREMRANGEBYRANK', KEYS[1], 0, excess - 1)
  for _, member in ipairs(dropped) do
    redis.call('HDEL', KEYS[2], string.sub(member, 18))
  end
end
for _, key in ipairs(KEYS) do
  if ARGV[5] == '' then redis.call('PERSIST', key) else redis.call('PEXPIRE', key, ARGV[5]) end
end
return 1
`;

/**
 * KEYS: sorted set, hash. ARGV: limit, cursor kind ('' | 'id' | 'at'), cursor value (id, or padded at).
 * Returns { hasMore (0/1), id, padded at, json, id, padded at, json, … }, newest first.
 */
export const listPageScript = `
local limit = tonumber(ARGV[1])
local upper = '+'
if ARGV[2] == 'id' then
  local anchor = redis.call('HGET', KEYS[2], ARGV[3])
  if not anchor then return { 0 } end
  upper = '(' .. string.sub(anchor, 1, 16) .. ':' .. ARGV[3]
elseif ARGV[2] == 'at' then
  upper = '(' .. ARGV[3]
end
local members = redis.call('ZREVRANGEBYLEX', KEYS[1], upper, '-', 'LIMIT', 0, limit + 1)
local result = { #members > limit and 1 or 0 }
for index, member in ipairs(members) do
  if index > limit then break end
  local id = string.sub(member, 18)
  local stored = redis.call('HGET', KEYS[2], id)
  table.insert(result, id)
  table.insert(result, string.sub(member, 1, 16))
  table.insert(result, string.sub(stored, 17))
end
return result
`;

/**
 * KEYS: every key the commit touches. ARGV[1]: JSON { e: conditions, w: writes, c: channel, p: messages }.
 * A condition is [key index, version] ('' = must be absent). Writes (key indexes into KEYS):
 * ['s', value, encoded, ttl|0] · ['d', value, set, hash] · ['a', set, hash, id, at, json, max, ttl|0] ·
 * ['r', set, hash, id] · ['i', value, version, by, ttl|0]. Returns 0 when a condition fails (nothing written), 1 when applied.
 */
export const commitScript = `
local spec = cjson.decode(ARGV[1])
for _, condition in ipairs(spec.e) do
  local current = redis.call('GET', KEYS[condition[1]])
  local version = ''
  if current then
    local separator = string.find(current, ':', 1, true)
    version = separator and string.sub(current, 1, separator - 1) or '?'
  end
  if version ~= condition[2] then return 0 end
end
for _, w in ipairs(spec.w) do
  local op = w[1]
  if op == 's' then
    if w[4] == 0 then redis.call('SET', KEYS[w[2]], w[3])
    else redis.call('SET', KEYS[w[2]], w[3], 'PX', w[4]) end
  elseif op == 'd' then
    redis.call('DEL', KEYS[w[2]], KEYS[w[3]], KEYS[w[4]])
  elseif op == 'a' then
    local set, hash, id, at = KEYS[w[2]], KEYS[w[3]], w[4], w[5]
    local previous = redis.call('HGET', hash, id)
    if previous then redis.call('ZREM', set, string.sub(previous, 1, 16) .. ':' .. id) end
    redis.call('ZADD', set, 0, at .. ':' .. id)
    redis.call('HSET', hash, id, at .. w[6])
    local excess = redis.call('ZCARD', set) - w[7]
    if excess > 0 then
      local dropped = redis.call('ZRANGE', set, 0, excess - 1)
      redis.call('ZREMRANGEBYRANK', set, 0, excess - 1)
      for _, member in ipairs(dropped) do redis.call('HDEL', hash, string.sub(member, 18)) end
    end
    for _, key in ipairs({ set, hash }) do
      if w[8] == 0 then redis.call('PERSIST', key) else redis.call('PEXPIRE', key, w[8]) end
    end
  elseif op == 'r' then
    local set, hash, id = KEYS[w[2]], KEYS[w[3]], w[4]
    local previous = redis.call('HGET', hash, id)
    if previous then
      redis.call('ZREM', set, string.sub(previous, 1, 16) .. ':' .. id)
      redis.call('HDEL', hash, id)
    end
  elseif op == 'i' then
    local current = redis.call('GET', KEYS[w[2]])
    local number = 0
    if current then
      local separator = string.find(current, ':', 1, true)
      number = separator and tonumber(string.sub(current, separator + 1)) or 0
    end
    local encoded = w[3] .. ':' .. string.format('%d', number + w[4])
    if w[5] == 0 then redis.call('SET', KEYS[w[2]], encoded)
    else redis.call('SET', KEYS[w[2]], encoded, 'PX', w[5]) end
  end
end
for _, message in ipairs(spec.p) do redis.call('PUBLISH', spec.c, message) end
return 1
`;
