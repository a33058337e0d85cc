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
