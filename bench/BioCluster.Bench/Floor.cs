using System.Diagnostics;
using SQLitePCL;

namespace BioCluster.Bench;

/// <summary>The engine's floor for the filtered issue page: the same statements, prepared once, read through SQLite's C API.</summary>
public static class Floor
{
    /// <summary>
    /// Times each statement prepared once and stepped through all its rows (best of ten rounds of ~0.1 s), the way a kept
    /// statement runs: `step db sql…` compares the engine's cost of alternative texts for the same read.
    /// </summary>
    public static void Step(string dbFile, IEnumerable<string> statements)
    {
        Batteries_V2.Init();
        raw.sqlite3_open_v2(dbFile, out var db, raw.SQLITE_OPEN_READWRITE, null);
        foreach (var sql in statements)
        {
            if (raw.sqlite3_prepare_v2(db, sql, out var st) != 0) throw new Exception(raw.sqlite3_errmsg(db).utf8_to_string());
            var rows = 0;
            void Run()
            {
                rows = 0;
                while (raw.sqlite3_step(st) == raw.SQLITE_ROW) rows++;
                raw.sqlite3_reset(st);
            }
            var warm = Stopwatch.StartNew();
            var runs = 0;
            while (warm.Elapsed < TimeSpan.FromSeconds(1)) { Run(); runs++; }
            var perRound = Math.Max(1, runs / 10); // rounds of ~0.1 s, whatever the statement costs
            var best = double.MaxValue;
            for (var round = 0; round < 10; round++)
            {
                var sw = Stopwatch.StartNew();
                for (var i = 0; i < perRound; i++) Run();
                best = Math.Min(best, sw.Elapsed.TotalMicroseconds / perRound);
            }
            Console.WriteLine($"{best,8:F1} us  {rows,5} rows  {sql.ReplaceLineEndings(" ")[..Math.Min(150, sql.Length)]}");
            raw.sqlite3_finalize(st);
        }
    }

    public static void Run(string dbFile, int limit)
    {
        Batteries_V2.Init();
        raw.sqlite3_open_v2(dbFile, out var db, raw.SQLITE_OPEN_READWRITE, null);
        const string where = "i.status IN ('under_review','in_progress') AND i.lead_ministry_id = (SELECT id FROM agencies WHERE code = ?1)";
        string[] sql =
        [
            "SELECT COALESCE(SUM(issues), 0) FROM regulatory_issue_tallies WHERE status IN ('under_review','in_progress') AND lead_ministry_id = (SELECT id FROM agencies WHERE code = ?1)",
            $"""
            SELECT i.id, i.title_ko, i.title_en, i.category, i.raised_by_id, i.lead_ministry_id, i.priority, i.status, i.response_due_at,
                   i.planned_completion_on, i.review_on, i.progress_percent, i.next_due_at, i.created_at, i.updated_at
            FROM regulatory_issues i WHERE {where} ORDER BY i.created_at DESC, i.id DESC LIMIT {limit + 1}
            """,
            "SELECT issue_id, cluster_id FROM regulatory_issue_clusters WHERE issue_id IN (SELECT value FROM json_each(?1))",
            "SELECT id, code, name_ko, name_en FROM agencies WHERE id IN (SELECT value FROM json_each(?1))",
            "SELECT id, code, name_ko, name_en FROM clusters WHERE id IN (SELECT value FROM json_each(?1))",
            "BEGIN",
            "COMMIT",
        ];
        var stmts = sql.Select(s => { if (raw.sqlite3_prepare_v2(db, s, out var st) != 0) throw new Exception(raw.sqlite3_errmsg(db).utf8_to_string()); return st; }).ToArray();
        var ids = new List<long>();
        var agencyIds = new HashSet<long>();
        long values = 0;
        var clusterIds = new HashSet<long>();
        void Page(bool prepareEach)
        {
            var st = stmts;
            if (prepareEach) st = sql.Select(s => { raw.sqlite3_prepare_v2(db, s, out var x); return x; }).ToArray();
            raw.sqlite3_step(st[5]); // BEGIN: one read transaction for the page's reads, as the store does
            raw.sqlite3_reset(st[5]);
            raw.sqlite3_bind_text(st[0], 1, "mfds");
            while (raw.sqlite3_step(st[0]) == raw.SQLITE_ROW) values += raw.sqlite3_column_int64(st[0], 0);
            raw.sqlite3_reset(st[0]);
            raw.sqlite3_bind_text(st[1], 1, "mfds");
            ids.Clear(); agencyIds.Clear(); clusterIds.Clear();
            while (raw.sqlite3_step(st[1]) == raw.SQLITE_ROW)
            {
                ids.Add(raw.sqlite3_column_int64(st[1], 0));
                for (var c = 1; c < 15; c++)
                {
                    if (raw.sqlite3_column_type(st[1], c) == raw.SQLITE_TEXT) values += raw.sqlite3_column_text(st[1], c).utf8_to_string().Length;
                    else values += raw.sqlite3_column_int64(st[1], c);
                }
                agencyIds.Add(raw.sqlite3_column_int64(st[1], 4));
                agencyIds.Add(raw.sqlite3_column_int64(st[1], 5));
            }
            raw.sqlite3_reset(st[1]);
            raw.sqlite3_bind_text(st[2], 1, "[" + string.Join(",", ids) + "]");
            while (raw.sqlite3_step(st[2]) == raw.SQLITE_ROW) clusterIds.Add(raw.sqlite3_column_int64(st[2], 1));
            raw.sqlite3_reset(st[2]);
            foreach (var (k, set) in new[] { (3, agencyIds), (4, clusterIds) })
            {
                raw.sqlite3_bind_text(st[k], 1, "[" + string.Join(",", set) + "]");
                while (raw.sqlite3_step(st[k]) == raw.SQLITE_ROW)
                    for (var c = 1; c < 4; c++) values += raw.sqlite3_column_text(st[k], c).utf8_to_string()?.Length ?? 0;
                raw.sqlite3_reset(st[k]);
            }
            raw.sqlite3_step(st[6]); // COMMIT
            raw.sqlite3_reset(st[6]);
            if (prepareEach) foreach (var x in st) raw.sqlite3_finalize(x);
        }
        Page(false);
        var idJson = "[" + string.Join(",", ids) + "]"; var agJson = "[" + string.Join(",", agencyIds) + "]"; var clJson = "[" + string.Join(",", clusterIds) + "]";
        for (var k = 0; k < 5; k++)
        {
            var sw0 = Stopwatch.StartNew(); var best0 = double.MaxValue;
            for (var round = 0; round < 10; round++)
            {
                sw0.Restart();
                for (var i = 0; i < 300; i++)
                {
                    raw.sqlite3_bind_text(stmts[k], 1, k switch { 2 => idJson, 3 => agJson, 4 => clJson, _ => "mfds" });
                    while (raw.sqlite3_step(stmts[k]) == raw.SQLITE_ROW) { }
                    raw.sqlite3_reset(stmts[k]);
                }
                best0 = Math.Min(best0, sw0.Elapsed.TotalMicroseconds / 300);
            }
            Console.WriteLine($"statement {k} stepped only, on its own: {best0:F1} us");
        }
        foreach (var prepareEach in new[] { false, true })
        {
            var warm = Stopwatch.StartNew();
            while (warm.Elapsed < TimeSpan.FromSeconds(2)) Page(prepareEach);
            var best = double.MaxValue;
            for (var round = 0; round < 10; round++)
            {
                var sw = Stopwatch.StartNew();
                for (var i = 0; i < 300; i++) Page(prepareEach);
                best = Math.Min(best, sw.Elapsed.TotalMicroseconds / 300);
            }
            Console.WriteLine($"raw page limit {limit} ({(prepareEach ? "prepared each time" : "statements kept")}): {best:F1} us, {ids.Count} rows");
        }
    }
}

/// <summary>
/// SQLite's floor for an import's writes: 100,000 agencies and their audit entries, one prepared statement run per row,
/// bound through the C API, in one transaction (`insert-floor db batch`: rows per INSERT; FLOOR_SQL runs first, e.g. a
/// pragma; FLOOR_NOAUDIT=1 leaves the audit entries out; FLOOR_COMMIT_EVERY=n commits every n rows, as many small
/// writes would).
/// </summary>
public static class InsertFloor
{
    public static void Run(string dbFile, int rows, int batch)
    {
        Batteries_V2.Init();
        raw.sqlite3_open_v2(dbFile, out var db, raw.SQLITE_OPEN_READWRITE, null);
        raw.sqlite3_exec(db, "PRAGMA synchronous=NORMAL; PRAGMA foreign_keys=ON;" + Environment.GetEnvironmentVariable("FLOOR_SQL"));
        var skipAudit = Environment.GetEnvironmentVariable("FLOOR_NOAUDIT") is not null;
        var commitEvery = int.TryParse(Environment.GetEnvironmentVariable("FLOOR_COMMIT_EVERY"), out var every) ? every : 0;
        var one = "(?, ?, ?, 'company', 'industry', NULL, ?, ?, 'active', 1, '2026-11-25T09:00:00.0000000Z', '2026-11-25T09:00:00.0000000Z')";
        var sql = "INSERT INTO agencies (code, name_ko, name_en, kind, sector, parent_id, cluster_id, website, status, version, created_at, updated_at) VALUES "
            + string.Join(",", Enumerable.Repeat(one, batch));
        var aone = "('2026-11-25T09:00:00.0000000Z', 'api_key', 1, 'bench import key', 'create', 'agency', ?, NULL, ?, '0HNABCDEF:00000001', '127.0.0.1')";
        var asql = "INSERT INTO audit_entries (occurred_at, actor_type, actor_id, actor_name, action, entity_type, entity_id, before_json, after_json, request_id, client_address) VALUES "
            + string.Join(",", Enumerable.Repeat(aone, batch));
        raw.sqlite3_prepare_v2(db, sql, out var st);
        raw.sqlite3_prepare_v2(db, asql, out var ast);
        var sw = Stopwatch.StartNew();
        raw.sqlite3_exec(db, "BEGIN IMMEDIATE");
        var ids = new long[batch];
        for (var i = 0; i < rows; i += batch)
        {
            for (var b = 0; b < batch; b++)
            {
                var n = i + b;
                raw.sqlite3_bind_text16(st, b * 5 + 1, $"bench-co-{n:D6}");
                raw.sqlite3_bind_text16(st, b * 5 + 2, $"벤치마크 바이오 기업 {n:D6} (주)");
                raw.sqlite3_bind_text16(st, b * 5 + 3, $"Benchmark Bio Company {n:D6}");
                raw.sqlite3_bind_int64(st, b * 5 + 4, 1 + n % 2);
                raw.sqlite3_bind_text16(st, b * 5 + 5, $"https://co{n}.example.kr");
            }
            if (raw.sqlite3_step(st) != raw.SQLITE_DONE) throw new Exception(raw.sqlite3_errmsg(db).utf8_to_string());
            raw.sqlite3_reset(st);
            var last = raw.sqlite3_last_insert_rowid(db);
            if (skipAudit) continue;
            for (var b = 0; b < batch; b++)
            {
                raw.sqlite3_bind_int64(ast, b * 2 + 1, last - batch + 1 + b);
                raw.sqlite3_bind_text16(ast, b * 2 + 2, $$"""{"code":"bench-co-{{i + b:D6}}","nameKo":"벤치마크 바이오 기업 {{i + b:D6}} (주)","nameEn":"Benchmark Bio Company {{i + b:D6}}","kind":"company","sector":"industry","parentCode":null,"clusterCode":"osong","website":"https://co{{i + b}}.example.kr"}""");
            }
            if (raw.sqlite3_step(ast) != raw.SQLITE_DONE) throw new Exception(raw.sqlite3_errmsg(db).utf8_to_string());
            raw.sqlite3_reset(ast);
            if (commitEvery > 0 && (i + batch) % commitEvery == 0) raw.sqlite3_exec(db, "COMMIT; BEGIN IMMEDIATE");
        }
        var loop = sw.Elapsed.TotalSeconds;
        raw.sqlite3_exec(db, "COMMIT");
        Console.WriteLine($"batch {batch}: rows loop {loop:F2} s, with commit {sw.Elapsed.TotalSeconds:F2} s");
        st.Dispose(); ast.Dispose(); raw.sqlite3_close_v2(db);
    }
}
