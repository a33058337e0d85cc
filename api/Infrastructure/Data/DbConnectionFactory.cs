using System.Runtime.CompilerServices;
using System.Data.Common;
using Microsoft.Data.SqlClient;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Options;
using Dapper;

namespace BioCluster.Api.Infrastructure.Data;

/// <summary>Opens connections to the configured database. Holds no state beyond the connection string.</summary>
public sealed class DbConnectionFactory
{
    private readonly string _connectionString;
    private readonly int _busyTimeoutMs;
    private readonly ILogger _logger;

    public DbConnectionFactory(IOptions<DatabaseOptions> options, IHostEnvironment environment, ILogger<DbConnectionFactory>? logger = null)
    {
        _logger = (ILogger?)logger ?? Microsoft.Extensions.Logging.Abstractions.NullLogger.Instance;
        var o = options.Value;
        if (o.Provider == DatabaseProvider.Sqlite) SqliteEngine.Configure();
        Provider = o.Provider;
        FastReads = o.FastReads && o.Provider == DatabaseProvider.Sqlite;
        _busyTimeoutMs = Math.Clamp(o.BusyTimeoutMs, 1, 600_000);
        Dialect = SqlDialect.For(o.Provider);
        _connectionString = o.Provider switch
        {
            DatabaseProvider.Sqlite => SqliteConnectionString(o, environment.ContentRootPath, _busyTimeoutMs),
            DatabaseProvider.SqlServer => string.IsNullOrWhiteSpace(o.ConnectionString)
                ? throw new InvalidOperationException(
                    "Database:ConnectionString (or the environment variable Database__ConnectionString) is required when Database:Provider is SqlServer.")
                : o.ConnectionString,
            _ => throw new InvalidOperationException($"Unknown database provider '{o.Provider}'."),
        };
    }

    public DatabaseProvider Provider { get; }

    /// <summary>An engine statement of SQLite's, or nothing to run on SQL Server.</summary>
    private string? OnSqlite(string sql) => Provider == DatabaseProvider.Sqlite ? sql : null;

    /// <summary>Whether hot reads take the SQLite fast path (<see cref="DatabaseOptions.FastReads"/>).</summary>
    public bool FastReads { get; }

    public SqlDialect Dialect { get; }

    /// <summary>For SQLite: the database file. Null for SQL Server.</summary>
    public string? SqliteFile => Provider == DatabaseProvider.Sqlite
        ? new SqliteConnectionStringBuilder(_connectionString).DataSource
        : null;

    public async Task<DbConnection> OpenAsync(CancellationToken ct = default)
    {
        DbConnection connection = Provider != DatabaseProvider.Sqlite ? new SqlConnection(_connectionString)
            : FastReads ? new FastReadConnection(_connectionString)
            : new SqliteConnection(_connectionString);
        try
        {
            await connection.OpenAsync(ct);
            if (connection is SqliteConnection sqlite) await SqliteEngine.PrepareAsync(sqlite, ct, _busyTimeoutMs);
            return connection;
        }
        catch
        {
            await connection.DisposeAsync();
            throw;
        }
    }

    /// <summary>
    /// Refreshes the query planner's statistics where the engine does not do it itself (see
    /// <see cref="SqliteEngine.RefreshStatistics"/>). A SQLite connection reads the statistics once, with the schema,
    /// and ANALYZE does not make the others read them again, so the pool's connections are let go afterwards
    /// (those in use close when they are given back): the next ones open with the new figures.
    /// </summary>
    public async Task RefreshStatisticsAsync(CancellationToken ct = default)
    {
        if (OnSqlite(SqliteEngine.RefreshStatistics) is null) return;
        await using var connection = await OpenAsync(ct);
        await RefreshStatisticsAsync(connection, ct);
    }

    /// <summary><see cref="RefreshStatisticsAsync(CancellationToken)"/> on a connection already open (the bulk write's own).</summary>
    public async Task RefreshStatisticsAsync(DbConnection connection, CancellationToken ct = default)
    {
        if (OnSqlite(SqliteEngine.RefreshStatistics) is not { } sql) return;
        await RunAsync(connection, sql, ct);
        if (connection is SqliteConnection sqlite) SqliteConnection.ClearPool(sqlite);
    }

    /// <summary>
    /// Commits on this connection leave the write-ahead log to <see cref="CheckpointAsync"/> until <see cref="ResumeCheckpointsAsync"/>;
    /// and on SQLite the connection does not checkpoint when it closes either (the last connection to close copies the
    /// whole log, and a bulk write's connection is often the last: the pool is let go after its statistics refresh).
    /// </summary>
    public Task PauseCheckpointsAsync(DbConnection connection, CancellationToken ct = default)
    {
        if (connection is SqliteConnection sqlite) SqliteEngine.NoCheckpointOnClose(sqlite);
        return RunAsync(connection, OnSqlite(SqliteEngine.PauseCheckpoints), ct);
    }

    /// <summary>Gives the connection back its automatic checkpoints (pooled connections keep the setting).</summary>
    public Task ResumeCheckpointsAsync(DbConnection connection) => RunAsync(connection, OnSqlite(SqliteEngine.ResumeCheckpoints), CancellationToken.None);

    /// <summary>
    /// Gives the connection what a bulk write needs (<see cref="SqliteEngine.BeginBulkWrite"/>) until the returned scope
    /// is disposed, which takes it back (before the connection goes back to the pool).
    /// </summary>
    public async Task<IAsyncDisposable> BulkWriteAsync(DbConnection connection, CancellationToken ct = default)
    {
        await RunAsync(connection, OnSqlite(SqliteEngine.BeginBulkWrite), ct);
        return new BulkWriteScope(connection, OnSqlite(SqliteEngine.EndBulkWrite));
    }

    private sealed class BulkWriteScope(DbConnection connection, string? end) : IAsyncDisposable
    {
        public async ValueTask DisposeAsync()
        {
            if (connection.State == System.Data.ConnectionState.Open) await RunAsync(connection, end, CancellationToken.None);
        }
    }

    /// <summary>
    /// Copies the write-ahead log into the database on a connection of its own, for a bulk write that committed with
    /// checkpoints paused: run after the answer has gone, it costs the caller nothing and the next writer no wait.
    /// Skipping it loses nothing (the log is durable, and the next commit over <see cref="SqliteEngine.AutoCheckpointPages"/>
    /// pages checkpoints anyway).
    /// </summary>
    public async Task CheckpointAsync(CancellationToken ct = default)
    {
        if (OnSqlite(SqliteEngine.Checkpoint) is not { } sql) return;
        await using var connection = await OpenAsync(ct);
        await RunAsync(connection, sql, ct);
    }

    /// <summary>How long a <see cref="TryWriteBrieflyAsync"/> waits for another connection's write before it gives up.</summary>
    public const int BriefWriteWaitMs = 200;

    /// <summary>
    /// A small write a read makes on the side (a key's last use, a session's renewal), on a connection already open:
    /// it waits at most <see cref="BriefWriteWaitMs"/> for the write lock, and when another writer holds it (a long
    /// import) it is skipped and false returned, logged at debug. The read it serves must never fail or wait 30 s
    /// for it; the next request writes it instead. <paramref name="values"/> are strings, longs and instants, by name.
    /// </summary>
    public async Task<bool> TryWriteBrieflyAsync(DbConnection connection, string sql, IReadOnlyDictionary<string, object> values, CancellationToken ct)
    {
        try
        {
            if (connection is SqliteConnection sqlite)
            {
                // SQLite's own wait, shortened for this statement only and given back before the connection goes back
                // to the pool. The statement runs on the handle, not through the driver, which would retry a busy
                // database on its own for its command timeout (seconds) whatever SQLite's wait.
                var handle = sqlite.Handle ?? throw new InvalidOperationException("The connection is not open.");
                SQLitePCL.raw.sqlite3_busy_timeout(handle, BriefWriteWaitMs);
                try
                {
                    await using var statement = BulkStatement.Prepare(connection, null!, sql, values.Keys.ToList());
                    var index = 0;
                    foreach (var value in values.Values)
                    {
                        switch (value)
                        {
                            case string text: statement.Set(index, text); break;
                            case long number: statement.Set(index, number); break;
                            case DateTimeOffset instant: statement.Set(index, instant); break;
                            default: throw new ArgumentException($"A brief write takes text, longs and instants, not {value.GetType().Name}.", nameof(values));
                        }
                        index++;
                    }
                    await statement.ExecuteAsync(ct);
                }
                finally
                {
                    SQLitePCL.raw.sqlite3_busy_timeout(handle, _busyTimeoutMs);
                }
            }
            else
            {
                // SQL Server: the lock wait of this batch only (a SET in a parameterised batch ends with it; set back
                // anyway), and a command timeout in case the server itself is slow.
                var parameters = new DynamicParameters();
                foreach (var (name, value) in values) parameters.Add(name, value);
                await connection.ExecuteAsync(new CommandDefinition(BriefWriteBatch(sql), parameters, commandTimeout: 2, cancellationToken: ct));
            }
            return true;
        }
        catch (DbException e) when (IsBusy(e))
        {
            _logger.LogDebug("Skipped a brief write: the database was busy ({Error})", e.Message);
            return false;
        }
    }

    /// <summary>
    /// SQLite: for a background writer that must never sit out another connection's long write (an import): until the
    /// scope ends, this connection waits at most <see cref="BriefWriteWaitMs"/> in SQLite and retries for at most a second
    /// in the driver, then fails as busy, so the caller tries again later instead of holding a thread for the import's
    /// length. SQLite's own wait is given back when the scope ends, before the connection returns to the pool.
    /// </summary>
    public IDisposable WaitBriefly(DbConnection connection)
    {
        if (connection is not SqliteConnection sqlite) return NoScope.Instance;
        var handle = sqlite.Handle ?? throw new InvalidOperationException("The connection is not open.");
        var driverWait = sqlite.DefaultTimeout;
        SQLitePCL.raw.sqlite3_busy_timeout(handle, BriefWriteWaitMs);
        sqlite.DefaultTimeout = 1;
        return new Scope(() =>
        {
            sqlite.DefaultTimeout = driverWait;
            if (sqlite.Handle is { } open) SQLitePCL.raw.sqlite3_busy_timeout(open, _busyTimeoutMs);
        });
    }

    private sealed class Scope(Action end) : IDisposable
    {
        public void Dispose() => end();
    }

    private sealed class NoScope : IDisposable
    {
        public static readonly NoScope Instance = new();
        public void Dispose() { }
    }

    /// <summary>The SQL Server batch of a <see cref="TryWriteBrieflyAsync"/> (parsed by the tests as T-SQL).</summary>
    internal static string BriefWriteBatch(string sql) => $"SET LOCK_TIMEOUT {BriefWriteWaitMs};\n{sql};\nSET LOCK_TIMEOUT -1;";

    /// <summary>Another connection held the lock: SQLite's SQLITE_BUSY/LOCKED, SQL Server's lock time-out (1222) or a command time-out (-2).</summary>
    private static bool IsBusy(DbException e) => e switch
    {
        SqliteException s => s.SqliteErrorCode is 5 or 6,
        SqlException s => s.Number is 1222 or -2,
        _ => false,
    };

    private static async Task RunAsync(DbConnection connection, string? sql, CancellationToken ct)
    {
        if (sql is null) return;
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        await command.ExecuteNonQueryAsync(ct);
    }

    private static string SqliteConnectionString(DatabaseOptions o, string contentRoot, int busyTimeoutMs)
    {
        var builder = string.IsNullOrWhiteSpace(o.ConnectionString)
            ? new SqliteConnectionStringBuilder
            {
                DataSource = Path.Combine(Path.GetFullPath(o.DataDirectory, contentRoot), "biocluster.db"),
            }
            : new SqliteConnectionStringBuilder(o.ConnectionString);
        builder.ForeignKeys = null; // switched on once per physical connection (SqliteEngine.PrepareAsync), not on every open
        builder.DefaultTimeout = Math.Max(1, busyTimeoutMs / 1000); // seconds the driver retries a locked database (after SQLite's own wait)
        builder.Pooling = true;
        return builder.ToString();
    }
}


/// <summary>A SQLite connection whose hot reads may take the fast path (<see cref="Rows"/>): how the choice travels with it.</summary>
public sealed class FastReadConnection(string connectionString) : SqliteConnection(connectionString);
