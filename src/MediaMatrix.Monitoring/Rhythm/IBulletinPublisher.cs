namespace MediaMatrix.Monitoring.Rhythm;

/// <summary>What the quarterly bulletin job hands its claimed period to; the bulletin generator implements it.</summary>
public interface IBulletinPublisher
{
    Task PublishQuarterAsync(QuarterPeriod quarter, DateTimeOffset now, CancellationToken cancellationToken);
}

/// <summary>The default until a bulletin generator is registered: the period is claimed and nothing is produced.</summary>
public sealed class NoBulletinPublisher : IBulletinPublisher
{
    public Task PublishQuarterAsync(QuarterPeriod quarter, DateTimeOffset now, CancellationToken cancellationToken) => Task.CompletedTask;
}
