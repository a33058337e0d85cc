using System.Data.Common;
using Microsoft.Data.SqlClient;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Options;

namespace BioCluster.Api.Infrastructure.Data;

/// <summary>Opens connections to the configured database. Holds no state beyond the connection string.</summary>
public sealed class DbConnectionFactory
{
    private readonly string _connectionString;

    public DbConnectionFactory(IOptions<DatabaseOptions> options, IHostEnvironment environment)
    {
        var o = options.Value;
        if (o.Provider == DatabaseProvider.Sqlite) SqliteEngine.Configure();
        Provider = o.Provider;
        Dialect = SqlDialect.For(o.Provider);
        _connectionString = o.Provider switch
        {
            DatabaseProvider.Sqlite => SqliteConnectionString(o, environment.ContentRootPath),
            DatabaseProvider.SqlServer => string.IsNullOrWhiteSpace(o.ConnectionString)
                ? throw new InvalidOperationException(
                    "Database:ConnectionString (or the environment variable Database__ConnectionString) is required when Database:Provider is SqlServer.")
                : o.ConnectionString,
            _ => throw new InvalidOperationException($"Unknown database provider '{o.Provider}'."),
        };
    }

    public DatabaseProvider Provider { get; }

    public SqlDialect Dialect { get; }

    /// <summary>For SQLite: the database file. Null for SQL Server.</summary>
    public string? SqliteFile => Provider == DatabaseProvider.Sqlite
        ? new SqliteConnectionStringBuilder(_connectionString).DataSource
        : null;

    public async Task<DbConnection> OpenAsync(CancellationToken ct = default)
    {
        DbConnection connection = Provider == DatabaseProvider.Sqlite
            ? new SqliteConnection(_connectionString)
            : new SqlConnection(_connectionString);
        try
        {
            await connection.OpenAsync(ct);
            if (connection is SqliteConnection sqlite)
            {
                await using var pragma = sqlite.CreateCommand();
                // WAL lets readers go on while one writer writes; NORMAL is durable enough under WAL.
                pragma.CommandText = "PRAGMA synchronous = NORMAL;";
                await pragma.ExecuteNonQueryAsync(ct);
            }
            return connection;
        }
        catch
        {
            await connection.DisposeAsync();
            throw;
        }
    }

    private static string SqliteConnectionString(DatabaseOptions o, string contentRoot)
    {
        var builder = string.IsNullOrWhiteSpace(o.ConnectionString)
            ? new SqliteConnectionStringBuilder
            {
                DataSource = Path.Combine(Path.GetFullPath(o.DataDirectory, contentRoot), "biocluster.db"),
            }
            : new SqliteConnectionStringBuilder(o.ConnectionString);
        builder.ForeignKeys = true;
        builder.DefaultTimeout = 30; // seconds to wait on a locked database (busy timeout)
        builder.Pooling = true;
        return builder.ToString();
    }
}


/// <summary>Process-wide settings of the embedded SQLite engine, applied before it opens its first database.</summary>
public static class SqliteEngine
{
    private static int _done;

    /// <summary>
    /// Turns off SQLite's memory statistics, which take one process-wide lock on every allocation SQLite makes:
    /// under concurrent requests that lock is contended (futex waits showed up as a fifth of the CPU time of a list
    /// page in a profile). Nothing here reads the statistics. Once the engine has started, SQLite refuses the
    /// setting (SQLITE_MISUSE) and keeps its defaults, which is still correct, only slower.
    /// </summary>
    public static void Configure()
    {
        if (Interlocked.Exchange(ref _done, 1) == 1) return;
        SQLitePCL.Batteries_V2.Init();
        SQLitePCL.raw.sqlite3_config(SQLitePCL.raw.SQLITE_CONFIG_MEMSTATUS, 0);
    }
}
