using Quartz;

namespace MediaMatrix.Jobs;

/// <summary>A cron expression from the settings, checked with Quartz's own parser before a trigger is built from it.</summary>
internal static class QuartzCron
{
    /// <exception cref="ArgumentException">Not a Quartz cron expression; the message names <paramref name="key"/>.</exception>
    public static void Check(string expression, string key)
    {
        if (string.IsNullOrWhiteSpace(expression) || !CronExpression.TryParse(expression, out _))
        {
            throw new ArgumentException($"{key}: '{expression}' is not a Quartz cron expression (seconds first, e.g. 0 30 8 ? * MON)");
        }
    }
}
