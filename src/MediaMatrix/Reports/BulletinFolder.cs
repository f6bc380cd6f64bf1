using System.Text.Json;
using MediaMatrix.Monitoring.Bulletins;

namespace MediaMatrix.Reports;

/// <summary>
/// The one folder bulletins live in, setting <c>Bulletins:Directory</c> (the older <c>Reports:BulletinDirectory</c> is read
/// when it is not set; default a folder under the temp directory, writable in the read-only container — mount a volume to
/// keep them). The quarterly job and the reports page write there; the page lists the records and serves the files they
/// name, by name only: a request can never name a path.
/// </summary>
internal static class BulletinFolder
{
    public static string Directory(IConfiguration settings) =>
        settings["Bulletins:Directory"] is { Length: > 0 } dir ? dir
        : settings["Reports:BulletinDirectory"] is { Length: > 0 } old ? old
        : Path.Combine(Path.GetTempPath(), "mediamatrix", "bulletins");

    /// <summary>Every bulletin with a readable record, newest period first (quarters before months of the same year).</summary>
    public static IReadOnlyList<BulletinRecord> List(IConfiguration settings)
    {
        var dir = Directory(settings);
        if (!System.IO.Directory.Exists(dir))
            return [];
        var records = new List<BulletinRecord>();
        foreach (var path in System.IO.Directory.EnumerateFiles(dir, "bulletin-*.json"))
        {
            if (Read(path) is { } record && BulletinPeriod.TryParse(record.Period, out _, out _) && Path.GetFileName(path) == BulletinFiles.RecordName(record.Period))
                records.Add(record);
        }

        return [.. records.OrderByDescending(r => r.Period, StringComparer.Ordinal).ThenByDescending(r => r.GeneratedAt)];
    }

    /// <summary>The path of <paramref name="name"/> when it is one of the listed bulletins' files, else null.</summary>
    public static (string Path, string Format)? Find(IConfiguration settings, string name)
    {
        foreach (var record in List(settings))
        {
            foreach (var format in record.Formats)
            {
                if (name == BulletinFiles.FileName(record.Period, format))
                {
                    var path = Path.Combine(Directory(settings), name);
                    return File.Exists(path) ? (path, format) : null;
                }
            }
        }

        return null;
    }

    // A record another version wrote, or a file that is not one, is skipped rather than breaking the page.
    private static BulletinRecord? Read(string path)
    {
        try
        {
            var record = JsonSerializer.Deserialize<BulletinRecord>(File.ReadAllBytes(path), BulletinRecord.Json);
            return record is { Period: not null, Formats: not null } ? record : null;
        }
        catch (Exception e) when (e is JsonException or IOException or UnauthorizedAccessException)
        {
            return null;
        }
    }
}
