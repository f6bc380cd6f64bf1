namespace MediaMatrix.Monitoring.Assessment;

/// <summary>
/// An account's cluster tasks (集群协同任务) whose deadline fell in the rubric's window before T:
/// how many were assigned, completed at all, and completed by the deadline.
/// Null where an account has no such tasks: the tasks part is then left out and the weights renormalised.
/// </summary>
public sealed record TaskTally(int Assigned, int Completed, int OnTime);
