namespace MediaMatrix.Benchmarks.Inputs;

/// <summary>The unit tests' saved real pages, copied beside the binary by the project file.</summary>
internal static class Fixtures
{
    public const string GovListPage = "list-pages/disclosure-list_meta-gb2312-but-utf8-bytes.html";
    public const string RsshubFeed = "rss/rsshub_bilibili-user-channel.xml";

    public static string Text(string relativePath) => File.ReadAllText(PathOf(relativePath));

    public static string PathOf(string relativePath)
    {
        // BenchmarkDotNet runs each benchmark from a generated folder below the binary; look upwards for the fixtures.
        for (var folder = new DirectoryInfo(AppContext.BaseDirectory); folder is not null; folder = folder.Parent)
        {
            var candidate = Path.Combine(folder.FullName, "Fixtures", relativePath);
            if (File.Exists(candidate))
            {
                return candidate;
            }
        }

        throw new FileNotFoundException($"fixture {relativePath} not found above {AppContext.BaseDirectory}");
    }
}
