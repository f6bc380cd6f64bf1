using MediaMatrix.Monitoring.Bulletins;
using MediaMatrix.Monitoring.Rhythm;
using MediaMatrix.Reports;

namespace MediaMatrix.Jobs;

/// <summary>
/// The quarterly bulletin job's output: HTML, XLSX and CSV files in the bulletin folder (<see cref="BulletinFolder"/>),
/// where the reports page lists them beside the ones operators generate.
/// </summary>
internal sealed partial class FileBulletinPublisher(
    BulletinService bulletins, IConfiguration settings, ILogger<FileBulletinPublisher> logger) : IBulletinPublisher
{
    public async Task PublishQuarterAsync(QuarterPeriod quarter, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var period = BulletinPeriod.Parse(quarter.ToString());
        var bulletin = await bulletins.CreateAsync(period, now, cancellationToken);
        var directory = BulletinFolder.Directory(settings);
        var paths = await BulletinFiles.WriteAsync(bulletin, directory, BulletinFiles.Formats, now, cancellationToken);
        LogPublished(logger, period.Label, string.Join(", ", paths));
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Bulletin {Period} written: {Paths}")]
    private static partial void LogPublished(ILogger logger, string period, string paths);
}
