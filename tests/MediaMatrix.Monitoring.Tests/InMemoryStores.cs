using MediaMatrix.Monitoring.Storage;

namespace MediaMatrix.Monitoring.Tests;

/// <summary>The in-process stores the judging classes read, made together so a test seeds and inspects the same ones.</summary>
internal sealed record InMemoryStores(InMemoryPostStore Posts, InMemoryEvaluationStore Evaluations, InMemoryTaskStore Tasks, InMemoryAlertStore Alerts)
{
    public static InMemoryStores Create() =>
        new(new InMemoryPostStore(new StoreOptions()), new InMemoryEvaluationStore(new StoreOptions()), new InMemoryTaskStore(), new InMemoryAlertStore());
}
