using System.Runtime.CompilerServices;

// The cluster tests' node program (tests/MediaMatrix.ClusterNode) configures Quartz through Scheduling.UseClusteredPostgres
// and SchedulerSettings, so the processes it runs test the clustered store set-up we ship, not a copy of it.
[assembly: InternalsVisibleTo("MediaMatrix.ClusterNode")]
