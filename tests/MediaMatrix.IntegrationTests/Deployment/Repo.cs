namespace MediaMatrix.IntegrationTests.Deployment;

/// <summary>Paths in the repository, found by walking up from the test binary to MediaMatrix.sln.</summary>
internal static class Repo
{
    private static readonly Lazy<string> LazyRoot = new(FindRoot);

    public static string Root => LazyRoot.Value;

    public static string Chart => Path.Combine(Root, "charts", "mediamatrix");

    public static string PathOf(params string[] parts) => Path.Combine([Root, .. parts]);

    public static string Read(params string[] parts) => File.ReadAllText(PathOf(parts));

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "MediaMatrix.sln")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException($"MediaMatrix.sln not found above {AppContext.BaseDirectory}");
    }
}
