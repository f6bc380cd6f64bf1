using MediaMatrix.Monitoring.Bulletins;
using MediaMatrix.Monitoring.Rhythm;
using MediaMatrix.Reports;

namespace MediaMatrix.Jobs;

/// <summary>
/// The quarterly bulletin job's output: HTML, XLSX and CSV files in <c>Bulletins:Directory</c> (default: a
/// folder under the temp directory, which is writable in the read-only container; mount a volume there to keep them).
/// </summary>
internal sealed partial class FileBulletinPublisher(
    BulletinService bulletins, IConfiguration settings, ILogger<FileBulletinPublisher> logger) : IBulletinPublisher
{
    public async Task PublishQuarterAsync(QuarterPeriod quarter, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var period = BulletinPeriod.Parse(quarter.ToString());
        var bulletin = await bulletins.CreateAsync(period, now, cancellationToken);
        var directory = settings["Bulletins:Directory"] ?? Path.Combine(Path.GetTempPath(), "mediamatrix", "bulletins");
        var paths = await BulletinFiles.WriteAsync(bulletin, period.Label, directory, BulletinFiles.Formats, cancellationToken);
        LogPublished(logger, period.Label, string.Join(", ", paths));
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Bulletin {Period} written: {Paths}")]
    private static partial void LogPublished(ILogger logger, string period, string paths);
}
