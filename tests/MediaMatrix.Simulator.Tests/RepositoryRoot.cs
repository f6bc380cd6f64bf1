namespace MediaMatrix.Simulator.Tests;

/// <summary>The checkout the tests run from, found by walking up to MediaMatrix.sln.</summary>
internal static class RepositoryRoot
{
    public static string Path { get; } = Find();

    private static string Find()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(System.IO.Path.Combine(directory.FullName, "MediaMatrix.sln")))
            {
                return directory.FullName;
            }
        }

        throw new InvalidOperationException("MediaMatrix.sln not found above " + AppContext.BaseDirectory);
    }
}
