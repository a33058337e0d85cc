using System.Data.Common;
using BioCluster.Api.Infrastructure.Data;
using BioCluster.Api.Tests.Infrastructure;
using Dapper;
using Microsoft.Data.Sqlite;

namespace BioCluster.Api.Tests.Data;

/// <summary>The hot list's reads through kept statements on SQLite give what Dapper gives for the same SQL and parameters.</summary>
public sealed class SqliteStatementsTests : TempSqliteDatabase
{
    protected override async Task SetUpAsync(DbConnection c)
    {
        await c.ExecuteAsync("PRAGMA journal_mode = WAL;"); // as the API's database (readers and a writer side by side)
        await c.ExecuteAsync("""
            CREATE TABLE t (id INTEGER PRIMARY KEY, status TEXT NOT NULL, name TEXT NULL, n INTEGER NULL, at TEXT NOT NULL, day TEXT NULL);
            """);
        var rows = Enumerable.Range(1, 200).Select(i => new
        {
            id = i, status = new[] { "submitted", "under_review", "accepted", "withdrawn" }[i % 4], name = i % 7 == 0 ? null : $"이름 {i} 🧬",
            n = i % 5 == 0 ? (long?)null : i * 1_000_000_007L, at = new DateTimeOffset(2026, 1, 1, 0, 0, 0, TimeSpan.Zero).AddHours(i),
            day = i % 3 == 0 ? (DateOnly?)null : new DateOnly(2026, 1, 1).AddDays(i),
        });
        await c.ExecuteAsync("INSERT INTO t (id, status, name, n, at, day) VALUES (@id, @status, @name, @n, @at, @day)", rows);
    }

    private sealed record Row(long Id, string Status, string? Name, long? N, DateTimeOffset At, DateOnly? Day);

    private static Row Read(RowReader r) => new(r.Long(0), r.Text(1), r.TextOrNull(2), r.LongOrNull(3), r.Instant(4), r.DateOrNull(5));

    private const string Sql = """
        SELECT id, status, name, n, at, day FROM t
        WHERE status IN @Statuses AND at >= @From AND (@Name IS NULL OR name LIKE @Name) AND (day IS NULL OR day > @Day) AND id > @After
        ORDER BY id LIMIT @Limit
        """;

    public static TheoryData<string[], int, string?, int> Filters => new()
    {
        { ["under_review"], 0, null, 50 },
        { ["under_review", "accepted"], 10, "%1%", 20 },
        { ["submitted", "accepted", "withdrawn"], 150, null, 200 },
        { ["nothing"], 0, null, 10 },
        { ["accepted", "under_review"], 0, "%🧬%", 1 },
    };

    [Theory]
    [MemberData(nameof(Filters))]
    public async Task KeptStatements_ReadWhatDapperReads(string[] statuses, int after, string? name, int limit)
    {
        var p = new DynamicParameters();
        p.Add("Statuses", statuses);
        p.Add("From", new DateTimeOffset(2026, 1, 2, 0, 0, 0, TimeSpan.Zero));
        p.Add("Name", name);
        p.Add("Day", new DateOnly(2026, 1, 10));
        p.Add("After", after);
        p.Add("Limit", limit);
        p.Add("Unused", "not in the statement"); // extra parameters are left alone, as Dapper leaves them
        await using var c = await Db.OpenAsync();
        var expected = (await c.QueryAsync(Sql, p)).Select(d => (IDictionary<string, object?>)d).Select(d => new Row(
            (long)d["id"]!, (string)d["status"]!, (string?)d["name"], (long?)d["n"], UtcTimestampHandler.ParseText((string)d["at"]!),
            d["day"] is string day ? DateOnlyHandler.ParseText(day) : null)).ToList();
        for (var round = 0; round < 3; round++) // the second and third runs use the kept statement
            Assert.Equal(expected, await Rows.QueryAsync(c, Sql, p, Read));
        if (statuses[0] != "nothing") Assert.NotEmpty(expected); // the filters were chosen to find rows
    }

    private sealed class Keyed
    {
        public long Id { get; set; }
        public DateTimeOffset At { get; set; }
    }

    [Fact]
    public async Task APage_RunsItsKeptStatementsWithoutCompilingThemAgain()
    {
        var sort = new SortSpec<Keyed>(SortField<Keyed>.Instant("at", "t.at", r => r.At), Descending: true);
        await using var c = await Db.OpenAsync();
        KeysetCursor? cursor = null;
        var seen = new List<long>();
        for (var page = 0; page < 6; page++) // a new cursor and LIKE pattern each time: only the values change
        {
            var p = new DynamicParameters();
            p.Add("Statuses", new[] { "under_review", "accepted" });
            p.Add("Name", page % 2 == 0 ? "%x%" : "%y%"); // matches no name: a new pattern, the same rows
            var (rows, next, total) = await Keyset.PageAsync(c, SqliteDialect.Instance, "SELECT t.id, t.at FROM t", "t",
                ["t.status IN @Statuses", "t.name NOT LIKE @Name"], p, sort, cursor, 7, "t.id", r => r.Id, keysFirst: page % 2 == 0,
                rows: Rows.ByName<Keyed>());
            Assert.True(rows.Count == 7, $"page {page}: {rows.Count} rows, total {total}, ids {string.Join(",", rows.Select(r => r.Id))}");
            Assert.True(total > 0);
            seen.AddRange(rows.Select(r => r.Id));
            Assert.True(Keyset.TryDecode(next, sort, out cursor));
        }
        Assert.Equal(seen.Count, seen.Distinct().Count());
        // A LIKE pattern steers the plan, so its statements are compiled again when it changes (SQLite's rule); the
        // rest never are: the count here is the LIKE statements' alone. A bound LIMIT made every page compile again.
        var like = SqliteStatements.RecompiledOn((SqliteConnection)c);
        for (var round = 0; round < 5; round++)
        {
            var p = new DynamicParameters();
            p.Add("Statuses", new[] { "under_review", "accepted" });
            await Keyset.PageAsync(c, SqliteDialect.Instance, "SELECT t.id, t.at FROM t", "t", ["t.status IN @Statuses"], p, sort,
                cursor, 7, "t.id", r => r.Id, keysFirst: true, rows: Rows.ByName<Keyed>());
        }
        Assert.Equal(like, SqliteStatements.RecompiledOn((SqliteConnection)c));
    }

    [Fact]
    public async Task ReadsTogether_SeeOneSnapshot_AndLeaveNoTransactionBehind()
    {
        const string count = "SELECT COUNT(*) FROM t";
        await using var c = await Db.OpenAsync();
        var sqlite = (SqliteConnection)c;
        await using var writer = await Db.OpenAsync();
        using (Rows.ReadTogether(c))
        {
            Assert.Equal(200, (await Rows.QueryAsync(c, count, null, r => r.Int(0)))[0]);
            await writer.ExecuteAsync("INSERT INTO t (id, status, at) VALUES (1001, 'accepted', '2030-01-01T00:00:00.0000000Z')");
            Assert.Equal(200, (await Rows.QueryAsync(c, count, null, r => r.Int(0)))[0]); // the snapshot of the first read
        }
        Assert.Equal(1, SQLitePCL.raw.sqlite3_get_autocommit(sqlite.Handle)); // back in autocommit: the pool gets it clean
        Assert.Equal(201, (await Rows.QueryAsync(c, count, null, r => r.Int(0)))[0]);
        try
        {
            using (Rows.ReadTogether(c))
            {
                await Rows.QueryAsync(c, count, null, r => r.Int(0));
                throw new InvalidOperationException("a read failed");
            }
        }
        catch (InvalidOperationException)
        {
        }
        Assert.Equal(1, SQLitePCL.raw.sqlite3_get_autocommit(sqlite.Handle));
    }

    [Fact]
    public async Task ParametersNotNamedWithAt_AreRefused_AndNothingIsKept()
    {
        await using var c = await Db.OpenAsync();
        foreach (var sql in new[] { "SELECT ?1", "SELECT :name", "SELECT @a, $b" })
            Assert.Throws<ArgumentException>(() => Rows.QueryAsync(c, sql, null, r => r.Long(0)).GetAwaiter().GetResult());
        Assert.Equal(0, SqliteStatements.KeptOn((SqliteConnection)c));
        Assert.Equal(200, (await Rows.QueryAsync(c, "SELECT COUNT(*) FROM t", null, r => r.Int(0)))[0]);
    }

    [Fact]
    public async Task BlobsFlagsAndNumbers_BindAsDapperBindsThem()
    {
        var p = new DynamicParameters();
        p.Add("Blob", new byte[] { 1, 2, 3 }); // a byte array is one value, not a list
        p.Add("Flag", true);
        p.Add("Ratio", 0.25);
        p.Add("Nothing", null);
        const string sql = "SELECT length(@Blob), typeof(@Blob), @Flag + 0, @Ratio * 4, @Nothing IS NULL";
        await using var c = await Db.OpenAsync();
        var dapper = (await c.QueryAsync<(long, string, long, double, long)>(sql, p)).Single();
        var kept = (await Rows.QueryAsync(c, sql, p, r => (r.Long(0), r.Text(1), r.Long(2), (double)r.Long(3), r.Long(4)))).Single();
        Assert.Equal((3L, "blob", 1L, 1.0, 1L), dapper);
        Assert.Equal(dapper, kept);
    }

    [Fact]
    public async Task ManyDifferentTexts_KeepABoundedSet_AndStillRead()
    {
        await using var c = await Db.OpenAsync();
        for (var n = 1; n <= SqliteStatements.MaxKept * 2 + 5; n++) // a list of n statuses is a different text each time
        {
            var p = new DynamicParameters();
            p.Add("Statuses", Enumerable.Repeat("accepted", n).ToArray());
            Assert.Equal(50, (await Rows.QueryAsync(c, "SELECT COUNT(*) FROM t WHERE status IN @Statuses", p, r => r.Int(0)))[0]);
            Assert.InRange(SqliteStatements.KeptOn((SqliteConnection)c), 1, SqliteStatements.MaxKept);
        }
    }

    [Fact]
    public async Task AFailedRead_LeavesTheStatementReusable_AndHoldsNoReadTransaction()
    {
        var p = new DynamicParameters();
        p.Add("Statuses", new[] { "accepted" });
        p.Add("From", DateTimeOffset.UnixEpoch);
        p.Add("Name", null);
        p.Add("Day", new DateOnly(2000, 1, 1));
        p.Add("After", 0);
        p.Add("Limit", 10);
        await using var c = await Db.OpenAsync();
        Assert.Throws<InvalidOperationException>(() => Rows.QueryAsync<Row>(c, Sql, p, _ => throw new InvalidOperationException("reader failed")).GetAwaiter().GetResult());
        // Reset after the failure: no read transaction is left open, so another connection can checkpoint the whole log.
        await using (var other = await Db.OpenAsync())
        {
            await other.ExecuteAsync("INSERT INTO t (id, status, at) VALUES (1000, 'accepted', '2030-01-01T00:00:00.0000000Z')");
            var checkpoint = (await other.QueryAsync<(long Busy, long Log, long Done)>("PRAGMA wal_checkpoint(TRUNCATE)")).Single();
            Assert.Equal(0, checkpoint.Busy);
        }
        Assert.Equal(10, (await Rows.QueryAsync(c, Sql, p, Read)).Count);
        var missing = new DynamicParameters();
        missing.Add("Statuses", new[] { "accepted" });
        Assert.Throws<ArgumentException>(() => Rows.QueryAsync(c, Sql, missing, Read).GetAwaiter().GetResult());
    }
}
