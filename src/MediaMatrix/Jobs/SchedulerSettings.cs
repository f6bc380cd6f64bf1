using MediaMatrix.Monitoring;

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

    /// <summary>Fails fast at start-up with the settings key in the message.</summary>
    public void Validate()
    {
        if (Clustered && string.IsNullOrWhiteSpace(PostgreSql))
        {
            throw new ArgumentException("Scheduler:PostgreSql: a connection string is required when Scheduler:Clustered is true");
        }

        SettingRules.NotEmpty(Name, "Scheduler:Name");
        SettingRules.NotEmpty(InstanceId, "Scheduler:InstanceId");
        SettingRules.Within(Shards, 1, 64, "Scheduler:DispatchShards");
        SettingRules.Positive(CheckinInterval, "Scheduler:CheckinInterval");
        SettingRules.Positive(CheckinMisfireThreshold, "Scheduler:CheckinMisfireThreshold");
        SettingRules.Positive(MisfireThreshold, "Scheduler:MisfireThreshold");
        SettingRules.Positive(DispatchInterval, "Scheduler:DispatchInterval");
        SettingRules.Positive(EvaluationInterval, "Scheduler:EvaluationInterval");
    }

    /// <summary>The checked <c>Scheduler</c> section.</summary>
    public static SchedulerSettings Read(IConfiguration settings) => Hosting.SettingsSection.Read<SchedulerSettings>(settings, "Scheduler", s => s.Validate());
}
