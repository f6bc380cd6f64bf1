using MediaMatrix.Monitoring.Assessment;

namespace MediaMatrix.Monitoring.Content;

/// <summary>
/// The content checks of one account's posts inside an evaluation window, as the round runs them: each post's title and
/// text checked together, each hit made a <see cref="ContentFinding"/> with its evidence. Pure: the known findings say
/// which were proposed, confirmed or dismissed before (a dismissed finding's id never comes back as new).
/// </summary>
public static class ContentScan
{
    /// <summary>The findings in <paramref name="posts"/> published in [<paramref name="from"/>, <paramref name="at"/>] that
    /// <paramref name="known"/> does not hold yet, in post order (newest first, as the store gives them) then by position.</summary>
    public static IReadOnlyList<ContentFinding> NewFindings(
        ContentChecker checker, string accountId, IReadOnlyList<Post> posts, DateTimeOffset from, DateTimeOffset at,
        TimeZoneInfo zone, IReadOnlySet<string> known)
    {
        List<ContentFinding>? found = null;
        var asOf = DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(at, zone).DateTime);
        foreach (var post in posts)
        {
            if (post.PublishedAt is not { } published || published < from || published > at)
                continue;

            // Title and text read as one: an error in the headline is the one inspectors see first.
            var text = post.Text is null ? post.Title : post.Title + "\n" + post.Text;
            var hits = checker.Check(text, asOf);
            if (hits.Count == 0)
                continue;

            var normal = ContentText.Normalize(text);
            foreach (var hit in hits)
            {
                var id = ContentFinding.IdOf(accountId, post.Id, hit.Rule);
                if (known.Contains(id) || (found?.Exists(f => f.Id == id) ?? false))
                    continue;

                var (before, match, after) = checker.Excerpt(normal, hit);
                (found ??= []).Add(new ContentFinding(id, accountId, post.Id, hit.Rule, hit.Kind, hit.Severity, at)
                {
                    PostTitle = post.Title,
                    PostLink = post.Link,
                    PublishedAt = published,
                    Before = before,
                    Match = hit.Kind == FindingKind.PersonalDataLeak ? Masked(match) : match,
                    After = after,
                    Correct = hit.Correct,
                    Source = hit.Source,
                });
            }
        }

        return found ?? (IReadOnlyList<ContentFinding>)[];
    }

    /// <summary>
    /// A leaked number as the finding keeps it: its first and last digits, the middle masked, as bulletins print them.
    /// The finding is shown in pages, mail and bulletins; it must not spread the number it reports.
    /// </summary>
    public static string Masked(string number)
    {
        static bool IsDigit(char c) => char.IsAsciiDigit(c) || c is 'X' or 'x';
        var digits = number.Count(IsDigit);
        var (keepStart, keepEnd) = digits >= 15 ? (6, 4) : (3, 4);
        var chars = number.ToCharArray();
        var seen = 0;
        for (var i = 0; i < chars.Length; i++)
        {
            if (!IsDigit(chars[i]))
                continue;

            if (seen >= keepStart && seen < digits - keepEnd)
                chars[i] = '*';
            seen++;
        }

        return new string(chars);
    }
}
