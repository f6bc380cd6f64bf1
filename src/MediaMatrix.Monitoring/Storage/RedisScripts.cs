namespace MediaMatrix.Monitoring.Storage;

/// <summary>
/// The Lua the Redis store runs. A script makes a poll one round trip (performance R1) and one atomic step: a crash
/// never leaves posts without their timeline entry. StackExchange.Redis sends EVALSHA once the script is cached.
/// Every write sets values from the record alone (no INCR, no "written at"), so replaying a record changes nothing (R4).
/// </summary>
internal static class RedisScripts
{
    /// <summary>
    /// KEYS: posts hash, timeline zset, undated zset, poll state string (all one account, one slot).
    /// ARGV: 1 poll state JSON, 2 post keys TTL ms, 3 poll state TTL ms, 4 max posts per index,
    /// 5 retention cutoff ms or '', 6 attempt time ms (scores undated posts), then per post: id, JSON, published ms or ''.
    /// Returns how many posts are new and still kept after trimming.
    /// </summary>
    public const string RecordPoll = """
        local posts, timeline, undated, poll = KEYS[1], KEYS[2], KEYS[3], KEYS[4]
        local max, cutoff = tonumber(ARGV[4]), ARGV[5]
        local fresh = {}
        for i = 7, #ARGV, 3 do
          local id, published = ARGV[i], ARGV[i + 2]
          if redis.call('HSET', posts, id, ARGV[i + 1]) == 1 then fresh[#fresh + 1] = id end
          if published == '' then
            redis.call('ZREM', timeline, id)
            redis.call('ZADD', undated, ARGV[6], id)
          else
            redis.call('ZREM', undated, id)
            redis.call('ZADD', timeline, published, id)
          end
        end

        local function forget(ids)
          for _, id in ipairs(ids) do redis.call('HDEL', posts, id) end
        end
        local function trim(index)
          if cutoff ~= '' then
            local old = redis.call('ZRANGEBYSCORE', index, '-inf', '(' .. cutoff)
            if #old > 0 then
              redis.call('ZREMRANGEBYSCORE', index, '-inf', '(' .. cutoff)
              forget(old)
            end
          end
          local excess = redis.call('ZCARD', index) - max
          if excess > 0 then
            forget(redis.call('ZRANGE', index, 0, excess - 1))
            redis.call('ZREMRANGEBYRANK', index, 0, excess - 1)
          end
        end
        trim(timeline)
        trim(undated)

        local added = 0
        for _, id in ipairs(fresh) do added = added + redis.call('HEXISTS', posts, id) end
        redis.call('SET', poll, ARGV[1], 'PX', ARGV[3])
        redis.call('PEXPIRE', posts, ARGV[2])
        redis.call('PEXPIRE', timeline, ARGV[2])
        redis.call('PEXPIRE', undated, ARGV[2])
        return added
        """;

    /// <summary>
    /// KEYS: posts hash, timeline zset. ARGV: 1 since ms. Returns id, JSON pairs newest first, read in one
    /// round trip and one consistent view (a concurrent trim cannot leave an id without its post).
    /// </summary>
    public const string ReadTimeline = """
        local ids = redis.call('ZREVRANGEBYSCORE', KEYS[2], '+inf', ARGV[1])
        local out = {}
        for _, id in ipairs(ids) do
          local json = redis.call('HGET', KEYS[1], id)
          if json then
            out[#out + 1] = id
            out[#out + 1] = json
          end
        end
        return out
        """;

    /// <summary>
    /// KEYS: evaluations zset (one account). ARGV: 1 evaluation time ms, 2 record JSON, 3 max kept, 4 TTL ms.
    /// Replaces whatever was stored for the same instant (the member is the JSON, so a plain ZADD would keep both),
    /// then drops the oldest beyond the bound. One round trip, and replaying it leaves the same key.
    /// </summary>
    public const string SaveEvaluation = """
        redis.call('ZREMRANGEBYSCORE', KEYS[1], ARGV[1], ARGV[1])
        redis.call('ZADD', KEYS[1], ARGV[1], ARGV[2])
        local excess = redis.call('ZCARD', KEYS[1]) - tonumber(ARGV[3])
        if excess > 0 then redis.call('ZREMRANGEBYRANK', KEYS[1], 0, excess - 1) end
        redis.call('PEXPIRE', KEYS[1], ARGV[4])
        return 1
        """;
}
