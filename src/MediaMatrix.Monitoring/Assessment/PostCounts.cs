namespace MediaMatrix.Monitoring.Assessment;

/// <summary>How many dated posts fell in the windows ending at T, and the latest one not after T.</summary>
public readonly record struct PostCounts(DateTimeOffset? LastPostAt, int Last7d, int Last14d, int Last30d)
{
    public static PostCounts At(IReadOnlyList<Post> posts, DateTimeOffset now)
    {
        DateTimeOffset? last = null;
        int d7 = 0, d14 = 0, d30 = 0;
        foreach (var post in posts)
        {
            // Undated posts never count as an update; posts after T did not exist at T.
            if (post.PublishedAt is not { } at || at > now)
            {
                continue;
            }

            if (last is null || at > last)
            {
                last = at;
            }

            var age = now - at;
            if (age <= TimeSpan.FromDays(30))
            {
                d30++;
                if (age <= TimeSpan.FromDays(14))
                {
                    d14++;
                    if (age <= TimeSpan.FromDays(7))
                    {
                        d7++;
                    }
                }
            }
        }

        return new PostCounts(last, d7, d14, d30);
    }
}
