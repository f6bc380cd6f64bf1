using System.Text;
using MediaMatrix.Monitoring;
using MediaMatrix.Monitoring.Polling;
using MediaMatrix.Monitoring.Storage;

namespace MediaMatrix.Benchmarks.Runs;

/// <summary>
/// R3: Redis memory per stored post against the post's own bytes (id + title + link + an 8-byte time). Accounts are
/// first written with no posts, so the per-account keys (poll state, due entry) are not charged to the posts; then each
/// gets its posts in one poll. Target: ≤ 1.35× the payload.
/// </summary>
internal static class MemoryPerPostRun
{
    private static readonly string[] Titles =
    [
        "关于开展2026年冬季森林防火工作的通知", "区人力社保局发布2026年第四季度就业见习岗位公告", "定海区举行安全生产月活动启动仪式",
        "关于调整城乡居民基本医疗保险缴费标准的公告", "区教育局召开全区中小学校长工作会议部署秋季开学工作",
    ];

    public static async Task<int> RunAsync(RunArguments args)
    {
        var accounts = args.Int("accounts", 1000);
        var postsPerAccount = args.Int("posts", 20);
        // --text N: each post carries N characters of body text (Post.Text, issue 13); the payload counts its bytes too.
        var textLength = args.Int("text", 0);
        // --listpack-value N: what raising Redis's small-encoding limit (64 bytes by default) would save.
        var listpackValue = args.Text("listpack-value");
        await using var redis = listpackValue is null
            ? await RedisProcess.StartAsync()
            : await RedisProcess.StartAsync("--hash-max-listpack-value", listpackValue, "--zset-max-listpack-value", listpackValue);
        await using var connection = await RedisProcess.ConnectAsync(redis.EndPoint);
        var store = new RedisPostStore(connection, new StoreOptions { KeyPrefix = "r3" });
        var now = DateTimeOffset.FromUnixTimeSeconds(1_795_000_000);
        var state = new PollState(LastAttemptAt: now, LastSuccessAt: now, ETag: "\"5d8c72a5edda8d6a\"", NextDueAt: now.AddHours(4));
        var ids = Enumerable.Range(0, accounts).Select(a => $"acct-{a:D6}").ToList();

        var empty = await RedisCounters.ReadAsync(redis.Server);
        await Task.WhenAll(ids.Select(id => store.RecordPollAsync(new PollRecord(id, [], state), CancellationToken.None)));
        var withAccounts = await RedisCounters.ReadAsync(redis.Server);

        long payload = 0;
        var all = ids.Select(id => (id, posts: PostsOf(id, postsPerAccount, now, textLength))).ToList();
        foreach (var (_, posts) in all)
        {
            payload += posts.Sum(p => Encoding.UTF8.GetByteCount(p.Id) + Encoding.UTF8.GetByteCount(p.Title) + Encoding.UTF8.GetByteCount(p.Link ?? "") + 8 + Encoding.UTF8.GetByteCount(p.Text ?? ""));
        }

        await Task.WhenAll(all.Select(a => store.RecordPollAsync(new PollRecord(a.id, a.posts, state), CancellationToken.None)));
        var withPosts = await RedisCounters.ReadAsync(redis.Server);

        var totalPosts = (long)accounts * postsPerAccount;
        var perPost = (double)(withPosts.UsedMemory - withAccounts.UsedMemory) / totalPosts;
        var payloadPerPost = (double)payload / totalPosts;
        var keys = new RedisKeys("r3");
        var sample = (long)(await connection.GetDatabase().ExecuteAsync("MEMORY", "USAGE", (string)keys.Posts(ids[0])!, "SAMPLES", "0"));
        var sampleTimeline = (long)(await connection.GetDatabase().ExecuteAsync("MEMORY", "USAGE", (string)keys.Timeline(ids[0])!, "SAMPLES", "0"));
        var encodings = $"{await connection.GetDatabase().KeyEncodingAsync(keys.Posts(ids[0]))}/{await connection.GetDatabase().KeyEncodingAsync(keys.Timeline(ids[0]))}";
        MachineLoad.Report("R3", $"[text {textLength} chars; listpack value limit {listpackValue ?? "64 (default)"}; posts/timeline encoding {encodings}] {accounts} accounts × {postsPerAccount} posts: used_memory +{perPost:0} B per post vs payload {payloadPerPost:0} B = {perPost / payloadPerPost:0.00}× " +
            $"(per-account keys before posts: {(double)(withAccounts.UsedMemory - empty.UsedMemory) / accounts:0} B); MEMORY USAGE of one account: posts hash {sample} B + timeline {sampleTimeline} B = {(double)(sample + sampleTimeline) / postsPerAccount:0} B per post");
        return 0;
    }

    private static List<Post> PostsOf(string accountId, int count, DateTimeOffset now, int textLength) =>
        [.. Enumerable.Range(0, count).Select(n =>
        {
            var link = $"https://www.dinghai.gov.cn/art/2026/11/{1 + (n % 27):D2}/art_1229_{accountId[5..]}{n:D4}.html";
            var text = textLength == 0 ? null : Body(n, textLength);
            return new Post(link, Titles[n % Titles.Length], link, now.AddHours(-6 * n), Text: text);
        })];

    private static string Body(int n, int length)
    {
        var body = new StringBuilder(length + 64);
        for (var i = n; body.Length < length; i++)
            body.Append(Titles[i % Titles.Length]).Append('，').Append(i).Append('。');
        return body.ToString(0, length);
    }
}
