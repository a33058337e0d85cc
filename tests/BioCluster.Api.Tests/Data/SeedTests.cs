using BioCluster.Api.Features.ReferenceData;
using BioCluster.Api.Infrastructure.Data;
using Dapper;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace BioCluster.Api.Tests.Data;

/// <summary>Migration and seeding on a real SQLite file.</summary>
public sealed class SeedTests : IDisposable
{
    private readonly string _folder = Path.Combine(Path.GetTempPath(), "biocluster-tests", Guid.NewGuid().ToString("N"));
    private readonly DbConnectionFactory _db;
    private readonly Migrator _migrator;
    private readonly ReferenceSeeder _seeder;

    public SeedTests()
    {
        DapperSetup.Configure();
        var options = Options.Create(new DatabaseOptions { Provider = DatabaseProvider.Sqlite, DataDirectory = _folder });
        _db = new DbConnectionFactory(options, new TestEnvironment());
        _migrator = new Migrator(_db, NullLogger<Migrator>.Instance);
        var json = Options.Create(new Microsoft.AspNetCore.Http.Json.JsonOptions());
        _seeder = new ReferenceSeeder(_db, TimeProvider.System, new BioCluster.Api.Features.Audit.AuditStore(_db, TimeProvider.System, json),
            NullLogger<ReferenceSeeder>.Instance);
    }

    private Task Init() => DatabaseInitializer.MigrateAndSeedAsync(_db, _migrator, _seeder, null, CancellationToken.None);

    private async Task<string> Snapshot()
    {
        await using var c = await _db.OpenAsync();
        var agencies = await c.QueryAsync<string>("SELECT code || '|' || name_ko || '|' || kind || '|' || status || '|' || version || '|' || updated_at FROM agencies ORDER BY id");
        var clusters = await c.QueryAsync<string>("SELECT code || '|' || name_ko || '|' || operator_id || '|' || status || '|' || version || '|' || updated_at FROM clusters ORDER BY id");
        return string.Join("\n", agencies.Concat(clusters));
    }

    [Fact]
    public async Task FirstRun_CreatesTheFileAndSeedsTheReferenceData()
    {
        await Init();
        Assert.True(File.Exists(Path.Combine(_folder, "biocluster.db")));
        await using var c = await _db.OpenAsync();
        Assert.Equal(ReferenceData.Agencies.Count, await c.ExecuteScalarAsync<int>("SELECT COUNT(*) FROM agencies"));
        Assert.Equal(6, await c.ExecuteScalarAsync<int>("SELECT COUNT(*) FROM clusters"));
        Assert.Equal(ReferenceData.Agencies.Count(a => a.Kind == Contracts.Registry.AgencyKind.Ministry),
            await c.ExecuteScalarAsync<int>("SELECT COUNT(*) FROM agencies WHERE kind = 'ministry'"));
        Assert.Equal(6 + GovernmentAgencies.All.Count, await c.ExecuteScalarAsync<int>("SELECT COUNT(*) FROM agencies WHERE kind = 'ministry'"));
        Assert.Equal("mohw", await c.ExecuteScalarAsync<string>(
            "SELECT p.code FROM agencies g JOIN agencies p ON p.id = g.parent_id WHERE g.code = 'kdca'"));
        Assert.Equal(6, await c.ExecuteScalarAsync<int>("SELECT COUNT(*) FROM agencies WHERE kind = 'cluster_operator'"));
        Assert.Equal("kbiohealth", await c.ExecuteScalarAsync<string>(
            "SELECT a.code FROM clusters c JOIN agencies a ON a.id = c.operator_id WHERE c.code = 'osong'"));
        // Every seeded record's history starts with its creation by BioCluster itself (the agencies, the six clusters, the Gwanggyo bio site).
        Assert.Equal(ReferenceData.Agencies.Count + 6 + 1, await c.ExecuteScalarAsync<int>(
            "SELECT COUNT(*) FROM audit_entries WHERE action = 'create' AND actor_type = 'system' AND actor_name = 'reference-data'"));
    }

    [Fact]
    public async Task ANewFile_Gets16KbPages_AndAnOlderFileKeepsItsOwn()
    {
        await Init();
        await using (var c = await _db.OpenAsync())
        {
            Assert.Equal(Migrator.SqlitePageSize, await c.ExecuteScalarAsync<int>("PRAGMA page_size"));
            Assert.Equal("wal", await c.ExecuteScalarAsync<string>("PRAGMA journal_mode"));
            // Each connection's own settings: 4 MB of log before a checkpoint, and a writer waits out another's write.
            Assert.Equal(256, await c.ExecuteScalarAsync<int>("PRAGMA wal_autocheckpoint"));
            Assert.Equal(SqliteEngine.BusyTimeoutMs, await c.ExecuteScalarAsync<int>("PRAGMA busy_timeout"));
        }

        // A file made with SQLite's default 4 KB pages (as before the setting) migrates and keeps them.
        var older = Path.Combine(_folder, "older");
        Directory.CreateDirectory(older);
        await using (var file = new SqliteConnection($"Data Source={Path.Combine(older, "biocluster.db")};Pooling=False"))
        {
            await file.OpenAsync();
            await file.ExecuteAsync("PRAGMA page_size = 4096; PRAGMA journal_mode = WAL; CREATE TABLE kept (id INTEGER PRIMARY KEY);");
        }
        var olderDb = new DbConnectionFactory(Options.Create(new DatabaseOptions { Provider = DatabaseProvider.Sqlite, DataDirectory = older }), new TestEnvironment());
        Assert.Equal(Migrator.Scripts(DatabaseProvider.Sqlite).Count, await new Migrator(olderDb, NullLogger<Migrator>.Instance).MigrateAsync());
        await using (var c = await olderDb.OpenAsync())
        {
            Assert.Equal(4096, await c.ExecuteScalarAsync<int>("PRAGMA page_size"));
            Assert.Equal("ok", await c.ExecuteScalarAsync<string>("PRAGMA integrity_check"));
        }
    }

    [Fact]
    public async Task SecondRun_ChangesNothing()
    {
        await Init();
        var before = await Snapshot();
        await using var c = await _db.OpenAsync();
        var entries = await c.ExecuteScalarAsync<int>("SELECT COUNT(*) FROM audit_entries");
        Assert.Equal(0, await _migrator.MigrateAsync());
        Assert.Equal(0, await _seeder.SeedAsync());
        Assert.Equal(before, await Snapshot());
        Assert.Equal(entries, await c.ExecuteScalarAsync<int>("SELECT COUNT(*) FROM audit_entries"));
    }

    [Fact]
    public async Task EditedRenamedOrArchivedRecords_AreNeverOverwrittenOrRecreated()
    {
        await Init();
        await using (var c = await _db.OpenAsync())
        {
            await c.ExecuteAsync("UPDATE clusters SET name_ko = '오송 바이오밸리', version = version + 1 WHERE code = 'osong'");
            await c.ExecuteAsync("UPDATE agencies SET code = 'mfds-renamed' WHERE code = 'mfds'");
            await c.ExecuteAsync("UPDATE clusters SET status = 'archived' WHERE code = 'wonju'");
        }
        var before = await Snapshot();
        Assert.Equal(0, await _seeder.SeedAsync());
        Assert.Equal(before, await Snapshot());
        await using var check = await _db.OpenAsync();
        Assert.Equal("오송 바이오밸리", await check.ExecuteScalarAsync<string>("SELECT name_ko FROM clusters WHERE code = 'osong'"));
        Assert.Equal(0, await check.ExecuteScalarAsync<int>("SELECT COUNT(*) FROM agencies WHERE code = 'mfds'"));
    }

    [Fact]
    public async Task StewardsEditOfASeededMinistry_SurvivesAReseed()
    {
        await Init();
        await using (var c = await _db.OpenAsync())
        {
            await c.ExecuteAsync("UPDATE agencies SET name_ko = '국토교통부(국토정책)', name_en = NULL, version = version + 1 WHERE code = 'molit'");
            await c.ExecuteAsync("UPDATE agencies SET status = 'archived', version = version + 1 WHERE code = 'mou'");
        }
        var before = await Snapshot();
        Assert.Equal(0, await _seeder.SeedAsync());
        Assert.Equal(before, await Snapshot());
        await using var check = await _db.OpenAsync();
        Assert.Equal("국토교통부(국토정책)", await check.ExecuteScalarAsync<string>("SELECT name_ko FROM agencies WHERE code = 'molit'"));
        Assert.Null(await check.ExecuteScalarAsync<string>("SELECT name_en FROM agencies WHERE code = 'molit'"));
        Assert.Equal("archived", await check.ExecuteScalarAsync<string>("SELECT status FROM agencies WHERE code = 'mou'"));
    }

    [Fact]
    public async Task AnOlderDatabase_GetsTheNewMinistries_ButAnAgencyAStewardLoadedUnderTheSameCodeIsLeftAsItIs()
    {
        // A database seeded before the full registry: the launch records are there and logged, and a steward has
        // already imported 국토교통부 under the code the seed now uses.
        await Init();
        await using (var c = await _db.OpenAsync())
        {
            foreach (var a in GovernmentAgencies.All)
                await c.ExecuteAsync("UPDATE agencies SET parent_id = NULL WHERE parent_id = (SELECT id FROM agencies WHERE code = @Code)", new { a.Code });
            await c.ExecuteAsync("DELETE FROM agencies WHERE code IN @codes", new { codes = GovernmentAgencies.All.Select(a => a.Code).ToList() });
            await c.ExecuteAsync("DELETE FROM reference_seed WHERE seed_key IN @keys", new { keys = GovernmentAgencies.All.Select(a => "agency:" + a.Code).ToList() });
            await c.ExecuteAsync("""
                INSERT INTO agencies (code, name_ko, name_en, kind, status, version, created_at, updated_at)
                VALUES ('molit', '국토부(스튜어드 입력)', 'MOLIT (steward)', 'public_institution', 'active', 3, 'x', 'x')
                """);
        }
        Assert.Equal(GovernmentAgencies.All.Count - 1, await _seeder.SeedAsync());
        await using var check = await _db.OpenAsync();
        Assert.Equal("국토부(스튜어드 입력)|public_institution|3", await check.ExecuteScalarAsync<string>(
            "SELECT name_ko || '|' || kind || '|' || version FROM agencies WHERE code = 'molit'"));
        Assert.Equal(GovernmentAgencies.All.Count - 1, await check.ExecuteScalarAsync<int>(
            "SELECT COUNT(*) FROM agencies WHERE code IN @codes AND kind = 'ministry' AND version = 1", new { codes = GovernmentAgencies.All.Select(a => a.Code).ToList() }));
        // Logged as done: the steward's record is not revisited on later runs either.
        Assert.Equal(0, await _seeder.SeedAsync());
    }

    [Fact]
    public async Task SqliteFile_UsesWalAndEnforcesForeignKeys()
    {
        await Init();
        await using var c = await _db.OpenAsync();
        Assert.Equal("wal", await c.ExecuteScalarAsync<string>("PRAGMA journal_mode"));
        Assert.Equal(1, await c.ExecuteScalarAsync<int>("PRAGMA foreign_keys"));
        var error = await Assert.ThrowsAsync<SqliteException>(() => c.ExecuteAsync(
            "INSERT INTO clusters (code, name_ko, region, operator_id, created_at, updated_at) VALUES ('fk', '외래키', 'seoul', 999999, 'x', 'x')"));
        Assert.Equal(19, error.SqliteErrorCode); // SQLITE_CONSTRAINT
    }

    [Fact]
    public async Task EveryOpen_HasForeignKeysAndNormalSync_FreshOrPooled()
    {
        await Init();
        for (var open = 0; open < 3; open++)
        {
            if (open == 2) SqliteConnection.ClearAllPools(); // a new physical connection is set up as well
            await using var c = await _db.OpenAsync();
            Assert.Equal(1, await c.ExecuteScalarAsync<int>("PRAGMA foreign_keys"));
            Assert.Equal(1, await c.ExecuteScalarAsync<int>("PRAGMA synchronous")); // NORMAL
        }
    }

    [Fact]
    public async Task PreparedInsert_ReturnsEachNewRowsId()
    {
        await Init();
        await using var c = await _db.OpenAsync();
        await using var tx = await c.BeginTransactionAsync();
        await using var insert = BulkStatement.PrepareInsert(c, tx, _db.Dialect, """
            INSERT INTO agencies (code, name_ko, kind, status, version, created_at, updated_at)
            VALUES (@Code, '아이디 확인', 'company', 'active', 1, 'x', 'x')
            """, ["Code"]);
        foreach (var name in new[] { "id-check-a", "id-check-b", "id-check-c" })
        {
            insert.Set(0, name);
            var id = await insert.InsertAsync(CancellationToken.None);
            Assert.Equal(name, await c.ExecuteScalarAsync<string>("SELECT code FROM agencies WHERE id = @id", new { id }, tx));
        }
    }

    [Fact]
    public async Task ConcurrentStarts_MigrateOnce()
    {
        Directory.CreateDirectory(_folder);
        var runs = await Task.WhenAll(Enumerable.Range(0, 4).Select(_ => Task.Run(() => _migrator.MigrateAsync())));
        Assert.Equal(Migrator.Scripts(DatabaseProvider.Sqlite).Count, runs.Sum());
        Assert.Single(runs, r => r > 0); // one start applied everything; the others found nothing to do
    }

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        try { Directory.Delete(_folder, recursive: true); } catch (IOException) { }
    }

    private sealed class TestEnvironment : IHostEnvironment
    {
        public string EnvironmentName { get; set; } = "Testing";
        public string ApplicationName { get; set; } = "BioCluster.Api";
        public string ContentRootPath { get; set; } = Path.GetTempPath();
        public Microsoft.Extensions.FileProviders.IFileProvider ContentRootFileProvider { get; set; } = null!;
    }
}
