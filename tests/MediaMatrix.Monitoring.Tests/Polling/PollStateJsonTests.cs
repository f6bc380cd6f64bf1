using System.Text.Json;
using MediaMatrix.Monitoring.Polling;
using MediaMatrix.Monitoring.Storage;

namespace MediaMatrix.Monitoring.Tests.Polling;

/// <summary>Poll states already in Redis were written before a member existed; they must still read.</summary>
public class PollStateJsonTests
{
    [Fact]
    public void StateStoredBeforeTitlesWereCounted_ReadsWithNoneCut()
    {
        const string Stored = """{"lastAttemptAt":"2026-11-20T08:00:00+08:00","lastSuccessAt":"2026-11-20T08:00:00+08:00","lastItemCount":20,"lastUndatedCount":2,"eTag":"\"v1\"","backoffLevel":1,"postsLastWeek":5}""";

        var state = JsonSerializer.Deserialize(Stored, StorageJsonContext.Compact.PollState)!;

        Assert.Equal(0, state.LastTitlesCut);
        Assert.Equal((20, 2, "\"v1\"", 1, 5), (state.LastItemCount, state.LastUndatedCount, state.ETag, state.BackoffLevel, state.PostsLastWeek));
    }

    [Fact]
    public void TitlesCut_IsWrittenAndReadBack_AndLeftOutWhenZero()
    {
        var state = new PollState(LastItemCount: 3, LastTitlesCut: 2);

        var json = JsonSerializer.Serialize(state, StorageJsonContext.Compact.PollState);

        Assert.Contains("\"lastTitlesCut\":2", json, StringComparison.Ordinal);
        Assert.Equal(state, JsonSerializer.Deserialize(json, StorageJsonContext.Compact.PollState));
        Assert.DoesNotContain("lastTitlesCut", JsonSerializer.Serialize(state with { LastTitlesCut = 0 }, StorageJsonContext.Compact.PollState), StringComparison.Ordinal);
    }
}
