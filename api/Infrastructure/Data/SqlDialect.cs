using System.Data.Common;
using Microsoft.Data.SqlClient;
using Microsoft.Data.Sqlite;

namespace BioCluster.Api.Infrastructure.Data;

/// <summary>
/// The only SQL that differs between the embedded SQLite database and SQL Server.
/// Every store writes portable SQL and asks the dialect for these few pieces.
/// </summary>
public abstract class SqlDialect
{
    public abstract DatabaseProvider Provider { get; }

    /// <summary>Appended after ORDER BY to take the first <paramref name="parameter"/> rows.</summary>
    public abstract string Limit(string parameter);

    /// <summary>Appended after ORDER BY to skip <paramref name="offset"/> rows and take <paramref name="limit"/>. Only for small statistics reads: lists page by keyset.</summary>
    public abstract string OffsetLimit(string offset, string limit);

    /// <summary>A statement that, run right after an INSERT in the same batch, selects the new identity as a 64-bit integer.</summary>
    public abstract string SelectNewId { get; }

    /// <summary>Whether the exception is a unique-key violation.</summary>
    public abstract bool IsUniqueViolation(DbException exception);

    /// <summary>
    /// Refreshes the statistics the query planner chooses plans by, after a bulk change (an import) or at start;
    /// null where the engine keeps them itself (SQL Server updates statistics automatically).
    /// </summary>
    public abstract string? RefreshStatistics { get; }

    /// <summary>
    /// Statements that stop and restart the engine's own checkpoints at commit, and one that runs a checkpoint; null
    /// where there is no such thing (SQL Server). A bulk write commits with checkpoints paused and has the log copied
    /// into the database after it has answered (see <see cref="DbConnectionFactory.CheckpointAsync"/>).
    /// </summary>
    public abstract string? PauseCheckpoints { get; }
    public abstract string? ResumeCheckpoints { get; }
    public abstract string? Checkpoint { get; }

    /// <summary>
    /// Statements that give a connection the room a bulk write needs and take it back after (<see cref="DbConnectionFactory.BulkWriteAsync"/>);
    /// null where the engine manages its own memory (SQL Server).
    /// </summary>
    public abstract string? BeginBulkWrite { get; }
    public abstract string? EndBulkWrite { get; }

    /// <summary>
    /// A subquery of the ids in <paramref name="parameter"/>, a JSON array (<see cref="IdList"/>), for <c>x IN (…)</c>:
    /// one parameter and one statement text whatever the number of ids, where a parameter per id costs a lookup
    /// by name each (SQLite) and a new plan per count (SQL Server).
    /// </summary>
    public abstract string IdsIn(string parameter);

    /// <summary>The value of an <see cref="IdsIn"/> parameter.</summary>
    public static string IdList(IEnumerable<long> ids) => "[" + string.Join(',', ids) + "]";

    /// <summary>Every dialect-specific statement, so tests can parse each one.</summary>
    public IEnumerable<string> Fragments() =>
        [Limit("@Limit"), OffsetLimit("@Offset", "@Limit"), SelectNewId, $"SELECT 1 WHERE 1 IN ({IdsIn("@Ids")})"];

    public static SqlDialect For(DatabaseProvider provider) => provider switch
    {
        DatabaseProvider.Sqlite => SqliteDialect.Instance,
        DatabaseProvider.SqlServer => SqlServerDialect.Instance,
        _ => throw new ArgumentOutOfRangeException(nameof(provider)),
    };
}

public sealed class SqliteDialect : SqlDialect
{
    public static readonly SqliteDialect Instance = new();
    public override DatabaseProvider Provider => DatabaseProvider.Sqlite;
    public override string Limit(string parameter) => $"LIMIT {parameter}";
    public override string OffsetLimit(string offset, string limit) => $"LIMIT {limit} OFFSET {offset}";
    public override string SelectNewId => "SELECT last_insert_rowid();";
    public override string IdsIn(string parameter) => $"SELECT value FROM json_each({parameter})";

    // SQLite never refreshes sqlite_stat1 by itself, and this SQLite's PRAGMA optimize only looks at tables the
    // same connection has queried. Stale figures are costly: with statistics taken over 17 agencies, a lookup of
    // three agencies by id read all 100,000 of them after an import (16 ms a page). ANALYZE with a sampling limit
    // takes well under 0.1 s over 200,000 rows.
    public override string? RefreshStatistics => "PRAGMA analysis_limit = 1000; ANALYZE;";

    // At commit SQLite copies the write-ahead log into the database once it holds more than a set number of pages
    // (SqliteEngine.AutoCheckpointPages, restored here): for an import of 100,000 rows that is ~70 MB and a third of
    // a second, in the request.
    public override string? PauseCheckpoints => "PRAGMA wal_autocheckpoint = 0;";
    public override string? ResumeCheckpoints => SqliteEngine.AutoCheckpoint;
    // PASSIVE: copies what it can without waiting for readers or blocking writers; a later checkpoint does the rest.
    public override string? Checkpoint => "PRAGMA wal_checkpoint(PASSIVE);";

    // A page cache of 4 MB instead of SQLite's default 2 MB while an import writes. An import's rows touch about ten
    // b-trees each (the table, its indexes, the audit entries and theirs), and below ~100-130 cached pages SQLite spends
    // its time moving pages between the cache and the log: 100,000 agencies took ~25 s instead of ~1.5 s (insert-floor
    // with 96 pages of 16 KB, or 100 of 4 KB). The default 2 MB is 128 pages of 16 KB, right at that edge; 4 MB is 256,
    // twice the edge (8 MB, 512 pages, lifted the import benchmark's peak memory to ~250 MB of the 256 allowed). The
    // default comes back when the write ends: pooled connections stay small.
    public override string? BeginBulkWrite => "PRAGMA cache_size = -4096;";
    public override string? EndBulkWrite => "PRAGMA cache_size = -2000;";

    // SQLITE_CONSTRAINT_UNIQUE (2067) and SQLITE_CONSTRAINT_PRIMARYKEY (1555).
    public override bool IsUniqueViolation(DbException exception) =>
        exception is SqliteException { SqliteExtendedErrorCode: 2067 or 1555 };
}

public sealed class SqlServerDialect : SqlDialect
{
    public static readonly SqlServerDialect Instance = new();
    public override DatabaseProvider Provider => DatabaseProvider.SqlServer;
    public override string Limit(string parameter) => $"OFFSET 0 ROWS FETCH NEXT {parameter} ROWS ONLY";
    public override string OffsetLimit(string offset, string limit) => $"OFFSET {offset} ROWS FETCH NEXT {limit} ROWS ONLY";
    public override string SelectNewId => "SELECT CAST(SCOPE_IDENTITY() AS BIGINT);";
    public override string IdsIn(string parameter) => $"SELECT CAST([value] AS BIGINT) FROM OPENJSON({parameter})";
    public override string? RefreshStatistics => null;
    public override string? PauseCheckpoints => null;
    public override string? ResumeCheckpoints => null;
    public override string? Checkpoint => null;
    public override string? BeginBulkWrite => null;
    public override string? EndBulkWrite => null;

    // 2627: unique constraint; 2601: unique index.
    public override bool IsUniqueViolation(DbException exception) =>
        exception is SqlException { Number: 2627 or 2601 };
}
