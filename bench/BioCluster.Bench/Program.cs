using System.Diagnostics;
using System.Text.Json;
using BioCluster.Api.Features.Access;
using BioCluster.Api.Infrastructure.Data;
using Dapper;
using Microsoft.Data.Sqlite;

// Prepares a benchmark database: `seed <db file> <issues>` fills it with that many regulatory issues
// spread over the clusters, ministries, states and categories, and prints an API key (read scope, for
// the secretariat's ministry) and the cursor of the 2,000th page of the default list.
if (args is ["insert-floor", var ifDb, var ifBatch]) { BioCluster.Bench.InsertFloor.Run(ifDb, 100_000, int.Parse(ifBatch)); return 0; }
if (args is ["step", var stepDb, .. var stepSql]) { BioCluster.Bench.Floor.Step(stepDb, stepSql); return 0; }
if (args is ["floor", var floorDb, var floorLimit]) { BioCluster.Bench.Floor.Run(floorDb, int.Parse(floorLimit)); return 0; }
if (args is ["explain", var dbFile, .. var queries])
{
    // Times queries and shows their plans on the bench database, through the same SQLite build the API uses.
    DapperSetup.Configure();
    await using var c = new SqliteConnection($"Data Source={dbFile}");
    await c.OpenAsync();
    var p = new { now = DateTimeOffset.UtcNow, yearStart = new DateOnly(DateTime.UtcNow.Year, 1, 1) };
    foreach (var q in queries)
    {
        await c.QueryAsync(q, p);
        var sw = Stopwatch.StartNew();
        for (var i = 0; i < 5; i++) await c.QueryAsync(q, p);
        Console.WriteLine($"{sw.Elapsed.TotalMilliseconds / 5,8:F2} ms  {q}");
        foreach (IDictionary<string, object> row in await c.QueryAsync("EXPLAIN QUERY PLAN " + q, p))
            Console.WriteLine("            " + row["detail"]);
    }
    return 0;
}
if (args is ["profile", var profileDb])
{
    // Times the store's filtered page in-process, without HTTP, to split SQL and mapping from the web stack.
    DapperSetup.Configure();
    var options = Microsoft.Extensions.Options.Options.Create(new DatabaseOptions { Provider = DatabaseProvider.Sqlite, ConnectionString = $"Data Source={profileDb}" });
    var factory = new DbConnectionFactory(options, new BenchEnvironment());
    var config = new Microsoft.Extensions.Configuration.ConfigurationBuilder().Build();
    var json = Microsoft.Extensions.Options.Options.Create(new Microsoft.AspNetCore.Http.Json.JsonOptions());
    BioCluster.Api.Infrastructure.Http.JsonSetup.Configure(json.Value.SerializerOptions); // the API's spelling
    var audit = new BioCluster.Api.Features.Audit.AuditStore(factory, TimeProvider.System, json);
    var store = new BioCluster.Api.Features.RegulatoryIssues.RegulatoryIssueStore(factory, TimeProvider.System, audit, config, json,
        new BioCluster.Api.Features.Notifications.NotificationStore(factory, TimeProvider.System, audit,
            Microsoft.Extensions.Options.Options.Create(new BioCluster.Api.Features.Notifications.NotificationOptions()),
            new BioCluster.Api.Features.Holidays.HolidayStore(factory, TimeProvider.System, audit, config), config),
        new BioCluster.Api.Features.Holidays.HolidayStore(factory, TimeProvider.System, audit, config));
    if (Environment.GetEnvironmentVariable("BENCH_KEY") is { } benchKey)
    {
        var keys = new ApiKeyStore(factory, TimeProvider.System, new BioCluster.Api.Features.Audit.AuditStore(factory, TimeProvider.System, json));
        var warmKeys = Stopwatch.StartNew();
        while (warmKeys.Elapsed < TimeSpan.FromSeconds(3)) await keys.VerifyAsync(benchKey, CancellationToken.None);
        var swk = Stopwatch.StartNew();
        for (var i = 0; i < 20000; i++) await keys.VerifyAsync(benchKey, CancellationToken.None);
        Console.WriteLine($"VerifyAsync: {swk.Elapsed.TotalMicroseconds / 20000:F1} us");
        swk.Restart();
        for (var i = 0; i < 20000; i++) ApiKeyStore.Hash(benchKey);
        Console.WriteLine($"Hash: {swk.Elapsed.TotalMicroseconds / 20000:F1} us");
        swk.Restart();
        for (var i = 0; i < 20000; i++) { await using var c = await factory.OpenAsync(); }
        Console.WriteLine($"Open: {swk.Elapsed.TotalMicroseconds / 20000:F1} us");
        return 0;
    }
    var filter = new BioCluster.Api.Features.RegulatoryIssues.IssueFilter(["under_review", "in_progress"], [], [], LeadMinistryCode: "mfds");
    var sort = new SortSpec<BioCluster.Api.Features.RegulatoryIssues.RegulatoryIssueStore.IssueRow>(
        BioCluster.Api.Features.RegulatoryIssues.RegulatoryIssueStore.SortFields[0], true);
    foreach (var limit in (Environment.GetEnvironmentVariable("BENCH_LIMITS") ?? "1,10,50").Split(',').Select(int.Parse))
    {
        // Long enough for tiered compilation to reach its optimised code (a server runs that code).
        var warm = Stopwatch.StartNew();
        while (warm.Elapsed < TimeSpan.FromSeconds(3)) await store.ListAsync(filter, sort, null, limit, CancellationToken.None);
        // The best of ten rounds: the fastest round is the one least disturbed by the rest of the machine.
        var best = double.MaxValue;
        for (var round = 0; round < 10; round++)
        {
            var sw = Stopwatch.StartNew();
            for (var i = 0; i < 300; i++) await store.ListAsync(filter, sort, null, limit, CancellationToken.None);
            best = Math.Min(best, sw.Elapsed.TotalMilliseconds / 300);
        }
        var allocated = GC.GetAllocatedBytesForCurrentThread();
        await store.ListAsync(filter, sort, null, limit, CancellationToken.None);
        Console.WriteLine($"ListAsync limit {limit,3}: {best:F3} ms (best of 10 rounds of 300), {(GC.GetAllocatedBytesForCurrentThread() - allocated) / 1024} KB allocated");
    }
    var page = await store.ListAsync(filter, sort, null, 50, CancellationToken.None);
    // The page's JSON under each set of options asked for, timed in interleaved rounds (best of 15 rounds of 200 each), so
    // a busy machine slows every variant alike.
    var api = json.Value.SerializerOptions;
    var variants = new List<(string Name, JsonSerializerOptions Options)> { ("JSON of a 50-row page", api) };
    JsonSerializerOptions General()
    {
        var general = new JsonSerializerOptions(api);
        foreach (var c in general.Converters.OfType<BioCluster.Api.Features.RegulatoryIssues.IssueSummaryJsonConverter>().ToList()) general.Converters.Remove(c);
        return general;
    }
    if (Environment.GetEnvironmentVariable("BENCH_JSON_GENERAL") is not null) variants.Add(("JSON, general serializer", General()));
    if (Environment.GetEnvironmentVariable("BENCH_JSON_SG") is not null)
    {
        // Source generation (issue 17): metadata mode in front of the API's resolvers. The generator's fast path is never
        // taken with options that carry converters or an encoder (ours carry both), so this is what it can give here.
        var generated = General();
        generated.TypeInfoResolverChain.Insert(0, BioCluster.Bench.IssueListJsonContext.Default);
        variants.Add(("JSON, source-generated metadata", generated));
    }
    var reference = JsonSerializer.SerializeToUtf8Bytes(page, api);
    foreach (var (_, o) in variants)
        for (var i = 0; i < 3000; i++) JsonSerializer.SerializeToUtf8Bytes(page, o);
    var bestJson = variants.Select(_ => double.MaxValue).ToArray();
    for (var round = 0; round < 15; round++)
        for (var v = 0; v < variants.Count; v++)
        {
            var sw2 = Stopwatch.StartNew();
            for (var i = 0; i < 200; i++) JsonSerializer.SerializeToUtf8Bytes(page, variants[v].Options);
            bestJson[v] = Math.Min(bestJson[v], sw2.Elapsed.TotalMilliseconds / 200);
        }
    for (var v = 0; v < variants.Count; v++)
        Console.WriteLine($"{variants[v].Name}: {bestJson[v]:F3} ms (best of 15 rounds of 200), {JsonSerializer.SerializeToUtf8Bytes(page, variants[v].Options).Length} bytes" +
            (v == 0 ? "" : $"; same bytes: {JsonSerializer.SerializeToUtf8Bytes(page, variants[v].Options).AsSpan().SequenceEqual(reference)}"));
    if (Environment.GetEnvironmentVariable("BENCH_JSON_ASYNC") is not null)
    {
        // As ASP.NET writes a result: asynchronously, in resumable steps, into a pipe (here one that drops the bytes).
        var pipe = System.IO.Pipelines.PipeWriter.Create(Stream.Null);
        for (var i = 0; i < 3000; i++) { await JsonSerializer.SerializeAsync(pipe, page, api); await pipe.FlushAsync(); }
        var sw3 = Stopwatch.StartNew();
        for (var i = 0; i < 500; i++) { await JsonSerializer.SerializeAsync(pipe, page, api); await pipe.FlushAsync(); }
        Console.WriteLine($"JSON of a 50-row page, async into a pipe: {sw3.Elapsed.TotalMilliseconds / 500:F3} ms");
    }
    return 0;
}
// The import benchmark's parts (scripts/bench-imports.sh).
switch (args)
{
    case ["import-csv", var csvFile, var rowsText] when int.TryParse(rowsText, out var rows):
        return await ImportBench.WriteCsvAsync(csvFile, rows);
    case ["search-seed", var searchDb, var searchCountText] when int.TryParse(searchCountText, out var searchCount):
        return await BioCluster.Bench.SearchBench.SeedAsync(searchDb, searchCount);
    case ["search-index", var searchDb]:
        return await BioCluster.Bench.SearchBench.IndexAsync(searchDb);
    case ["search-load", var baseUrl, var loadKey, var loadName, var loadPath, var conns, var secs]:
        return await BioCluster.Bench.SearchBench.LoadAsync(baseUrl, loadKey, loadName, loadPath, int.Parse(conns), int.Parse(secs));
    case ["hostile-files", var hostileFolder]:
        return HostileFiles.Write(hostileFolder);
    case ["issues-csv", var issuesFile, var rowsText] when int.TryParse(rowsText, out var rows):
        return await ImportBench.WriteIssueCsvAsync(issuesFile, rows);
    case ["raw-insert", var rawDb, var rowsText] when int.TryParse(rowsText, out var rows):
        return await ImportBench.RawInsertAsync(rawDb, rows);
    case ["import-profile", var importDb, var csv]:
        return await ImportProfile.RunAsync(importDb!, csv!);
    case ["home-extras", var homeDb]:
        return await HomeBench.ExtrasAsync(homeDb);
    case ["moves", var movesDb, var movesText, var peopleText] when int.TryParse(movesText, out var moves) && int.TryParse(peopleText, out var people):
        return await BioCluster.Bench.MoveBench.RunAsync(movesDb, moves, people);
    case ["key", var keyDb, var scopes]:
        return await ImportBench.KeyAsync(keyDb, scopes);
}
if (args is not ["seed", var file, var countText] || !int.TryParse(countText, out var count))
{
    Console.Error.WriteLine("usage: BioCluster.Bench seed <sqlite file> <issues>");
    return 2;
}

DapperSetup.Configure();
var rng = new Random(20240529);
var clock = Stopwatch.StartNew();
await using var db = new SqliteConnection($"Data Source={file};Foreign Keys=True");
await db.OpenAsync();
var ministries = (await db.QueryAsync<long>("SELECT id FROM agencies WHERE kind = 'ministry' ORDER BY id")).ToArray();
var operators = (await db.QueryAsync<long>("SELECT id FROM agencies WHERE kind = 'cluster_operator' ORDER BY id")).ToArray();
var clusters = (await db.QueryAsync<long>("SELECT id FROM clusters ORDER BY id")).ToArray();
string[] statuses = ["submitted", "under_review", "accepted", "partially_accepted", "long_term_review", "not_accepted", "in_progress", "completed", "withdrawn"];
string[] categories = ["licensing_approval", "clinical_trials", "data_privacy", "reimbursement_pricing", "land_site", "workforce", "tax_finance", "import_export", "standards_certification", "other"];
var start = new DateTimeOffset(2024, 6, 1, 0, 0, 0, TimeSpan.Zero);
var now = DateTimeOffset.UtcNow;

await using (var tx = await db.BeginTransactionAsync())
{
    for (var i = 0; i < count; i++)
    {
        var status = statuses[rng.Next(statuses.Length)];
        var created = start.AddMinutes(rng.Next(0, (int)(now - start).TotalMinutes));
        var assigned = status == "submitted" ? (DateTimeOffset?)null : created.AddDays(rng.Next(1, 10));
        var due = assigned?.AddDays(14);
        var answered = status is "submitted" or "under_review" ? (DateTimeOffset?)null : assigned!.Value.AddDays(rng.NextDouble() * 30);
        var planned = status is "accepted" or "partially_accepted" or "in_progress" ? DateOnly.FromDateTime(now.UtcDateTime.AddDays(rng.Next(-60, 240))) : (DateOnly?)null;
        var review = status == "long_term_review" ? DateOnly.FromDateTime(now.UtcDateTime.AddDays(rng.Next(-30, 180))) : (DateOnly?)null;
        var nextDue = status switch
        {
            "under_review" => due!.Value,
            "long_term_review" => new DateTimeOffset(review!.Value.ToDateTime(new TimeOnly(23, 59, 59)), TimeSpan.Zero),
            "accepted" or "partially_accepted" or "in_progress" => new DateTimeOffset(planned!.Value.ToDateTime(new TimeOnly(23, 59, 59)), TimeSpan.Zero),
            _ => new DateTimeOffset(9999, 12, 31, 0, 0, 0, TimeSpan.Zero),
        };
        var cluster = clusters[rng.Next(clusters.Length)];
        var id = await db.ExecuteScalarAsync<long>("""
            INSERT INTO regulatory_issues (title_ko, problem_ko, proposal_ko, category, law_name, law_article, raised_by_id, lead_ministry_id,
                priority, tags, status, assigned_at, response_due_at, answered_at, answer, answer_days, planned_change, instrument,
                planned_completion_on, review_on, progress_percent, completed_on, rereview_used, next_due_at, version, created_at, updated_at, cluster_ids)
            VALUES (@Title, @Problem, @Proposal, @Category, '약사법', '제31조', @RaisedBy, @Lead, @Priority, '[]', @Status, @Assigned, @Due, @Answered,
                @Answer, @AnswerDays, @Planned, @Instrument, @PlannedOn, @ReviewOn, @Progress, @CompletedOn, 0, @NextDue, 1, @Created, @Created, @ClusterIds);
            SELECT last_insert_rowid();
            """,
            new
            {
                Title = $"규제 개선 과제 {i:D6}", Problem = "현행 규정으로 인해 바이오 기업의 사업화가 지연되는 문제", Proposal = "관련 고시를 개정해 절차를 간소화",
                Category = categories[rng.Next(categories.Length)], RaisedBy = operators[rng.Next(operators.Length)],
                Lead = status == "submitted" ? (long?)null : ministries[rng.Next(ministries.Length)], Priority = rng.Next(1, 5), Status = status,
                Assigned = assigned, Due = due, Answered = answered,
                Answer = answered is null ? null : status is "in_progress" or "completed" ? "accepted" : status == "withdrawn" ? null : status,
                AnswerDays = answered is null ? (double?)null : Math.Round((answered.Value - assigned!.Value).TotalDays, 3),
                Planned = planned is null ? null : "고시 개정", Instrument = planned is null ? null : "notice", PlannedOn = planned, ReviewOn = review,
                Progress = status == "in_progress" ? rng.Next(0, 100) : (int?)null,
                CompletedOn = status == "completed" ? DateOnly.FromDateTime(now.UtcDateTime.AddDays(-rng.Next(0, 500))) : (DateOnly?)null,
                NextDue = nextDue, Created = created, ClusterIds = cluster.ToString(System.Globalization.CultureInfo.InvariantCulture), // the row's copy of its links
            }, tx);
        await db.ExecuteAsync("""
            INSERT INTO regulatory_issue_clusters (issue_id, cluster_id, issue_status, issue_updated_at)
            SELECT id, @cluster, status, updated_at FROM regulatory_issues WHERE id = @id
            """, new { id, cluster }, tx);
    }

    // The API keeps these tallies as it writes; rows inserted straight into the tables need them counted once.
    await db.ExecuteAsync("""
        DELETE FROM regulatory_issue_tallies;
        INSERT INTO regulatory_issue_tallies (lead_ministry_id, status, category, issues)
        SELECT COALESCE(lead_ministry_id, 0), status, category, COUNT(*) FROM regulatory_issues GROUP BY COALESCE(lead_ministry_id, 0), status, category;
        DELETE FROM regulatory_issue_cluster_tallies;
        INSERT INTO regulatory_issue_cluster_tallies (cluster_id, issues)
        SELECT cluster_id, COUNT(*) FROM regulatory_issue_clusters GROUP BY cluster_id;
        """, transaction: tx);

    var key = await ImportBench.MintKeyAsync(db, (SqliteTransaction)tx, "benchbench01", "read");
    await tx.CommitAsync();
    Console.WriteLine($"KEY={key}");
}
await db.ExecuteAsync("ANALYZE;");

// The default list sorts by -createdAt; the 2,000th page of 50 starts after row 99,950 (with fewer issues, the last page).
var deep = await db.QuerySingleAsync<(string CreatedAt, long Id)>(
    "SELECT created_at, id FROM regulatory_issues ORDER BY created_at DESC, id DESC LIMIT 1 OFFSET @offset", new { offset = Math.Max(0, Math.Min(50 * 1999, count) - 1) });
var cursor = Keyset.Encode(new KeysetCursor("-createdAt", JsonSerializer.SerializeToElement(DateTimeOffset.Parse(deep.CreatedAt)), deep.Id));
Console.WriteLine($"DEEP_CURSOR={cursor}");
Console.Error.WriteLine($"seeded {count:N0} issues in {clock.Elapsed.TotalSeconds:F1} s");
return 0;

internal sealed class BenchEnvironment : Microsoft.Extensions.Hosting.IHostEnvironment
{
    public string EnvironmentName { get; set; } = "Production";
    public string ApplicationName { get; set; } = "BioCluster.Bench";
    public string ContentRootPath { get; set; } = Environment.CurrentDirectory;
    public Microsoft.Extensions.FileProviders.IFileProvider ContentRootFileProvider { get; set; } = null!;
}
