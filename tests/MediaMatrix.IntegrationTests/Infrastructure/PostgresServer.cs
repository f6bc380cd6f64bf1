using Npgsql;

namespace MediaMatrix.IntegrationTests.Infrastructure;

/// <summary>Tests that need PostgreSQL join this collection; each takes a fresh database of its own.</summary>
[CollectionDefinition(Name)]
public sealed class PostgresCollection : ICollectionFixture<PostgresServer>
{
    public const string Name = "postgres";
}

/// <summary>
/// A real PostgreSQL for the cluster tests: the one test.sh started (<see cref="ConnectionStringVariable"/>), or our own.
/// Missing PostgreSQL is a failure, never a skip (CI must not pass while proving nothing).
/// </summary>
public sealed class PostgresServer : IAsyncLifetime
{
    public const string ConnectionStringVariable = "MEDIAMATRIX_TEST_POSTGRES";

    private PostgresInstance? own;

    public string ConnectionString { get; private set; } = "";

    public async Task InitializeAsync()
    {
        var configured = Environment.GetEnvironmentVariable(ConnectionStringVariable);
        if (!string.IsNullOrWhiteSpace(configured))
        {
            ConnectionString = configured;
        }
        else
        {
            own = await PostgresInstance.StartNewAsync();
            ConnectionString = own.ConnectionString;
        }
    }

    /// <summary>A new empty database on the server, so each test has its own Quartz tables.</summary>
    public Task<string> CreateDatabaseAsync() => CreateDatabaseAsync(ConnectionString);

    public static async Task<string> CreateDatabaseAsync(string serverConnectionString)
    {
        var name = $"mm_{Guid.NewGuid():N}";
        await using (var connection = new NpgsqlConnection(serverConnectionString))
        {
            await connection.OpenAsync();
            await using var command = new NpgsqlCommand($"CREATE DATABASE {name}", connection);
            await command.ExecuteNonQueryAsync();
        }

        return new NpgsqlConnectionStringBuilder(serverConnectionString) { Database = name }.ConnectionString;
    }

    public async Task DisposeAsync()
    {
        if (own is not null)
        {
            await own.DisposeAsync();
        }
    }
}
