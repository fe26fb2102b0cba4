//! The Lua scripts that change a shared session in Redis: each checks, then writes, in
//! one step no other server's command can come between.
//!
//! Keys, always in this order: the snapshot hash, the lease, the log stream, the
//! request stream (see [`super::SessionKeys`]).

use std::sync::LazyLock;

use redis::Script;

/// Creates the session, unless it exists (or, with ARGV[4] '1', replaces it if nobody
/// else holds its lease): the snapshot, the lease (taken by its creator), and no log or
/// requests. ARGV: server, lease ms, ttl ms, replace, then the snapshot's fields and
/// values. Returns 1 if this call created it.
pub(super) static CREATE: LazyLock<Script> = LazyLock::new(|| {
    Script::new(
        r"
if redis.call('EXISTS', KEYS[1]) == 1 then
  if ARGV[4] ~= '1' then return 0 end
  local holder = redis.call('GET', KEYS[2])
  if holder ~= false and holder ~= ARGV[1] then return 0 end
end
redis.call('DEL', KEYS[1], KEYS[3], KEYS[4])
local fields = {}
for i = 5, #ARGV do fields[#fields + 1] = ARGV[i] end
redis.call('HSET', KEYS[1], unpack(fields))
redis.call('HSET', KEYS[1], 'last', redis.call('HGET', KEYS[1], 'n'))
redis.call('PEXPIRE', KEYS[1], ARGV[3])
redis.call('SET', KEYS[2], ARGV[1], 'PX', ARGV[2])
return 1
",
    )
});

/// Appends entries to the log, if this server holds the lease, the session is the epoch
/// it knows, and the log ends where it thinks (a Redis restored from an older save has
/// gone back in time). ARGV: server, epoch, last n, maxlen, entries…. Returns the new
/// entries' ids, or {'gone'} / {'lost'}.
pub(super) static APPEND: LazyLock<Script> = LazyLock::new(|| {
    Script::new(
        r"
if redis.call('HGET', KEYS[1], 'epoch') ~= ARGV[2] then return {'gone'} end
if redis.call('HGET', KEYS[1], 'last') ~= ARGV[3] then return {'gone'} end
if redis.call('GET', KEYS[2]) ~= ARGV[1] then return {'lost'} end
local ids = {}
for i = 5, #ARGV do
  ids[#ids + 1] = redis.call('XADD', KEYS[3], 'MAXLEN', '~', ARGV[4], '*', 'e', ARGV[i])
end
redis.call('HSET', KEYS[1], 'last', tostring(tonumber(ARGV[3]) + #ARGV - 4))
local ttl = redis.call('PTTL', KEYS[1])
if ttl > 0 then redis.call('PEXPIRE', KEYS[3], ttl) end
return ids
",
    )
});

/// Renews this server's lease, or takes it if nobody holds it and ARGV[5] is '1'; with a
/// ttl (ARGV[4] > 0), keeps the session's keys that much longer (a server with
/// connections to it calls this). ARGV: server, epoch, lease ms, ttl ms, may take.
/// Returns 'owner', 'won', 'other' or 'gone' (no such session in this epoch).
pub(super) static LEASE: LazyLock<Script> = LazyLock::new(|| {
    Script::new(
        r"
if redis.call('HGET', KEYS[1], 'epoch') ~= ARGV[2] then return 'gone' end
local holder = redis.call('GET', KEYS[2])
local result = 'other'
if holder == ARGV[1] then
  redis.call('PEXPIRE', KEYS[2], ARGV[3])
  result = 'owner'
elseif holder == false and ARGV[5] == '1' then
  redis.call('SET', KEYS[2], ARGV[1], 'PX', ARGV[3])
  result = 'won'
end
if ARGV[4] ~= '0' then
  redis.call('PEXPIRE', KEYS[1], ARGV[4])
  redis.call('PEXPIRE', KEYS[3], ARGV[4])
  redis.call('PEXPIRE', KEYS[4], ARGV[4])
end
return result
",
    )
});

/// Lets go of the lease if this server holds it. ARGV: server.
pub(super) static RELEASE: LazyLock<Script> = LazyLock::new(|| {
    Script::new(
        r"
if redis.call('GET', KEYS[2]) == ARGV[1] then redis.call('DEL', KEYS[2]) end
return 1
",
    )
});

/// Writes a snapshot and trims the log before it (and the requests already handled), if
/// this server holds the lease. ARGV: server, epoch, log id trimmed to, request id
/// trimmed to (or ''), then the snapshot's fields and values. Returns 'ok', 'gone' or
/// 'lost'.
pub(super) static SNAPSHOT: LazyLock<Script> = LazyLock::new(|| {
    Script::new(
        r"
if redis.call('HGET', KEYS[1], 'epoch') ~= ARGV[2] then return 'gone' end
if redis.call('GET', KEYS[2]) ~= ARGV[1] then return 'lost' end
local fields = {}
for i = 5, #ARGV do fields[#fields + 1] = ARGV[i] end
redis.call('HSET', KEYS[1], unpack(fields))
redis.call('XTRIM', KEYS[3], 'MINID', ARGV[3])
if ARGV[4] ~= '' then redis.call('XTRIM', KEYS[4], 'MINID', ARGV[4]) end
return 'ok'
",
    )
});

/// The snapshot and every log entry after it, read together so they agree. Returns
/// false when there is no session, else {snapshot fields and values, entries}.
pub(super) static LOAD: LazyLock<Script> = LazyLock::new(|| {
    Script::new(
        r"
local doc = redis.call('HGETALL', KEYS[1])
if #doc == 0 then return false end
local at = redis.call('HGET', KEYS[1], 'at')
return {doc, redis.call('XRANGE', KEYS[3], '(' .. at, '+')}
",
    )
});
