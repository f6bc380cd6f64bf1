using System.Text;
using System.Text.Json;
using MediaMatrix.Monitoring.Bulletins;

namespace MediaMatrix.Reports;

/// <summary>
/// Writes a bulletin as files named <c>bulletin-&lt;period&gt;.&lt;format&gt;</c> plus its record
/// (<c>bulletin-&lt;period&gt;.json</c>: period, pack, when it was generated, which formats); shared by the verb, the
/// quarterly job and the reports page, so there is one way to make a bulletin. Each file is written beside its final name
/// and moved over it, so a download in progress never reads half a file, and generating a period again replaces it.
/// </summary>
internal static class BulletinFiles
{
    public static readonly string[] Formats = ["html", "xlsx", "csv"];

    public static async Task<IReadOnlyList<string>> WriteAsync(
        Bulletin bulletin, string directory, IEnumerable<string> formats, DateTimeOffset generatedAt, CancellationToken cancellationToken)
    {
        Directory.CreateDirectory(directory);
        var label = bulletin.Period.Label;
        var paths = new List<string>();
        var written = new List<string>();
        foreach (var format in formats)
        {
            var path = Path.Combine(directory, FileName(label, format));
            await ReplaceAsync(path, Render(bulletin, format), cancellationToken);
            paths.Add(path);
            written.Add(format);
        }

        var record = new BulletinRecord(label, bulletin.Period.Kind == PeriodKind.Quarter ? "quarter" : "month", bulletin.Pack.Label, bulletin.Pack.Title,
            generatedAt, bulletin.EvaluatedAt, written);
        await ReplaceAsync(Path.Combine(directory, RecordName(label)), JsonSerializer.SerializeToUtf8Bytes(record, BulletinRecord.Json), cancellationToken);
        return paths;
    }

    public static string FileName(string label, string format) => $"bulletin-{label}.{format}";

    public static string RecordName(string label) => $"bulletin-{label}.json";

    public static string ContentType(string format) => format switch
    {
        "html" => "text/html; charset=utf-8",
        "xlsx" => "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
        _ => "text/csv; charset=utf-8",
    };

    private static async Task ReplaceAsync(string path, byte[] bytes, CancellationToken cancellationToken)
    {
        var partial = path + "." + Guid.NewGuid().ToString("N")[..8] + ".part";
        try
        {
            await File.WriteAllBytesAsync(partial, bytes, cancellationToken);
            File.Move(partial, path, overwrite: true);
        }
        finally
        {
            File.Delete(partial);
        }
    }

    private static byte[] Render(Bulletin bulletin, string format) => format switch
    {
        "html" => new UTF8Encoding(false).GetBytes(BulletinHtml.Render(bulletin)),
        "xlsx" => BulletinXlsx.Render(bulletin),
        _ => BulletinCsv.Render(bulletin),
    };
}

/// <summary>What the folder keeps about one generated bulletin, beside its files. Times are ISO 8601 with offsets (machine
/// data); the page shows them in the matrix's zone.</summary>
public sealed record BulletinRecord(
    string Period, string Kind, string Pack, string PackTitle, DateTimeOffset GeneratedAt, DateTimeOffset EvaluatedAt, IReadOnlyList<string> Formats)
{
    public static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { WriteIndented = true };
}
