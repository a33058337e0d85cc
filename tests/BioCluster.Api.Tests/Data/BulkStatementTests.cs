using System.Data.Common;
using System.Text;
using System.Text.Json;
using BioCluster.Api.Features.Access;
using BioCluster.Api.Features.Audit;
using BioCluster.Api.Infrastructure.Data;
using BioCluster.Api.Infrastructure.Http;
using BioCluster.Api.Tests.Infrastructure;
using Dapper;
using Microsoft.Data.Sqlite;

namespace BioCluster.Api.Tests.Data;

/// <summary>The import's write path on SQLite's C API, on a real file: values, errors and transactions as ADO.NET gives them.</summary>
public sealed class BulkStatementTests : TempSqliteDatabase
{
    protected override async Task SetUpAsync(DbConnection c)
    {
        await new Migrator(Db, Microsoft.Extensions.Logging.Abstractions.NullLogger<Migrator>.Instance).MigrateAsync(); // audit_entries
        await c.ExecuteAsync("""
            CREATE TABLE t (id INTEGER PRIMARY KEY AUTOINCREMENT, code TEXT NOT NULL UNIQUE, name TEXT NULL, n INTEGER NULL, doc TEXT NULL, at TEXT NULL,
                parent_id INTEGER NULL REFERENCES t (id))
            """);
    }

    private static readonly string[] Columns = ["Code", "Name", "N", "Doc", "At", "Parent"];
    private const string Insert = "INSERT INTO t (code, name, n, doc, at, parent_id) VALUES (@Code, @Name, @N, @Doc, @At, @Parent)";

    [Fact]
    public async Task Values_AreStoredAsTheDriverStoresThem()
    {
        var at = new DateTimeOffset(2026, 11, 25, 18, 30, 1, TimeSpan.FromHours(9)).AddTicks(1234567);
        await using var c = await Db.OpenAsync();
        await using var tx = await c.BeginTransactionAsync();
        long first, second;
        await using (var s = BulkStatement.PrepareInsert(c, tx, Db.Dialect, Insert, Columns))
        {
            s.Set(0, "부산-바이오"); s.Set(1, "오송 첨단의료산업진흥재단 🧬 \"인용\"\n줄"); s.Set(2, 42L); s.SetUtf8(3, Encoding.UTF8.GetBytes("{\"이름\":\"값\"}"));
            s.Set(4, at); s.Set(5, (long?)null);
            first = await s.InsertAsync(CancellationToken.None);
            // An empty text stays empty (not NULL); a null is NULL; values not set again are kept from the last run.
            s.Set(0, "second"); s.Set(1, ""); s.Set(2, (long?)null); s.Set(5, first);
            second = await s.InsertAsync(CancellationToken.None);
        }
        await tx.CommitAsync();

        Assert.Equal(first + 1, second);
        var rows = (await c.QueryAsync<(long Id, string Code, string? Name, long? N, string? Doc, string? At, long? ParentId)>(
            "SELECT id, code, name, n, doc, at, parent_id FROM t ORDER BY id")).ToList();
        Assert.Equal((first, "부산-바이오", "오송 첨단의료산업진흥재단 🧬 \"인용\"\n줄", (long?)42, "{\"이름\":\"값\"}", UtcTimestampHandler.Format(at), (long?)null), rows[0]);
        Assert.Equal((second, "second", "", (long?)null, "{\"이름\":\"값\"}", "2026-11-25T09:30:01.1234567Z", (long?)first), rows[1]);
        Assert.Equal(1, await c.ExecuteScalarAsync<int>("SELECT COUNT(*) FROM t WHERE name = '' AND name IS NOT NULL"));
    }

    [Fact]
    public async Task Errors_AreSqliteExceptions_AndTheStatementGoesOn()
    {
        await using var c = await Db.OpenAsync();
        await using var tx = await c.BeginTransactionAsync();
        await using var s = BulkStatement.Prepare(c, tx, Insert, Columns);
        s.Set(0, "a"); s.Set(1, (string?)null); s.Set(2, (long?)null); s.Set(3, (string?)null); s.Set(4, (string?)null); s.Set(5, (long?)null);
        Assert.Equal(1, await s.ExecuteAsync(CancellationToken.None));
        var duplicate = await Assert.ThrowsAsync<SqliteException>(async () => await s.ExecuteAsync(CancellationToken.None));
        Assert.True(Db.Dialect.IsUniqueViolation(duplicate));
        s.Set(0, "b"); s.Set(5, 999_999L); // no such parent: foreign keys are on for the connection
        var orphan = await Assert.ThrowsAsync<SqliteException>(async () => await s.ExecuteAsync(CancellationToken.None));
        Assert.Equal(787, orphan.SqliteExtendedErrorCode); // SQLITE_CONSTRAINT_FOREIGNKEY
        s.Set(5, (long?)null);
        Assert.Equal(1, await s.ExecuteAsync(CancellationToken.None)); // reset after a failure, usable again
        await tx.RollbackAsync();
        Assert.Equal(0, await c.ExecuteScalarAsync<int>("SELECT COUNT(*) FROM t")); // the driver's transaction holds its rows
    }

    [Fact]
    public async Task Prepare_RefusesWhatItCannotBindByName()
    {
        await using var c = await Db.OpenAsync();
        await using var tx = await c.BeginTransactionAsync();
        Assert.Throws<ArgumentException>(() => BulkStatement.Prepare(c, tx, Insert, ["Code", "Name", "N", "Doc", "At", "Nope"]));
        Assert.Throws<ArgumentException>(() => BulkStatement.Prepare(c, tx, Insert, ["Code", "Name", "N", "Doc", "At"]));
        Assert.Throws<ArgumentException>(() => BulkStatement.Prepare(c, tx, "INSERT INTO t (code) VALUES (@Code); DELETE FROM t", ["Code"]));
        Assert.Throws<SqliteException>(() => BulkStatement.Prepare(c, tx, "INSERT INTO nowhere (code) VALUES (@Code)", ["Code"]));
    }

    [Fact]
    public async Task AuditBatch_WritesTheSameJsonAsTheAuditStore()
    {
        var json = new JsonSerializerOptions(JsonSerializerDefaults.Web);
        JsonSetup.Configure(json);
        var value = new { Code = "x<y>&'z'", NameKo = "대구경북첨단의료산업진흥재단", NameEn = (string?)null, Tags = new[] { "a\u2028b", "🧬" }, Number = 1.5m };
        await using var c = await Db.OpenAsync();
        await using (var tx = await c.BeginTransactionAsync())
        {
            await using (var batch = new AuditBatch(c, tx, Actor.System("test"), DateTimeOffset.UnixEpoch, json))
            {
                await batch.WriteAsync("update", "thing", 1, value, value with { }, CancellationToken.None);
                await batch.WriteAsync("create", "thing", 2, null, new { Short = 1 }, CancellationToken.None); // a shorter entry after a longer one
            }
            await tx.CommitAsync();
        }
        var entries = (await c.QueryAsync<(string? Before, string After)>("SELECT before_json, after_json FROM audit_entries ORDER BY id")).ToList();
        Assert.Equal(JsonSerializer.Serialize(value, json), entries[0].Before);
        Assert.Equal(JsonSerializer.Serialize(value, json), entries[0].After);
        Assert.Null(entries[1].Before);
        Assert.Equal("{\"short\":1}", entries[1].After);
    }
}

/// <summary>A bulk write's commit leaves the write-ahead log to a checkpoint run after it answers (SQLite), on a real file.</summary>
public sealed class CheckpointTests : TempSqliteDatabase
{
    protected override Task SetUpAsync(DbConnection c) =>
        c.ExecuteAsync("PRAGMA journal_mode = WAL; CREATE TABLE t (id INTEGER PRIMARY KEY, text TEXT NOT NULL);");

    /// <summary>Commits ~8 MB (about 2,000 pages, over the threshold for a checkpoint at commit, SqliteEngine.AutoCheckpointPages).</summary>
    private static async Task WriteAsync(DbConnection c)
    {
        await using var tx = await c.BeginTransactionAsync();
        await c.ExecuteAsync("INSERT INTO t (text) SELECT printf('%.400c', 'x') FROM json_each(@ids)", new { ids = "[" + string.Join(',', Enumerable.Range(0, 20_000)) + "]" }, tx);
        await tx.CommitAsync();
    }

    private long DatabaseBytes() => new FileInfo(File).Length;

    [Fact]
    public async Task Paused_TheCommitAndTheClose_LeaveTheLog_UntilTheCheckpoint()
    {
        var before = DatabaseBytes();
        await using (var c = await Db.OpenAsync())
        {
            await Db.PauseCheckpointsAsync(c);
            await WriteAsync(c);
            Assert.Equal(before, DatabaseBytes()); // the rows are in the log only
            await Db.ResumeCheckpointsAsync(c);
            Assert.Equal(SqliteEngine.AutoCheckpointPages, await c.ExecuteScalarAsync<long>("PRAGMA wal_autocheckpoint"));
        }
        SqliteConnection.ClearAllPools(); // the paused connection was the last one open: closing it copied nothing either
        Assert.Equal(before, DatabaseBytes());
        await using (var reader = await Db.OpenAsync())
            Assert.Equal(20_000, await reader.ExecuteScalarAsync<int>("SELECT COUNT(*) FROM t")); // and the rows are there for every connection

        await Db.CheckpointAsync();
        Assert.True(DatabaseBytes() > before + 7_000_000, $"{DatabaseBytes()} bytes after the checkpoint");
    }

    [Fact]
    public async Task NotPaused_TheCommitCheckpoints()
    {
        var before = DatabaseBytes();
        await using (var c = await Db.OpenAsync()) await WriteAsync(c);
        Assert.True(DatabaseBytes() > before + 7_000_000, $"{DatabaseBytes()} bytes after the commit");
    }
}

/// <summary>
/// A writer that finds the database locked by another connection's write waits inside SQLite (its busy timeout) and
/// goes on the moment the lock is free. Left to the driver, it would be retried in steps of ~150 ms: concurrent
/// writes through HTTP had a p99 of 290–420 ms that way (docs/benchmarks.md, scripts/bench-writes.sh).
/// </summary>
public sealed class BusyTimeoutTests : TempSqliteDatabase
{
    protected override Task SetUpAsync(DbConnection c) =>
        c.ExecuteAsync("PRAGMA journal_mode = WAL; CREATE TABLE t (id INTEGER PRIMARY KEY, text TEXT NOT NULL);");

    [Fact]
    public async Task ASecondWriter_WaitsInSqlite_ForTheFirstToCommit()
    {
        await using var first = (SqliteConnection)await Db.OpenAsync();
        await using var second = (SqliteConnection)await Db.OpenAsync();
        await using var tx = await first.BeginTransactionAsync();
        await first.ExecuteAsync("INSERT INTO t (text) VALUES ('first')", transaction: tx);

        // Straight through SQLite's C API, so the driver's own retries play no part: without a busy timeout on the
        // connection this returns SQLITE_BUSY at once.
        var started = new TaskCompletionSource();
        var waiting = Task.Run(() =>
        {
            started.SetResult();
            return SQLitePCL.raw.sqlite3_exec(second.Handle, "BEGIN IMMEDIATE; INSERT INTO t (text) VALUES ('second'); COMMIT;");
        });
        await started.Task;
        await Task.Delay(200);
        Assert.False(waiting.IsCompleted, "the second writer did not wait for the first");
        await tx.CommitAsync();
        Assert.Equal(SQLitePCL.raw.SQLITE_OK, await waiting.WaitAsync(TimeSpan.FromSeconds(10)));
        Assert.Equal(["first", "second"], await first.QueryAsync<string>("SELECT text FROM t ORDER BY id"));
    }
}

/// <summary>A bulk write's connection gets a larger page cache for the write, and goes back to the pool with the default.</summary>
public sealed class BulkWriteCacheTests : TempSqliteDatabase
{
    protected override Task SetUpAsync(DbConnection c) => c.ExecuteAsync("CREATE TABLE t (id INTEGER PRIMARY KEY);");

    [Fact]
    public async Task TheCacheGrowsForTheWrite_AndShrinksAfter()
    {
        await using var c = await Db.OpenAsync();
        Assert.Equal(-2000, await c.ExecuteScalarAsync<int>("PRAGMA cache_size"));
        await using (await Db.BulkWriteAsync(c))
            Assert.Equal(-4096, await c.ExecuteScalarAsync<int>("PRAGMA cache_size"));
        Assert.Equal(-2000, await c.ExecuteScalarAsync<int>("PRAGMA cache_size"));
    }
}
