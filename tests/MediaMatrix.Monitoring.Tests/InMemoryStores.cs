using MediaMatrix.Monitoring.Alerts;
using MediaMatrix.Monitoring.Assessment;
using MediaMatrix.Monitoring.Matrix;
using MediaMatrix.Monitoring.Rounds;
using MediaMatrix.Monitoring.Storage;
using MediaMatrix.Monitoring.Tasks;

namespace MediaMatrix.Monitoring.Tests;

/// <summary>The in-process stores the judging classes read, made together so a test seeds and inspects the same ones.</summary>
internal sealed record InMemoryStores(InMemoryPostStore Posts, InMemoryEvaluationStore Evaluations, InMemoryTaskStore Tasks, InMemoryAlertStore Alerts)
{
    public InMemoryFindingStore Findings { get; } = new();

    public static InMemoryStores Create() =>
        new(new InMemoryPostStore(new StoreOptions()), new InMemoryEvaluationStore(new StoreOptions()), new InMemoryTaskStore(), new InMemoryAlertStore());

    /// <summary>An evaluation round over these stores with the default task and alert settings.</summary>
    public EvaluationRound Round(MatrixConfig matrix, AssessmentOptions options) =>
        new(Posts, Evaluations, Alerts, Tasks, Findings, matrix, options, new TaskMatchOptions(), new AlertOptions(), new AlertService(Alerts, TimeProvider.System));
}
