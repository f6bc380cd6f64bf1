using Npgsql;

namespace MediaMatrix.Jobs;

/// <summary>
/// Creates the Quartz tables on PostgreSQL when they are missing (docs/scheduling.md). Replicas start together
/// under Kubernetes, so the DDL runs under a session advisory lock: the first creates, the rest wait and find
/// everything there. Only ever creates; Quartz's own start-up validation then checks the result.
/// </summary>
internal static class QuartzSchema
{
    // Any fixed number all replicas agree on; chosen to be unlikely to collide with other applications' locks.
    private const long AdvisoryLockKey = 0x4d4d_5152_545a; // "MMQRTZ"

    public static async Task EnsureCreatedAsync(string connectionString, CancellationToken cancellationToken)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync(cancellationToken);
        await ExecuteAsync(connection, $"SELECT pg_advisory_lock({AdvisoryLockKey})", cancellationToken);
        try
        {
            foreach (var statement in Statements())
            {
                await ExecuteAsync(connection, statement, cancellationToken);
            }
        }
        finally
        {
            // The lock is the session's: closing the connection would release it too, but a pooled
            // connection outlives this call, so release it explicitly.
            await ExecuteAsync(connection, $"SELECT pg_advisory_unlock({AdvisoryLockKey})", CancellationToken.None);
        }
    }

    /// <summary>The DDL statements of the embedded script, in order.</summary>
    public static IReadOnlyList<string> Statements()
    {
        using var stream = typeof(QuartzSchema).Assembly.GetManifestResourceStream("MediaMatrix.Jobs.Schema.quartz-postgres.sql")
            ?? throw new InvalidOperationException("the Quartz schema script is not embedded in the assembly");
        using var reader = new StreamReader(stream);
        var script = reader.ReadToEnd();
        return [.. script.Split("\n;;", StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries)
            .Select(WithoutCommentLines)
            .Where(statement => statement.Length > 0)];
    }

    private static string WithoutCommentLines(string statement) =>
        string.Join('\n', statement.Split('\n').Where(line => !line.TrimStart().StartsWith("--", StringComparison.Ordinal))).Trim();

    private static async Task ExecuteAsync(NpgsqlConnection connection, string sql, CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync(cancellationToken);
    }
}
