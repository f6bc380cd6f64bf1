using System.Text;
using MediaMatrix.Monitoring.Bulletins;

namespace MediaMatrix.Reports;

/// <summary>Writes a bulletin as files named <c>bulletin-&lt;period&gt;.&lt;format&gt;</c>; shared by the verb and the quarterly job.</summary>
internal static class BulletinFiles
{
    public static readonly string[] Formats = ["html", "xlsx", "csv"];

    public static async Task<IReadOnlyList<string>> WriteAsync(Bulletin bulletin, string label, string directory, IEnumerable<string> formats, CancellationToken cancellationToken)
    {
        Directory.CreateDirectory(directory);
        var paths = new List<string>();
        foreach (var format in formats)
        {
            var path = Path.Combine(directory, $"bulletin-{label}.{format}");
            await File.WriteAllBytesAsync(path, Render(bulletin, format), cancellationToken);
            paths.Add(path);
        }

        return paths;
    }

    private static byte[] Render(Bulletin bulletin, string format) => format switch
    {
        "html" => new UTF8Encoding(false).GetBytes(BulletinHtml.Render(bulletin)),
        "xlsx" => BulletinXlsx.Render(bulletin),
        _ => BulletinCsv.Render(bulletin),
    };
}
