using System.Diagnostics;
using System.Text;
using BioCluster.Api.Features.Access;
using BioCluster.Api.Infrastructure.Data;
using Dapper;
using Microsoft.Data.Sqlite;

/// <summary>The pieces of the import benchmark (scripts/bench-imports.sh): the file, the key, and the raw-insert baseline.</summary>
internal static class ImportBench
{
    /// <summary>An API key of mohw (the secretariat) with these scopes, written straight into the database.</summary>
    public static async Task<string> MintKeyAsync(SqliteConnection db, SqliteTransaction? tx, string prefix, string scopes)
    {
        var key = $"{ApiKeyStore.KeyStart}{prefix}_{Guid.NewGuid():N}";
        var now = DateTimeOffset.UtcNow;
        var mohw = await db.ExecuteScalarAsync<long>("SELECT id FROM agencies WHERE code = 'mohw'", transaction: tx);
        await db.ExecuteAsync("""
            INSERT INTO api_keys (agency_id, name, prefix, key_hash, scopes, expires_at, version, created_at)
            VALUES (@mohw, 'benchmark', @prefix, @hash, @scopes, @expires, 1, @now)
            """, new { mohw, prefix, hash = ApiKeyStore.Hash(key), scopes, expires = now.AddDays(1), now }, tx);
        return key;
    }

    /// <summary>The row of agency <paramref name="i"/>: the same in the CSV and in the raw insert.</summary>
    private static (string Code, string NameKo, string NameEn, string Kind, string Sector, string Cluster, string Website) Agency(int i) =>
        ($"bench-co-{i:D6}", $"벤치마크 바이오 기업 {i:D6} (주)", $"Benchmark Bio Company {i:D6}", i % 10 == 0 ? "research_institute" : "company",
            i % 10 == 0 ? "research" : "industry", i % 2 == 0 ? "osong" : "daegu-gyeongbuk", $"https://co{i}.example.kr");

    public static async Task<int> WriteCsvAsync(string file, int rows)
    {
        await using var writer = new StreamWriter(file, false, new UTF8Encoding(true));
        await writer.WriteAsync("코드,국문명,영문명,유형,부문,클러스터코드,웹사이트\r\n");
        for (var i = 1; i <= rows; i++)
        {
            var a = Agency(i);
            await writer.WriteAsync($"{a.Code},{a.NameKo},{a.NameEn},{a.Kind},{a.Sector},{a.Cluster},{a.Website}\r\n");
        }
        return 0;
    }

    /// <summary>A backlog of <paramref name="rows"/> regulatory issues with realistic Korean texts (Korean headers, UTF-8 with BOM).</summary>
    public static async Task<int> WriteIssueCsvAsync(string file, int rows)
    {
        string[] categories = ["licensing_approval", "clinical_trials", "data_privacy", "reimbursement_pricing", "land_site", "workforce", "tax_finance", "import_export"];
        string[] raisers = ["kbiohealth", "ifez", "kmedihub", "innopolis", "gbsa", "wmit"];
        string[] clusters = ["osong", "songdo", "daegu-gyeongbuk", "innopolis", "gwanggyo", "wonju"];
        string[] priorities = ["urgent", "high", "normal", "low"];
        await using var writer = new StreamWriter(file, false, new UTF8Encoding(true));
        await writer.WriteAsync("외부참조번호,제목,현황및문제점,개선건의사항,분야,관련법령,관련조항,건의기관코드,관련클러스터코드,담당자,담당부서,우선순위,출처회의,태그\r\n");
        for (var i = 1; i <= rows; i++)
        {
            var c = i % clusters.Length;
            await writer.WriteAsync($"BENCH-{i:D7},\"{i}번 과제: 첨단 바이오 의약품 임상시험 승인 절차 간소화\"," +
                $"\"다기관 임상시험 승인 과정에서 기관마다 별도의 심의를 거쳐야 하여 평균 {i % 9 + 3}개월 이상 지연되고 있으며, 클러스터 입주기업의 개발 일정에 차질이 생기고 있습니다.\"," +
                $"\"공동 심의위원회의 결과를 참여 기관 모두가 인정하도록 관련 고시를 개정하고, 심의 기간을 30일 이내로 단축합니다.\"," +
                $"{categories[i % categories.Length]},약사법,제{i % 90 + 1}조,{raisers[c]},{clusters[c]},김담당,바이오정책과,{priorities[i % 4]},제1차 협의체 회의,임상;규제\r\n");
        }
        return 0;
    }

    /// <summary>The baseline: the same rows inserted by one Dapper batch in one transaction (no parsing, checks or audit).</summary>
    public static async Task<int> RawInsertAsync(string dbFile, int rows)
    {
        DapperSetup.Configure();
        await using var db = new SqliteConnection($"Data Source={dbFile};Foreign Keys=True");
        await db.OpenAsync();
        var clusters = (await db.QueryAsync<(string Code, long Id)>("SELECT code, id FROM clusters")).ToDictionary(c => c.Code, c => c.Id);
        var now = DateTimeOffset.UtcNow;
        var watch = Stopwatch.StartNew();
        await using var tx = await db.BeginTransactionAsync();
        await db.ExecuteAsync("""
            INSERT INTO agencies (code, name_ko, name_en, kind, sector, cluster_id, website, status, version, created_at, updated_at)
            VALUES (@Code, @NameKo, @NameEn, @Kind, @Sector, @ClusterId, @Website, 'active', 1, @Now, @Now)
            """, Enumerable.Range(1, rows).Select(i =>
        {
            var a = Agency(i);
            return new { a.Code, a.NameKo, a.NameEn, a.Kind, a.Sector, ClusterId = clusters[a.Cluster], a.Website, Now = now };
        }), tx);
        await tx.CommitAsync();
        Console.WriteLine($"RAW_SECONDS={watch.Elapsed.TotalSeconds:F3}");
        return 0;
    }

    public static async Task<int> KeyAsync(string dbFile, string scopes)
    {
        await using var db = new SqliteConnection($"Data Source={dbFile};Foreign Keys=True");
        await db.OpenAsync();
        Console.WriteLine($"KEY={await MintKeyAsync(db, null, "benchimport1", scopes)}");
        return 0;
    }
}

/// <summary>The import engine in-process on a CSV, without HTTP: how long reading, checking and writing take.</summary>
internal static class ImportProfile
{
    /// <summary>Each thread of this process with its CPU time so far (user + system, in clock ticks of 1/100 s), from /proc.</summary>
    private static Dictionary<string, (string Name, long Ticks)> ThreadTimes()
    {
        var times = new Dictionary<string, (string, long)>();
        if (!Directory.Exists("/proc/self/task")) return times;
        foreach (var task in Directory.GetDirectories("/proc/self/task"))
        {
            try
            {
                var stat = File.ReadAllText(Path.Combine(task, "stat"));
                var close = stat.LastIndexOf(')');
                var fields = stat[(close + 2)..].Split(' ');
                times[Path.GetFileName(task)] = (stat[(stat.IndexOf('(') + 1)..close], long.Parse(fields[11]) + long.Parse(fields[12]));
            }
            catch (IOException) { } // the thread ended meanwhile
        }
        return times;
    }

    public static async Task<int> RunAsync(string dbFile, string csvFile)
    {
        DapperSetup.Configure();
        var options = Microsoft.Extensions.Options.Options.Create(new DatabaseOptions { Provider = DatabaseProvider.Sqlite, ConnectionString = $"Data Source={dbFile}" });
        var factory = new DbConnectionFactory(options, new BenchEnvironment());
        var json = Microsoft.Extensions.Options.Options.Create(new Microsoft.AspNetCore.Http.Json.JsonOptions());
        BioCluster.Api.Infrastructure.Http.JsonSetup.Configure(json.Value.SerializerOptions); // the API's spelling
        var engine = new BioCluster.Api.Features.Imports.ImportEngine(factory, TimeProvider.System, json,
            Microsoft.Extensions.Options.Options.Create(new BioCluster.Api.Features.Imports.ImportOptions()));
        var target = new BioCluster.Api.Features.Imports.AgencyImport(new BioCluster.Api.Features.Agencies.CreateAgencyRequestValidator());
        var actor = Actor.System("benchmark");

        async Task<BioCluster.Api.Features.Imports.ImportFile> Open()
        {
            await using var file = File.OpenRead(csvFile);
            return await BioCluster.Api.Features.Imports.ImportFile.SpoolAsync(file, "text/csv", null, "agencies.csv", long.MaxValue, CancellationToken.None);
        }

        var allocatedBefore = GC.GetTotalAllocatedBytes();
        var watch = Stopwatch.StartNew();
        var validator = new BioCluster.Api.Features.Agencies.CreateAgencyRequestValidator();
        for (var i = 0; i < 100_000; i++)
            validator.Validate(new BioCluster.Contracts.Registry.CreateAgencyRequest($"bench-co-{i:D6}", $"벤치마크 바이오 기업 {i:D6} (주)",
                BioCluster.Contracts.Registry.AgencyKind.Company, $"Benchmark Bio Company {i:D6}", BioCluster.Contracts.Registry.Sector.Industry, null, $"https://co{i}.example.kr"));
        Console.WriteLine($"validate x100k {watch.Elapsed.TotalSeconds:F2} s  allocated {(GC.GetTotalAllocatedBytes() - allocatedBefore) / 1048576} MB");
        if (Environment.GetEnvironmentVariable("BENCH_VALIDATE_ONLY") is not null)
        {
            var req = new BioCluster.Contracts.Registry.CreateAgencyRequest("bench-co-000001", "벤치마크 바이오 기업 000001 (주)",
                BioCluster.Contracts.Registry.AgencyKind.Company, "Benchmark Bio Company 000001", BioCluster.Contracts.Registry.Sector.Industry, null, "https://co1.example.kr");
            for (var round = 0; round < 3; round++)
            {
                var a0 = GC.GetAllocatedBytesForCurrentThread();
                var w0 = Stopwatch.StartNew();
                for (var i = 0; i < 100_000; i++) validator.Validate(req);
                Console.WriteLine($"same request x100k {w0.Elapsed.TotalMilliseconds:F0} ms, {(GC.GetAllocatedBytesForCurrentThread() - a0) / 100_000} B each");
            }
            return 0;
        }
        watch.Restart();
        await using (var file = await Open())
        {
            Console.WriteLine($"spool          {watch.Elapsed.TotalSeconds:F2} s");
            watch.Restart();
            var n = 0;
            allocatedBefore = GC.GetTotalAllocatedBytes();
            await foreach (var _ in file.RowsAsync(target.Columns, CancellationToken.None)) n++;
            Console.WriteLine($"read {n} rows  {watch.Elapsed.TotalSeconds:F2} s  allocated {(GC.GetTotalAllocatedBytes() - allocatedBefore) / 1048576} MB");
        }
        // BENCH_RUNS=dry,dry,dry profiles the checks alone (default: a dry run, the import, a re-run).
        foreach (var dry in (Environment.GetEnvironmentVariable("BENCH_RUNS") ?? "dry,import,import").Split(',').Select(r => r == "dry"))
        {
            // BENCH_TRIM=1: memory given back before each run, as the API does after answering a large import.
            if (Environment.GetEnvironmentVariable("BENCH_TRIM") is not null)
                GC.Collect(GC.MaxGeneration, GCCollectionMode.Aggressive, blocking: true, compacting: true);
            await using var file = await Open();
            watch.Restart();
            var before = GC.GetTotalAllocatedBytes();
            var (paused, gen0, gen2) = (GC.GetTotalPauseDuration(), GC.CollectionCount(0), GC.CollectionCount(2));
            var threadsBefore = ThreadTimes();
            // The live heap, sampled by full collections on the side (slows the run; set BENCH_LIVE=1 to measure it).
            var live = 0L;
            using var sampling = new CancellationTokenSource();
            var sampler = Environment.GetEnvironmentVariable("BENCH_LIVE") is null ? Task.CompletedTask : Task.Run(async () =>
            {
                while (!sampling.IsCancellationRequested)
                {
                    live = Math.Max(live, GC.GetTotalMemory(forceFullCollection: true));
                    try { await Task.Delay(100, sampling.Token); } catch (OperationCanceledException) { }
                }
            });
            var report = await engine.RunAsync(target, file, "agencies.csv", dry, BioCluster.Contracts.Imports.ImportErrorMode.Fail, actor, CancellationToken.None);
            await sampling.CancelAsync();
            await sampler;
            var seconds = watch.Elapsed.TotalSeconds;
            watch.Restart();
            await engine.CheckpointAsync(); // as the API does after answering
            Console.WriteLine($"{(dry ? "dry run" : "import "),-14} {seconds:F2} s  {report.Totals}  allocated {(GC.GetTotalAllocatedBytes() - before) / 1048576} MB" +
                (live > 0 ? $"  peak live heap {live / 1048576} MB" : "") + $"  then checkpoint {watch.Elapsed.TotalSeconds:F2} s" +
                $"  GC: {GC.CollectionCount(0) - gen0} collections ({GC.CollectionCount(2) - gen2} full), paused {(GC.GetTotalPauseDuration() - paused).TotalMilliseconds:F0} ms");
            var threadsAfter = ThreadTimes();
            Console.WriteLine("  busiest threads (CPU s): " + string.Join(", ", threadsAfter
                .Select(t => (t.Key, t.Value.Name, Seconds: (t.Value.Ticks - (threadsBefore.TryGetValue(t.Key, out var b) ? b.Ticks : 0)) / 100.0))
                .OrderByDescending(t => t.Seconds).Take(5).Select(t => $"{t.Name.Trim()} {t.Seconds:F2}")));
        }
        Console.WriteLine($"peak working set {System.Diagnostics.Process.GetCurrentProcess().PeakWorkingSet64 / 1048576} MB");
        return 0;
    }
}
