using MediaMatrix.Monitoring.Assessment;
using MediaMatrix.Monitoring.Bulletins;
using MediaMatrix.Monitoring.Inspection;
using MediaMatrix.Monitoring.Matrix;
using MediaMatrix.Monitoring.Rhythm;
using MediaMatrix.Monitoring.Storage;
using MediaMatrix.Monitoring.Tasks;
using MediaMatrix.Reports;

namespace MediaMatrix.Jobs;

/// <summary>
/// The quarterly bulletin job's output: HTML, XLSX and CSV files in <c>Bulletins:Directory</c> (default: a
/// folder under the temp directory, which is writable in the read-only container; mount a volume there to keep them).
/// </summary>
internal sealed partial class FileBulletinPublisher(
    IPostStore posts, IEvaluationStore evaluations, ITaskStore store, MatrixConfig matrix, MatrixInspector inspector, AssessmentOptions assessment, TaskMatchOptions tasks,
    IConfiguration settings, ILogger<FileBulletinPublisher> logger) : IBulletinPublisher
{
    public async Task PublishQuarterAsync(QuarterPeriod quarter, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var period = BulletinPeriod.Parse(quarter.ToString());
        var bulletin = await new BulletinService(posts, evaluations, store, matrix, inspector, assessment, tasks).CreateAsync(period, now, cancellationToken);
        var directory = settings["Bulletins:Directory"] ?? Path.Combine(Path.GetTempPath(), "mediamatrix", "bulletins");
        var paths = await BulletinFiles.WriteAsync(bulletin, period.Label, directory, BulletinFiles.Formats, cancellationToken);
        LogPublished(logger, period.Label, string.Join(", ", paths));
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Bulletin {Period} written: {Paths}")]
    private static partial void LogPublished(ILogger logger, string period, string paths);
}
