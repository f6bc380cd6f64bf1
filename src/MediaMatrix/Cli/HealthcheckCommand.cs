namespace MediaMatrix.Cli;

/// <summary>
/// <c>healthcheck [--url URL]</c>: exit 0 when /healthz answers 200. For the container's HEALTHCHECK,
/// because the runtime image has no curl.
/// </summary>
internal static class HealthcheckCommand
{
    public static async Task<int> RunAsync(CliArguments cli, CancellationToken cancellationToken)
    {
        var url = cli.Get("url") ?? "http://127.0.0.1:8080/healthz";
        using var client = new HttpClient { Timeout = TimeSpan.FromSeconds(3) };
        try
        {
            using var response = await client.GetAsync(new Uri(url), cancellationToken);
            return response.IsSuccessStatusCode ? 0 : 1;
        }
        catch (Exception ex) when (ex is HttpRequestException or TaskCanceledException)
        {
            await Console.Error.WriteLineAsync($"healthcheck: {url}: {ex.Message}");
            return 1;
        }
    }
}
