using MediaMatrix.IntegrationTests.Infrastructure;
using MediaMatrix.Jobs;
using Npgsql;

namespace MediaMatrix.IntegrationTests.Cluster;

/// <summary>The schema step every clustered replica runs on start: creates what is missing, and replicas starting together do not race.</summary>
[Collection(PostgresCollection.Name)]
public sealed class QuartzSchemaTests(PostgresServer postgres)
{
    [Fact]
    public async Task EnsureCreated_ByFiveReplicasAtOnceAndAgain_CreatesEveryTableOnce()
    {
        var database = await postgres.CreateDatabaseAsync();

        await Task.WhenAll(Enumerable.Range(0, 5).Select(_ => QuartzSchema.EnsureCreatedAsync(database, CancellationToken.None)));
        await QuartzSchema.EnsureCreatedAsync(database, CancellationToken.None);

        await using var connection = new NpgsqlConnection(database);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand("SELECT count(*) FROM information_schema.tables WHERE table_name LIKE 'qrtz\\_%'", connection);
        Assert.Equal(12L, await command.ExecuteScalarAsync());
    }

    [Fact]
    public void Statements_AreCreateOnly()
    {
        var statements = QuartzSchema.Statements();

        Assert.Equal(20, statements.Count);
        Assert.All(statements, s => Assert.Matches("^CREATE (TABLE|INDEX) IF NOT EXISTS ", s));
    }
}
