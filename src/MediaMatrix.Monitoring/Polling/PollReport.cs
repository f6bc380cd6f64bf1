using MediaMatrix.Monitoring.Fetching;

namespace MediaMatrix.Monitoring.Polling;

/// <summary>What one poll of one account did, for progress output, logs and metrics.</summary>
public sealed record PollReport(string AccountId, FetchOutcome Outcome, int Items, int NewPosts, PollState State, TimeSpan Duration);
