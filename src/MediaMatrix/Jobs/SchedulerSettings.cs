namespace MediaMatrix.Jobs;

/// <summary>The <c>Scheduler</c> settings section (<c>Scheduler__Clustered=true</c> and so on; docs/scheduling.md).</summary>
internal sealed class SchedulerSettings
{
    /// <summary>Share the schedule with other replicas through Quartz's clustered AdoJobStore on PostgreSQL.</summary>
    public bool Clustered { get; set; }

    /// <summary>Npgsql connection string of the database holding the Quartz tables; required when clustered.</summary>
    public string? PostgreSql { get; set; }

    /// <summary>The cluster's scheduler name: every replica of one deployment must use the same one.</summary>
    public string Name { get; set; } = "mediamatrix";

    /// <summary>This node's id; AUTO derives a unique one at start (host name plus a timestamp).</summary>
    public string InstanceId { get; set; } = "AUTO";

    /// <summary>How often a node records that it is alive; a dead node's work moves after about this plus the threshold.</summary>
    public TimeSpan CheckinInterval { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>How late a check-in may be before the node is declared dead; above the worst GC or VM pause.</summary>
    public TimeSpan CheckinMisfireThreshold { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>How late a firing may be before its misfire policy decides instead of firing it late. Below any
    /// downtime worth treating as one (reliability Q5): a minute job back after two hours fires once, not 120 times.</summary>
    public TimeSpan MisfireThreshold { get; set; } = TimeSpan.FromSeconds(60);

    /// <summary>How many dispatcher jobs share the due accounts. Each fires on one node; more shards spread one
    /// tick's polling over more replicas. Fixed, whatever the number of accounts.</summary>
    public int? DispatchShards { get; set; }

    public TimeSpan DispatchInterval { get; set; } = TimeSpan.FromSeconds(15);

    public TimeSpan EvaluationInterval { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>A replica runs one shard at a time per thread; single-node mode needs one, a cluster a few per node.</summary>
    public int Shards => DispatchShards ?? (Clustered ? 4 : 1);

    public void Validate()
    {
        if (Clustered && string.IsNullOrWhiteSpace(PostgreSql))
        {
            throw new Hosting.SettingsException("Scheduler:PostgreSql: a connection string is required when Scheduler:Clustered is true");
        }

        if (Shards is < 1 or > 64)
        {
            throw new Hosting.SettingsException($"Scheduler:DispatchShards: {Shards} is out of range; use 1 to 64");
        }

        if (CheckinInterval <= TimeSpan.Zero || DispatchInterval <= TimeSpan.Zero || EvaluationInterval <= TimeSpan.Zero)
        {
            throw new Hosting.SettingsException("Scheduler: CheckinInterval, DispatchInterval and EvaluationInterval must be positive");
        }
    }
}
