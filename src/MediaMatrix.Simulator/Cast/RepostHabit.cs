namespace MediaMatrix.Simulator.Cast;

/// <summary>
/// How a member answers the head's cluster tasks (<see cref="SimulatedTask"/>). An account whose history stopped
/// (Slowing, Quiet, Dormant, Zombie) reposts nothing after its last regular post, whatever its habit.
/// </summary>
public enum RepostHabit
{
    /// <summary>Reposts every task 1–20 hours after it is issued: on time.</summary>
    Prompt,

    /// <summary>Reposts every task 6–60 hours after its deadline: completed, not on time.</summary>
    Late,

    /// <summary>Reposts every other task on time (which ones depends on the account) and never the others.</summary>
    Sometimes,

    /// <summary>Never reposts a task: not done.</summary>
    Never,
}
