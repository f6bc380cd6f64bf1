using MediaMatrix.Hosting;
using MediaMatrix.Monitoring;
using MediaMatrix.Monitoring.Rounds;
using MediaMatrix.Monitoring.Matrix;
using MediaMatrix.Monitoring.Storage;
using MediaMatrix.Monitoring.Tasks;

namespace MediaMatrix.Web;

/// <summary>What the pages and the API read: the latest evaluation round (re-run when older than Web:ReportMaxAge, default 30 s), posts, tasks.</summary>
internal sealed class MatrixView(
    EvaluationRound round, LatestReport latest, MatrixConfig matrix, IPostStore store, TimeProvider time, TaskBook tasks, WebOptions web)
{
    // The evaluation job refreshes the report on its own rhythm; a page never shows one older than this (Web:ReportMaxAge).
    private readonly TimeSpan _maxAge = web.ReportMaxAge;

    public MatrixConfig Matrix => matrix;

    public TaskBook Tasks => tasks;

    /// <summary>Now in the matrix's time zone (days on the heatmap are local days).</summary>
    public DateTimeOffset Now
    {
        get
        {
            var now = time.GetUtcNow();
            return now.ToOffset(matrix.Matrix.TimeZone.GetUtcOffset(now));
        }
    }

    public async Task<MatrixReport> ReportAsync(CancellationToken ct)
    {
        var now = Now;
        if (latest.Current is { } current && now - current.EvaluatedAt < _maxAge)
        {
            return current;
        }

        var report = await round.RunAsync(now, ct);
        latest.Publish(report);
        return report;
    }

    public async Task<IReadOnlyDictionary<string, IReadOnlyList<Post>>> PostsAsync(IEnumerable<string> accountIds, TimeSpan back, CancellationToken ct)
    {
        var since = Now - back;
        var posts = new Dictionary<string, IReadOnlyList<Post>>(StringComparer.Ordinal);
        // Reads in flight together (the Redis client pipelines them), a chunk at a time: one awaited round trip per
        // account made the overview at 1,000 accounts cost 1,000 sequential round trips (performance U1).
        foreach (var chunk in accountIds.Distinct(StringComparer.Ordinal).Chunk(256))
        {
            var reads = chunk.Select(id => (Id: id, Posts: store.GetPostsAsync(id, since, ct))).ToList();
            await Task.WhenAll(reads.Select(r => r.Posts));
            foreach (var (id, read) in reads)
            {
                posts[id] = await read;
            }
        }

        return posts;
    }

    /// <summary>The cluster tasks' completion grid of the latest round (the one <see cref="ReportAsync"/> gives).</summary>
    public async Task<CompletionMatrix> CompletionsAsync(CancellationToken ct) => (await ReportAsync(ct)).Completions;

    /// <summary>An operator changed what the round judges (a task, a manual completion): the next page runs a new round.</summary>
    public void Changed() => latest.Invalidate();

    public Account? Account(string id) => matrix.Accounts.FirstOrDefault(a => a.Id == id);
}
