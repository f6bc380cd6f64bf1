using Npgsql;

namespace MediaMatrix.ClusterNode;

/// <summary>
/// The side-effect record of the cluster tests: one row per firing, unique on (trigger, scheduled fire time), so a
/// duplicate firing shows up as a refused insert and a missed one as an absent row. Refused inserts are written to a
/// table of their own, so the count holds across node processes.
/// </summary>
public sealed class Ledger(string connectionString)
{
    public async Task CreateAsync()
    {
        await ExecuteAsync("""
            CREATE TABLE IF NOT EXISTS ledger (
              trigger_name text NOT NULL, scheduled_ms bigint NOT NULL, node text NOT NULL,
              started_ms bigint NOT NULL, ended_ms bigint NULL, recovering bool NOT NULL,
              PRIMARY KEY (trigger_name, scheduled_ms));
            CREATE TABLE IF NOT EXISTS ledger_duplicates (
              trigger_name text NOT NULL, scheduled_ms bigint NOT NULL, node text NOT NULL, started_ms bigint NOT NULL)
            """);
    }

    public async Task RecordStartAsync(string trigger, DateTimeOffset scheduled, string node, DateTimeOffset started, bool recovering)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(
            "INSERT INTO ledger VALUES (@t, @s, @n, @b, NULL, @r) ON CONFLICT DO NOTHING", connection);
        Bind(command, trigger, scheduled, node, started);
        command.Parameters.AddWithValue("r", recovering);
        if (await command.ExecuteNonQueryAsync() == 0 && !recovering)
        {
            // A recovery re-runs the same scheduled firing on purpose; anything else is a double fire.
            await using var duplicate = new NpgsqlCommand("INSERT INTO ledger_duplicates VALUES (@t, @s, @n, @b)", connection);
            Bind(duplicate, trigger, scheduled, node, started);
            await duplicate.ExecuteNonQueryAsync();
        }
    }

    public async Task RecordEndAsync(string trigger, DateTimeOffset scheduled, DateTimeOffset ended)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand("UPDATE ledger SET ended_ms = @e WHERE trigger_name = @t AND scheduled_ms = @s", connection);
        command.Parameters.AddWithValue("t", trigger);
        command.Parameters.AddWithValue("s", scheduled.ToUnixTimeMilliseconds());
        command.Parameters.AddWithValue("e", ended.ToUnixTimeMilliseconds());
        await command.ExecuteNonQueryAsync();
    }

    /// <summary>Firings refused because their (trigger, scheduled fire time) had already run, outside a recovery.</summary>
    public async Task<int> DuplicatesAsync()
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand("SELECT count(*) FROM ledger_duplicates", connection);
        return Convert.ToInt32(await command.ExecuteScalarAsync(), System.Globalization.CultureInfo.InvariantCulture);
    }

    public async Task<List<LedgerRow>> RowsAsync()
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand("SELECT trigger_name, scheduled_ms, node, started_ms, ended_ms FROM ledger ORDER BY started_ms", connection);
        await using var reader = await command.ExecuteReaderAsync();
        var rows = new List<LedgerRow>();
        while (await reader.ReadAsync())
        {
            rows.Add(new LedgerRow(reader.GetString(0), reader.GetInt64(1), reader.GetString(2), reader.GetInt64(3), reader.IsDBNull(4) ? null : reader.GetInt64(4)));
        }

        return rows;
    }

    private static void Bind(NpgsqlCommand command, string trigger, DateTimeOffset scheduled, string node, DateTimeOffset started)
    {
        command.Parameters.AddWithValue("t", trigger);
        command.Parameters.AddWithValue("s", scheduled.ToUnixTimeMilliseconds());
        command.Parameters.AddWithValue("n", node);
        command.Parameters.AddWithValue("b", started.ToUnixTimeMilliseconds());
    }

    private async Task ExecuteAsync(string sql)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync();
    }
}

public sealed record LedgerRow(string Trigger, long ScheduledMs, string Node, long StartedMs, long? EndedMs);
