namespace BioCluster.Api.Infrastructure.Data;

public enum DatabaseProvider
{
    Sqlite,
    SqlServer,
}

/// <summary>Bound from the <c>Database</c> configuration section.</summary>
public sealed class DatabaseOptions
{
    public const string Section = "Database";

    public DatabaseProvider Provider { get; set; } = DatabaseProvider.Sqlite;

    /// <summary>For SQL Server, required. For SQLite, optional: when empty the file lives in <see cref="DataDirectory"/>.</summary>
    public string? ConnectionString { get; set; }

    /// <summary>Folder of the embedded SQLite file; relative paths are taken from the content root.</summary>
    public string DataDirectory { get; set; } = "data";

    /// <summary>SQLite migrates and seeds on start by default; SQL Server only through the <c>migrate</c> command.</summary>
    public bool? MigrateOnStart { get; set; }

    /// <summary>
    /// SQLite: how long a statement waits for another connection's write before the request fails as busy (503 with
    /// Retry-After). The default lets a write wait out the longest import's write transaction.
    /// </summary>
    public int BusyTimeoutMs { get; set; } = SqliteEngine.BusyTimeoutMs;

    /// <summary>
    /// SQLite: read the hot lists (the issue list, API keys) through kept statements and SQLite's C API instead of Dapper
    /// over Microsoft.Data.Sqlite, and write the issue list's JSON by hand: about twice the list's throughput
    /// (docs/adr/0007). Same answers either way (the test command runs the API suite both ways).
    /// </summary>
    public bool FastReads { get; set; } = true;

    public bool ShouldMigrateOnStart => MigrateOnStart ?? Provider == DatabaseProvider.Sqlite;
}
