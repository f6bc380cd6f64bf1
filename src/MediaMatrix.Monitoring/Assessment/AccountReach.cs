namespace MediaMatrix.Monitoring.Assessment;

/// <summary>Attention (followers) and reach (median reads per post) where the platform shows them; null where it does not.</summary>
public sealed record AccountReach(long? Followers, double? MedianReads);

/// <summary>The matrix's medians of the same figures, over the accounts that show them: reach is judged relative to these.</summary>
public sealed record MatrixReach(double? MedianFollowers, double? MedianReads)
{
    public static MatrixReach Of(IEnumerable<AccountReach?> accounts)
    {
        var followers = new List<double>();
        var reads = new List<double>();
        foreach (var reach in accounts)
        {
            if (reach?.Followers is { } f)
            {
                followers.Add(f);
            }

            if (reach?.MedianReads is { } r)
            {
                reads.Add(r);
            }
        }

        return new MatrixReach(Median(followers), Median(reads));
    }

    private static double? Median(List<double> values)
    {
        if (values.Count == 0)
        {
            return null;
        }

        values.Sort();
        var middle = values.Count / 2;
        return values.Count % 2 == 1 ? values[middle] : (values[middle - 1] + values[middle]) / 2;
    }
}
