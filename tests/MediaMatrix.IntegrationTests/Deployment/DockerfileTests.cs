using System.Text.Json;
using System.Text.RegularExpressions;
using System.Xml.Linq;

namespace MediaMatrix.IntegrationTests.Deployment;

/// <summary>
/// The Dockerfile, checked without a Docker engine: its stages, the non-root user, the health check, the port,
/// and that everything it copies and builds exists in the repository and survives .dockerignore.
/// </summary>
public sealed partial class DockerfileTests
{
    private const string AppProject = "src/MediaMatrix/MediaMatrix.csproj";

    private static readonly Dockerfile Docker = Dockerfile.Parse(Repo.Read("Dockerfile"));

    [Fact]
    public void Stages_BuildOnTheSdk_RunOnTheAspNetRuntime()
    {
        Assert.True(Docker.Stages.Count >= 2, "multi-stage: a build stage and a runtime stage");
        Assert.StartsWith("mcr.microsoft.com/dotnet/sdk:10.0", Docker.Stages[0].Image, StringComparison.Ordinal);
        Assert.NotNull(Docker.Stages[0].Name);
        Assert.StartsWith("mcr.microsoft.com/dotnet/aspnet:10.0", Docker.Final.Image, StringComparison.Ordinal);
        Assert.Empty(Docker.Final.All("RUN"));
    }

    [Fact]
    public void Runtime_RunsAsTheNonRootAppUser()
    {
        var user = Assert.Single(Docker.Final.All("USER")).Args;
        var name = user.Split(':')[0];
        Assert.DoesNotContain(name, new[] { "root", "0" });
        Assert.True(name is "app" or "1654" or "$APP_UID", $"USER {user}: expected the image's app user (UID 1654)");
        Assert.True(
            Docker.Final.Instructions.FindIndex(i => i.Keyword == "USER") > Docker.Final.Instructions.FindLastIndex(i => i.Keyword is "COPY" or "ADD"),
            "USER comes after the last COPY, so nothing later runs as root");
    }

    [Fact]
    public void Runtime_IsReadOnlyRootFilesystemFriendly_AndPointsAtTheMountedConfig()
    {
        var env = Docker.Final.All("ENV").SelectMany(e => e.EnvPairs()).ToDictionary(p => p.Key, p => p.Value, StringComparer.Ordinal);
        Assert.Equal("/config/matrix.yaml", env["Matrix__Config"]);
        Assert.True(env.GetValueOrDefault("TMPDIR") == "/tmp" || env.GetValueOrDefault("DOTNET_EnableDiagnostics") == "0", "writes go to /tmp or diagnostics are off");
        Assert.Contains(Docker.Final.All("VOLUME"), v => v.Args.Contains("/config", StringComparison.Ordinal));

        // The serve verb listens on its Urls setting; the image must make it listen on the exposed port, on every interface.
        var exposed = Docker.Final.All("EXPOSE").SelectMany(e => e.Words).Select(w => w.Split('/')[0]).ToList();
        Assert.Contains("8080", exposed);
        Assert.Matches(@"^http://(\+|\*|0\.0\.0\.0|\[::\]):8080$", env["Urls"]);
    }

    [Fact]
    public void HealthCheck_RunsTheBinarysHealthcheckVerbAgainstTheExposedPort()
    {
        var check = Assert.Single(Docker.Final.All("HEALTHCHECK")).Args;
        var cmd = check[(check.IndexOf("CMD", StringComparison.Ordinal) + 3)..].Trim();
        var words = JsonSerializer.Deserialize<string[]>(cmd)!;
        Assert.Equal("/app/mediamatrix", words[0]);
        Assert.Equal("healthcheck", words[1]);
        Assert.Contains(words, w => w.Contains(":8080/healthz", StringComparison.Ordinal));

        var entry = Assert.Single(Docker.Final.All("ENTRYPOINT")).Words;
        Assert.Equal("/app/mediamatrix", entry[0]);
        Assert.Equal("serve", Assert.Single(Assert.Single(Docker.Final.All("CMD")).Words));

        // /app/mediamatrix is the apphost named after the project's AssemblyName.
        var project = XDocument.Load(Repo.PathOf(AppProject));
        Assert.Equal("mediamatrix", project.Descendants("AssemblyName").Single().Value);
    }

    [Fact]
    public void Copy_EverySourceExistsInTheRepository_AndIsNotDockerIgnored()
    {
        var ignore = DockerIgnore.Load(Repo.PathOf(".dockerignore"));
        var stageNames = new HashSet<string>(StringComparer.Ordinal);
        foreach (var stage in Docker.Stages)
        {
            foreach (var copy in stage.All("COPY").Concat(stage.All("ADD")))
            {
                var (flags, sources, _) = copy.CopyParts();
                if (flags.TryGetValue("from", out var from))
                {
                    Assert.True(stageNames.Contains(from), $"line {copy.Line}: --from={from} names no earlier stage");
                    continue;
                }

                foreach (var source in sources)
                {
                    var relative = source.TrimEnd('/');
                    var path = relative is "." ? Repo.Root : Repo.PathOf(relative.Split('/'));
                    Assert.True(File.Exists(path) || Directory.Exists(path), $"line {copy.Line}: COPY source '{source}' does not exist");
                    if (relative is not ".")
                    {
                        Assert.False(ignore.IsIgnored(relative), $"line {copy.Line}: COPY source '{source}' is excluded by .dockerignore");
                    }
                }
            }

            if (stage.Name is not null)
            {
                stageNames.Add(stage.Name);
            }
        }
    }

    [Fact]
    public void Publish_BuildsTheAppProject_AndTheRestoreLayerHasEveryProjectItNeeds()
    {
        var build = Docker.Stages[0];
        var runs = build.All("RUN").Select(r => r.Args).ToList();
        Assert.Contains(runs, r => r.Contains($"dotnet publish {AppProject}", StringComparison.Ordinal));
        var restore = runs.FindIndex(r => r.Contains("dotnet restore", StringComparison.Ordinal));
        Assert.True(restore >= 0, "a separate restore step, cached until a project file changes");
        foreach (var project in ProjectsRestoredIn(runs[restore]))
        {
            Assert.True(File.Exists(Repo.PathOf(project.Split('/'))), $"restored project {project} does not exist");
        }

        // Every project the app references (transitively) and the build props must be copied before the restore.
        var copiedBeforeRestore = build.Instructions
            .TakeWhile(i => !(i.Keyword == "RUN" && i.Args.Contains("dotnet restore", StringComparison.Ordinal)))
            .Where(i => i.Keyword == "COPY")
            .SelectMany(i => i.CopyParts().Sources)
            .ToHashSet(StringComparer.Ordinal);
        foreach (var project in ProjectClosure(AppProject))
        {
            Assert.True(copiedBeforeRestore.Contains(project), $"{project} is not copied before dotnet restore");
        }

        foreach (var file in new[] { "Directory.Build.props", "Directory.Packages.props", "global.json" })
        {
            Assert.True(copiedBeforeRestore.Contains(file), $"{file} is not copied before dotnet restore");
        }
    }

    [Fact]
    public void DockerIgnore_KeepsBuildOutputAndGitOut_ButNotTheSources()
    {
        var ignore = DockerIgnore.Load(Repo.PathOf(".dockerignore"));
        Assert.True(ignore.IsIgnored("src/MediaMatrix/bin"));
        Assert.True(ignore.IsIgnored("src/MediaMatrix/obj"));
        Assert.True(ignore.IsIgnored(".git"));
        Assert.False(ignore.IsIgnored("src/MediaMatrix/Program.cs"));
        Assert.False(ignore.IsIgnored("config/README.md"));
    }

    private static IEnumerable<string> ProjectsRestoredIn(string run) =>
        ProjectPath().Matches(run).Select(m => m.Value);

    private static HashSet<string> ProjectClosure(string project)
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var queue = new Queue<string>([project]);
        while (queue.TryDequeue(out var current))
        {
            if (!seen.Add(current))
            {
                continue;
            }

            var dir = Path.GetDirectoryName(current)!;
            foreach (var reference in XDocument.Load(Repo.PathOf(current.Split('/'))).Descendants("ProjectReference"))
            {
                var full = Path.GetFullPath(Path.Combine(Repo.Root, dir, reference.Attribute("Include")!.Value.Replace('\\', '/')));
                queue.Enqueue(Path.GetRelativePath(Repo.Root, full).Replace('\\', '/'));
            }
        }

        return seen;
    }

    [GeneratedRegex(@"[\w./-]+\.csproj")]
    private static partial Regex ProjectPath();

    /// <summary>The .dockerignore rules the file uses: <c>*</c>, <c>**</c>, a leading <c>/</c>, <c>!</c> exceptions; a match on a folder covers what is inside.</summary>
    private sealed class DockerIgnore
    {
        private readonly List<(Regex Pattern, bool Exclude)> _rules;

        private DockerIgnore(List<(Regex, bool)> rules) => _rules = rules;

        public static DockerIgnore Load(string path) => new(
            File.ReadAllLines(path)
                .Select(l => l.Trim())
                .Where(l => l.Length > 0 && !l.StartsWith('#'))
                .Select(l => (ToRegex(l.TrimStart('!').Trim('/')), !l.StartsWith('!')))
                .ToList());

        public bool IsIgnored(string relativePath)
        {
            var ignored = false;
            var parts = relativePath.Split('/');
            for (var n = 1; n <= parts.Length; n++)
            {
                var prefix = string.Join('/', parts.Take(n));
                foreach (var (pattern, exclude) in _rules)
                {
                    if (pattern.IsMatch(prefix))
                    {
                        ignored = exclude;
                    }
                }
            }

            return ignored;
        }

        private static Regex ToRegex(string glob)
        {
            var regex = Regex.Escape(glob)
                .Replace(@"\*\*/", "(?:.*/)?", StringComparison.Ordinal)
                .Replace(@"\*\*", ".*", StringComparison.Ordinal)
                .Replace(@"\*", "[^/]*", StringComparison.Ordinal)
                .Replace(@"\?", "[^/]", StringComparison.Ordinal);
            return new Regex($"^{regex}$", RegexOptions.CultureInvariant);
        }
    }
}
