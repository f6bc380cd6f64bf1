using System.Globalization;
using System.Text;
using MediaMatrix.Hosting;
using MediaMatrix.Monitoring;
using MediaMatrix.Monitoring.Extraction;
using MediaMatrix.Monitoring.Fetching;
using MediaMatrix.Monitoring.Matrix;

namespace MediaMatrix.Cli;

/// <summary>
/// <c>profile test --config FILE --profile NAME --url URL [--kind html|json|feed]</c>: fetch one
/// page the way a poll would (the config's allowPrivateNetworks, the Fetch settings) and print what
/// the profile extracted and what it could not (undated items, items without a link), so an
/// operator writes a profile for a new site in minutes without touching C#.
/// Exit 0 when dated posts were read, 1 when the page could not be read as posts.
/// </summary>
internal static class ProfileCommand
{
    public static async Task<int> RunAsync(CliArguments cli, CancellationToken cancellationToken)
    {
        if (cli.SubVerb != "test" || cli.Get("profile") is not { Length: > 0 } name || cli.Get("url") is not { Length: > 0 } urlText)
        {
            await Console.Error.WriteLineAsync("usage: mediamatrix profile test --config FILE --profile NAME --url URL [--kind html|json|feed]");
            return 2;
        }

        var settings = Settings.Build(cli);
        var matrix = MatrixFile.Load(settings, Console.Error);
        if (matrix is null)
        {
            return 1;
        }

        if (!matrix.Profiles.TryGetValue(name, out var profile))
        {
            await Console.Error.WriteLineAsync($"--profile: unknown profile '{name}' (the config has: {string.Join(", ", matrix.Profiles.Keys)})");
            return 1;
        }

        // Private addresses are left to the fetcher's connect-time gate, which honours the config's allowPrivateNetworks.
        if (!Uri.TryCreate(urlText, UriKind.Absolute, out var url) || url.Scheme is not ("http" or "https"))
        {
            await Console.Error.WriteLineAsync($"--url: '{urlText}' is not an absolute http or https URL");
            return 1;
        }

        var fetchOptions = MonitoringServices.FetchSettings(settings);
        using var fetcher = new SourceFetcher(SourceHttpClient.Create(fetchOptions, matrix.Matrix.AllowPrivateNetworks), fetchOptions, TimeProvider.System);
        // A source in the config at this URL lends its headers (cookies from the environment) and its kind.
        var source = matrix.Accounts.Select(a => a.Source).FirstOrDefault(s => s.Url == url);
        var fetch = await fetcher.FetchAsync(url, null, null, source?.Headers, cancellationToken);
        if (fetch.Outcome != FetchOutcome.Fetched)
        {
            await Console.Out.WriteLineAsync($"GET {url} failed: {Words(fetch.ErrorClass)}: {fetch.Error}");
            return 1;
        }

        await Console.Out.WriteLineAsync($"GET {url} → {(int?)fetch.Status} {fetch.ContentType}, {fetch.Body.Length:N0} bytes");
        var kind = KindOf(cli.Get("kind"), source, matrix, name, fetch.Body.Span);
        try
        {
            var now = TimeProvider.System.GetUtcNow();
            var result = PostExtractor.Extract(new ExtractionRequest(kind, profile, fetch.Body, fetch.ContentType, url, now, matrix.Matrix.TimeZone));
            await Console.Out.WriteAsync(Describe(name, kind, result, matrix.Matrix.TimeZone));
            return result.Posts.Any(p => p.PublishedAt is not null) || result.EmptyByMarker ? 0 : 1;
        }
        catch (ExtractionException ex)
        {
            await Console.Out.WriteLineAsync($"profile '{name}' ({kind.ToString().ToLowerInvariant()}): nothing extracted — {Words(ex.ErrorClass)}: {ex.Message}");
            return 1;
        }
    }

    private static SourceKind KindOf(string? flag, Source? source, MatrixConfig matrix, string profile, ReadOnlySpan<byte> body)
    {
        if (flag is not null && Enum.TryParse<SourceKind>(flag, ignoreCase: true, out var chosen))
        {
            return chosen;
        }

        if ((source ?? matrix.Accounts.Select(a => a.Source).FirstOrDefault(s => s.Profile == profile)) is { } used)
        {
            return used.Kind;
        }

        var first = body.TrimStart(" \t\r\n\uFEFF"u8);
        return first.Length > 0 && first[0] is (byte)'{' or (byte)'[' ? SourceKind.Json : SourceKind.Html;
    }

    private static string Describe(string name, SourceKind kind, ExtractionResult result, TimeZoneInfo zone)
    {
        var posts = result.Posts;
        var text = new StringBuilder();
        var noLink = posts.Count(p => p.Link is null);
        text.Append(CultureInfo.InvariantCulture,
            $"profile '{name}' ({kind.ToString().ToLowerInvariant()}): {posts.Count} items — {posts.Count - result.UndatedCount} dated, {result.UndatedCount} undated, {posts.Count(p => p.Pinned)} pinned, {noLink} without a link\n");
        if (result.EmptyByMarker)
        {
            text.Append("the page shows the profile's empty marker: a legitimately empty list\n");
        }

        for (var i = 0; i < posts.Count; i++)
        {
            var p = posts[i];
            var date = p.PublishedAt is { } at ? TimeZoneInfo.ConvertTime(at, zone).ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture) : "(no date)       ";
            text.Append(CultureInfo.InvariantCulture, $"{i + 1,3}. {date}  {(p.Pinned ? "[置顶] " : string.Empty)}{p.Title}\n")
                .Append(CultureInfo.InvariantCulture, $"     {p.Link ?? "(no link)"}{Metrics(p.Metrics)}\n");
        }

        if (result.UndatedCount > 0)
        {
            text.Append(CultureInfo.InvariantCulture, $"could not read a date for {result.UndatedCount} items: check 'published' (and 'dateFormats' or a 'replace' filter)\n");
        }

        if (result.TitlesCut > 0)
        {
            text.Append(CultureInfo.InvariantCulture, $"{result.TitlesCut} titles were longer than {ScrapedText.MaxTitleLength} characters and are kept cut: check 'title'\n");
        }

        if (noLink > 0)
        {
            text.Append(CultureInfo.InvariantCulture, $"{noLink} items have no link: check 'link' (e.g. a@href)\n");
        }

        if (result.NextPage is { } next)
        {
            text.Append(CultureInfo.InvariantCulture, $"next page: {next}\n");
        }

        return text.ToString();
    }

    private static string Metrics(PostMetrics? m) => m is null ? string.Empty
        : $"  (reads {m.Reads?.ToString(CultureInfo.InvariantCulture) ?? "-"}, likes {m.Likes?.ToString(CultureInfo.InvariantCulture) ?? "-"}, comments {m.Comments?.ToString(CultureInfo.InvariantCulture) ?? "-"}, followers {m.Followers?.ToString(CultureInfo.InvariantCulture) ?? "-"})";

    private static string Words(Monitoring.Fetching.FetchErrorClass errorClass) => errorClass.ToString().ToLowerInvariant();
}
