using Npgsql;

namespace MediaMatrix.Benchmarks.Runs;

/// <summary>
/// A throwaway PostgreSQL database for the clustered Quartz store (the persistent firings of Q1), created on the server
/// given by <c>--postgres</c> and dropped when the run ends. Without it a run uses Quartz's in-memory store and says so.
/// </summary>
internal sealed class QuartzDatabase : IAsyncDisposable
{
    private readonly string server;
    private readonly string name;

    private QuartzDatabase(string server, string name)
    {
        this.server = server;
        this.name = name;
        ConnectionString = new NpgsqlConnectionStringBuilder(server) { Database = name }.ConnectionString;
    }

    public string ConnectionString { get; }

    public static async Task<QuartzDatabase?> CreateAsync(string? serverConnectionString)
    {
        if (string.IsNullOrWhiteSpace(serverConnectionString))
        {
            return null;
        }

        var name = $"mm_bench_{Guid.NewGuid():N}";
        await ExecuteAsync(serverConnectionString, $"CREATE DATABASE {name}");
        return new QuartzDatabase(serverConnectionString, name);
    }

    /// <summary>The settings that make <c>serve</c> a clustered node on this database.</summary>
    public IReadOnlyDictionary<string, string> Settings() => new Dictionary<string, string>
    {
        ["Scheduler__Clustered"] = "true",
        ["Scheduler__PostgreSql"] = ConnectionString,
    };

    public async ValueTask DisposeAsync()
    {
        NpgsqlConnection.ClearAllPools();
        await ExecuteAsync(server, $"DROP DATABASE IF EXISTS {name} WITH (FORCE)");
    }

    private static async Task ExecuteAsync(string connectionString, string sql)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync();
    }
}
