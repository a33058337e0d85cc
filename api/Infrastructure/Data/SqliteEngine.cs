using System.Runtime.CompilerServices;
using System.Data.Common;
using Microsoft.Data.SqlClient;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Options;
using Dapper;

namespace BioCluster.Api.Infrastructure.Data;

/// <summary>Settings of the embedded SQLite engine: process-wide ones, and those of each physical connection.</summary>
public static class SqliteEngine
{
    private static int _done;
    private const int EnableForeignKeys = 1002; // SQLITE_DBCONFIG_ENABLE_FKEY

    /// <summary>
    /// Pages of write-ahead log after which a commit copies the log into the database: 4 MB of 16 KB pages, the bytes of
    /// SQLite's default (1,000 pages of 4 KB). With 16 KB pages and the default count, each of those copies was four
    /// times larger, and concurrent small writes waited on them: p99 of a single writer 9–14 → 25–34 ms
    /// (scripts/bench-writes.sh, docs/benchmarks.md).
    /// </summary>
    public const int AutoCheckpointPages = 4 * 1024 * 1024 / Migrator.SqlitePageSize;

    /// <summary>The setting of <see cref="AutoCheckpointPages"/>, for each connection (and again after a bulk write paused it).</summary>
    public static readonly string AutoCheckpoint = $"PRAGMA wal_autocheckpoint = {AutoCheckpointPages};";

    /// <summary>How long a statement waits for another connection's write to end before it fails as busy.</summary>
    public const int BusyTimeoutMs = 30_000;
    private static readonly object Prepared = new();

    /// <summary>
    /// The physical connections (pooled SQLite handles) already set up. Only bookkeeping about this process's own
    /// handles: it holds no data, and a handle that is closed drops out with it.
    /// </summary>
    private static readonly ConditionalWeakTable<SQLitePCL.sqlite3, object> Ready = new();

    /// <summary>
    /// Sets up a physical connection the first time it is opened: foreign keys on; a busy timeout (a writer that finds
    /// another's write under way waits inside SQLite, in steps of a few milliseconds, instead of being retried by the
    /// driver every ~150 ms: concurrent writes' p99 290–450 → 40–60 ms); synchronous = NORMAL (WAL lets readers go on
    /// while one writer writes; NORMAL is durable enough under WAL); temporary data in memory (a table with a trigger —
    /// the search queue's, migration 0019 — makes every INSERT keep a statement journal, which went to a temporary file:
    /// an agency import of 100,000 rows 10.6 → 6.2 s, docs/benchmarks.md); and the log's checkpoint threshold
    /// (<see cref="AutoCheckpointPages"/>). All stay with the handle while the pool keeps it, so a pooled open runs no
    /// statement: setting them on every open cost ~5 µs, twice per authenticated request.
    /// </summary>
    public static async Task PrepareAsync(SqliteConnection connection, CancellationToken ct, int busyTimeoutMs = BusyTimeoutMs)
    {
        var handle = connection.Handle ?? throw new InvalidOperationException("The connection is not open.");
        if (Ready.TryGetValue(handle, out _)) return;
        SwitchOn(handle, EnableForeignKeys, "foreign keys");
        SQLitePCL.raw.sqlite3_busy_timeout(handle, busyTimeoutMs);
        await using (var pragma = connection.CreateCommand())
        {
            pragma.CommandText = $"PRAGMA synchronous = NORMAL; PRAGMA temp_store = MEMORY; {AutoCheckpoint}";
            await pragma.ExecuteNonQueryAsync(ct);
        }
        Ready.AddOrUpdate(handle, Prepared);
    }

    /// <summary>This connection leaves the write-ahead log as it is when it closes (SQLITE_DBCONFIG_NO_CKPT_ON_CLOSE).</summary>
    public static void NoCheckpointOnClose(SqliteConnection connection) =>
        SwitchOn(connection.Handle ?? throw new InvalidOperationException("The connection is not open."), NoCheckpointOnCloseOption, "no checkpoint on close");

    /// <summary>Switches one of the connection's <c>sqlite3_db_config</c> options on, and checks that it is.</summary>
    private static void SwitchOn(SQLitePCL.sqlite3 handle, int option, string what)
    {
        var rc = SQLitePCL.raw.sqlite3_db_config(handle, option, 1, out var on);
        if (rc != SQLitePCL.raw.SQLITE_OK || on != 1) throw new InvalidOperationException($"SQLite did not switch {what} on (rc {rc}).");
    }

    private const int NoCheckpointOnCloseOption = 1006; // SQLITE_DBCONFIG_NO_CKPT_ON_CLOSE

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

    // ---- maintenance statements the factory runs on SQLite only (SQL Server keeps statistics, checkpoints and memory itself) ----

    // SQLite never refreshes sqlite_stat1 by itself, and this SQLite's PRAGMA optimize only looks at tables the
    // same connection has queried. Stale figures are costly: with statistics taken over 17 agencies, a lookup of
    // three agencies by id read all 100,000 of them after an import (16 ms a page). ANALYZE with a sampling limit
    // takes well under 0.1 s over 200,000 rows.
    public const string RefreshStatistics = "PRAGMA analysis_limit = 1000; ANALYZE;";

    // At commit SQLite copies the write-ahead log into the database once it holds more than a set number of pages
    // (SqliteEngine.AutoCheckpointPages, restored here): for an import of 100,000 rows that is ~70 MB and a third of
    // a second, in the request.
    public const string PauseCheckpoints = "PRAGMA wal_autocheckpoint = 0;";
    public static string ResumeCheckpoints => AutoCheckpoint;
    // PASSIVE: copies what it can without waiting for readers or blocking writers; a later checkpoint does the rest.
    public const string Checkpoint = "PRAGMA wal_checkpoint(PASSIVE);";

    // A page cache of 4 MB instead of SQLite's default 2 MB while an import writes. An import's rows touch about ten
    // b-trees each (the table, its indexes, the audit entries and theirs), and below ~100-130 cached pages SQLite spends
    // its time moving pages between the cache and the log: 100,000 agencies took ~25 s instead of ~1.5 s (insert-floor
    // with 96 pages of 16 KB, or 100 of 4 KB). The default 2 MB is 128 pages of 16 KB, right at that edge; 4 MB is 256,
    // twice the edge (8 MB, 512 pages, lifted the import benchmark's peak memory to ~250 MB of the 256 allowed). The
    // default comes back when the write ends: pooled connections stay small.
    public const string BeginBulkWrite = "PRAGMA cache_size = -4096;";
    public const string EndBulkWrite = "PRAGMA cache_size = -2000;";
}
