using MediaMatrix.Simulator.Cast;

namespace MediaMatrix.Simulator.History;

/// <summary>
/// Where a behaviour bends the regular cadence: the instant regular posting stopped, and the
/// few sporadic posts after it. Ages are whole days before the anchor; a sporadic post lands at
/// a daytime hour of that day, so its true age is within a day of the number written here.
/// </summary>
internal sealed record HistoryPlan(DateTimeOffset? RegularUntil, IReadOnlyList<DateTimeOffset> Sporadic)
{
    public static HistoryPlan For(SimulatedAccount account, int seed, DateTimeOffset anchor)
    {
        var random = new Random(StableHash.Of(seed, account.Id, "plan"));
        DateTimeOffset DaysAgo(int days) => anchor.AddDays(-days);
        DateTimeOffset SporadicPost(int daysAgo) =>
            ChinaTime.At(ChinaTime.DateOf(DaysAgo(daysAgo)), random.Next(9, 17), random.Next(60));

        return account.Behaviour switch
        {
            // Regular until five weeks ago, then one post at ~24 days and the last at 11–12 days:
            // still inside the 2-week window at the anchor, and out of it three days later.
            AccountBehaviour.Slowing => new(DaysAgo(35), [SporadicPost(24), SporadicPost(random.Next(11, 13))]),
            // Cut at 17–22 days: a member's cadence leaves its last post up to 2½ days before the cut, so 17–25.
            AccountBehaviour.Quiet => new(DaysAgo(random.Next(17, 23)), []),
            // Three posts in the last 90 days (≤ 3 is the dormant rule), the last 31–59 days ago.
            AccountBehaviour.Dormant => new(DaysAgo(150), [SporadicPost(85), SporadicPost(70), SporadicPost(random.Next(31, 60))]),
            AccountBehaviour.Zombie => new(DaysAgo(random.Next(130, 201)), []),
            _ => new(null, []),
        };
    }
}
