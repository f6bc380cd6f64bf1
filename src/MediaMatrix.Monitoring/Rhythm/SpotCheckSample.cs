namespace MediaMatrix.Monitoring.Rhythm;

/// <summary>日抽查's random draw: seeded by the day, so the sample can be reproduced for the record and a re-fired job
/// checks the same accounts.</summary>
public static class SpotCheckSample
{
    public static IReadOnlyList<string> Draw(IReadOnlyList<string> accountIds, int size, int seed, DateOnly day)
    {
        var random = new Random(HashCode.Combine(seed, day.DayNumber));
        var shuffled = accountIds.ToArray();
        random.Shuffle(shuffled);
        return [.. shuffled.Take(Math.Max(0, size))];
    }
}
