namespace MediaMatrix.Web;

/// <summary>The bulletin files another stage writes (setting <c>Reports:BulletinDirectory</c>), listed and served by name only.</summary>
internal static class Bulletins
{
    public static IReadOnlyList<string> List(IConfiguration settings) =>
        settings["Reports:BulletinDirectory"] is { } dir && Directory.Exists(dir)
            ? [.. Directory.EnumerateFiles(dir).Select(Path.GetFileName).OfType<string>().Order(StringComparer.Ordinal)]
            : [];

    public static string? Find(IConfiguration settings, string name) =>
        name == Path.GetFileName(name) && List(settings).Contains(name) ? Path.Combine(settings["Reports:BulletinDirectory"]!, name) : null;
}
