namespace MediaMatrix.Monitoring.Storage;

/// <summary>
/// The Lua the Redis post store runs. A script makes a poll one round trip (performance R1) and one atomic step: a crash
/// never leaves posts without their timeline entry. StackExchange.Redis sends EVALSHA once the script is cached.
/// Every write sets values from the record alone (no INCR, no "written at"), so replaying a record changes nothing (R4).
/// </summary>
internal static class PostScripts
{
    /// <summary>
    /// KEYS: posts hash, timeline zset, undated zset, poll state string (all one account, one slot).
    /// ARGV: 1 poll state JSON, 2 post keys TTL ms, 3 poll state TTL ms, 4 max posts per index,
    /// 5 retention cutoff ms or '', 6 attempt time ms (scores undated posts), then per post: id, JSON, and its
    /// <see cref="PublicationScore"/> (published ms, ".5" on date-only posts) or '' when undated.
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
    /// KEYS: posts hash, timeline zset, day-mark marker (one account, one slot). ARGV: 1 since ms, 2 marker TTL ms.
    /// Returns twice the score of each dated post published at or after `since` ms, ascending: whole numbers (Lua hands
    /// numbers back as integers), an odd one for a date-only post. Reads no post JSON, sends no id.
    /// The first read of a timeline written before the day mark marks its date-only posts (the only time post JSON is
    /// read; docs/redis-keys.md, "Day mark"), then sets the marker so later reads skip it. Marking is idempotent.
    /// </summary>
    public const string ReadPublicationTimes = """
        if redis.call('EXISTS', KEYS[3]) == 0 and redis.call('EXISTS', KEYS[2]) == 1 then
          local all = redis.call('ZRANGE', KEYS[2], 0, -1, 'WITHSCORES')
          for i = 1, #all, 2 do
            local score = tonumber(all[i + 1])
            if score == math.floor(score) then
              local json = redis.call('HGET', KEYS[1], all[i])
              local ok, post = pcall(cjson.decode, json or '')
              if ok and type(post) == 'table' and post.d == 1 then
                redis.call('ZADD', KEYS[2], 'XX', string.format('%.1f', score + 0.5), all[i])
              end
            end
          end
          redis.call('SET', KEYS[3], '1', 'PX', ARGV[2])
        end
        local scored = redis.call('ZRANGEBYSCORE', KEYS[2], ARGV[1], '+inf', 'WITHSCORES')
        local out = {}
        for i = 2, #scored, 2 do out[#out + 1] = tonumber(scored[i]) * 2 end
        return out
        """;
}
