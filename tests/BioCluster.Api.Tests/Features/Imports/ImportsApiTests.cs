// The import API through HTTP, one host for the class (CSV, XLSX, JSON, dry runs, errors): over 400 lines because each
// case needs its file written out; the shared parts are in the infrastructure helpers.
using BioCluster.Api.Infrastructure.Data;
using Microsoft.Extensions.DependencyInjection;
using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using BioCluster.Api.Tests.Infrastructure;
using Dapper;

namespace BioCluster.Api.Tests.Features.Imports;

/// <summary>Bulk imports through HTTP into a real SQLite file: formats, encodings, safety, idempotency, history.</summary>
public sealed class ImportsApiTests(SqliteApiFactory factory) : IClassFixture<SqliteApiFactory>
{
    static ImportsApiTests() => Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);

    private static readonly Encoding Utf8Bom = new UTF8Encoding(true);

    public static ByteArrayContent Csv(string text, Encoding? encoding = null, string mediaType = "text/csv")
    {
        encoding ??= Utf8Bom;
        var content = new ByteArrayContent([.. encoding.GetPreamble(), .. encoding.GetBytes(text)]);
        content.Headers.ContentType = new MediaTypeHeaderValue(mediaType);
        return content;
    }

    private static string Code(string prefix) => Http.Unique(prefix).ToLowerInvariant();

    private async Task<long> Count(string sql, object? p = null)
    {
        await using var db = factory.OpenDatabase();
        return await db.ExecuteScalarAsync<long>(sql, p);
    }

    internal static async Task<JsonElement> Report(HttpResponseMessage response, HttpStatusCode status = HttpStatusCode.OK)
    {
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == status, $"expected {(int)status}, got {(int)response.StatusCode}: {body}");
        var root = JsonDocument.Parse(body).RootElement;
        return root.TryGetProperty("report", out var report) ? report : root;
    }

    private static (int Rows, int Created, int Updated, int Unchanged, int Rejected) Totals(JsonElement report)
    {
        var t = report.GetProperty("totals");
        return (t.GetProperty("rows").GetInt32(), t.GetProperty("created").GetInt32(), t.GetProperty("updated").GetInt32(),
            t.GetProperty("unchanged").GetInt32(), t.GetProperty("rejected").GetInt32());
    }

    [Fact]
    public async Task Clusters_KoreanHeaders_DryRunWritesNothing_RealRunCreates_ReRunIsUnchanged()
    {
        var (a, b) = (Code("imp-a"), Code("imp-b"));
        var csv = $"코드,국문명,영문명,지역,운영기관코드,특화분야,설립연도\r\n{a},가상 바이오 클러스터,Virtual Bio,충청북도,kbiohealth,신약;의료기기,2010\r\n" +
                  $"{b},\"쉼표, 그리고 \"\"따옴표\"\"\",,seoul,kbiohealth,\"바이오, 의료\",\r\n,,,,,,\r\n";
        var client = factory.Client();

        var dry = await Report(await client.PostAsync("/api/v1/imports/clusters?dryRun=true&fileName=clusters.csv", Csv(csv)));
        Assert.Equal((2, 2, 0, 0, 0), Totals(dry));
        Assert.Equal("validated", dry.GetProperty("outcome").GetString());
        Assert.Equal(0, await Count("SELECT COUNT(*) FROM clusters WHERE code IN (@a, @b)", new { a, b }));

        var real = await Report(await client.PostAsync("/api/v1/imports/clusters?fileName=clusters.csv", Csv(csv)));
        Assert.Equal((2, 2, 0, 0, 0), Totals(real));
        Assert.Equal("imported", real.GetProperty("outcome").GetString());
        var cluster = JsonDocument.Parse(await client.GetStringAsync($"/api/v1/clusters/by-code/{b}")).RootElement;
        Assert.Equal("쉼표, 그리고 \"따옴표\"", cluster.GetProperty("nameKo").GetString());
        Assert.Equal("바이오, 의료", cluster.GetProperty("specializations")[0].GetString());
        var first = JsonDocument.Parse(await client.GetStringAsync($"/api/v1/clusters/by-code/{a}")).RootElement;
        Assert.Equal("chungbuk", first.GetProperty("region").GetString());
        Assert.Equal(["신약", "의료기기"], first.GetProperty("specializations").EnumerateArray().Select(s => s.GetString()));
        Assert.Equal(1, await Count("SELECT COUNT(*) FROM audit_entries WHERE entity_type = 'cluster' AND action = 'create' AND entity_id = @id",
            new { id = first.GetProperty("id").GetInt64() }));

        // Round trip: the clusters export (XLSX, Korean headers, and CSV) imports back unchanged.
        foreach (var format in new[] { "csv", "xlsx" })
        {
            var exported = new ByteArrayContent(await client.GetByteArrayAsync($"/api/v1/clusters/export.{format}"));
            exported.Headers.ContentType = new MediaTypeHeaderValue(format == "csv" ? "text/csv" : "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
            var trip = await Report(await client.PostAsync("/api/v1/imports/clusters?dryRun=true", exported));
            Assert.True(trip.GetProperty("totals").GetProperty("rows").GetInt32() >= 2);
            Assert.Equal(trip.GetProperty("totals").GetProperty("rows").GetInt32(), trip.GetProperty("totals").GetProperty("unchanged").GetInt32());
        }

        var again = await Report(await client.PostAsync("/api/v1/imports/clusters", Csv(csv)));
        Assert.Equal((2, 0, 0, 2, 0), Totals(again));

        var changed = csv.Replace("가상 바이오 클러스터", "가상 바이오 클러스터 2");
        var update = await Report(await client.PostAsync("/api/v1/imports/clusters", Csv(changed)));
        Assert.Equal((2, 0, 1, 1, 0), Totals(update));
        var history = JsonDocument.Parse(await client.GetStringAsync($"/api/v1/imports?entity=clusters&limit=200")).RootElement;
        Assert.Contains(history.GetProperty("items").EnumerateArray(), i => i.GetProperty("id").GetInt64() == update.GetProperty("id").GetInt64()
            && i.GetProperty("totals").GetProperty("updated").GetInt32() == 1 && i.GetProperty("sha256").GetString()!.Length == 64);
    }

    [Fact]
    public async Task Cp949File_FromKoreanExcel_IsDetected_AndKoreanArrivesIntact()
    {
        var code = Code("imp-cp");
        var csv = $"코드,국문명,지역,운영기관코드\r\n{code},충북 오송 첨단의료복합단지 시험,충북,kbiohealth\r\n";
        var cp949 = Encoding.GetEncoding(949);
        var report = await Report(await factory.Client().PostAsync("/api/v1/imports/clusters", Csv(csv, cp949)));
        Assert.Equal("cp949", report.GetProperty("charset").GetString());
        var cluster = JsonDocument.Parse(await factory.Client().GetStringAsync($"/api/v1/clusters/by-code/{code}")).RootElement;
        Assert.Equal("충북 오송 첨단의료복합단지 시험", cluster.GetProperty("nameKo").GetString());

        // Declared explicitly (euc-kr is CP949's older name) it reads the same.
        var declared = Csv(csv.Replace("시험", "시험2"), cp949, "text/csv");
        declared.Headers.ContentType!.CharSet = "euc-kr";
        var second = await Report(await factory.Client().PostAsync("/api/v1/imports/clusters?dryRun=true", declared));
        Assert.Equal((1, 0, 1, 0, 0), Totals(second));

        // UTF-8 without BOM is detected as UTF-8.
        var plain = await Report(await factory.Client().PostAsync("/api/v1/imports/clusters?dryRun=true", Csv(csv, new UTF8Encoding(false))));
        Assert.Equal("utf-8", plain.GetProperty("charset").GetString());
        Assert.Equal((1, 0, 0, 1, 0), Totals(plain));
    }

    [Fact]
    public async Task RejectedRow_MeansNothingWritten_SkipWritesTheGoodRows_AndRejectedRowsDownload()
    {
        var (good, bad) = (Code("imp-g"), Code("imp-x"));
        var csv = $"code,nameKo,region,operatorCode\r\n{good},좋은 행,seoul,kbiohealth\r\n{bad},\"나쁜\n행\",atlantis,no-such-operator\r\n";
        var client = factory.Client();

        var failed = await Report(await client.PostAsync("/api/v1/imports/clusters", Csv(csv)), HttpStatusCode.UnprocessableEntity);
        Assert.Equal("rejected", failed.GetProperty("outcome").GetString());
        Assert.Equal((2, 1, 0, 0, 1), Totals(failed));
        Assert.Equal(0, await Count("SELECT COUNT(*) FROM clusters WHERE code IN (@good, @bad)", new { good, bad }));
        var problems = failed.GetProperty("problems").EnumerateArray().ToList();
        Assert.Contains(problems, p => p.GetProperty("row").GetInt32() == 3 && p.GetProperty("column").GetString() == "region" && p.GetProperty("key").GetString() == bad);
        Assert.Contains(problems, p => p.GetProperty("row").GetInt32() == 3 && p.GetProperty("column").GetString() == "operatorCode");

        var skipped = await Report(await client.PostAsync("/api/v1/imports/clusters?onError=skip", Csv(csv)));
        Assert.Equal((2, 1, 0, 0, 1), Totals(skipped));
        Assert.Equal(1, await Count("SELECT COUNT(*) FROM clusters WHERE code = @good", new { good }));
        Assert.Equal(0, await Count("SELECT COUNT(*) FROM clusters WHERE code = @bad", new { bad }));

        var rejected = await client.GetAsync($"/api/v1/imports/{skipped.GetProperty("id").GetInt64()}/rejected-rows.csv");
        Assert.Equal(HttpStatusCode.OK, rejected.StatusCode);
        var text = Encoding.UTF8.GetString(await rejected.Content.ReadAsByteArrayAsync()).TrimStart('\uFEFF');
        var lines = text.Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        // The row number and the problems around the rows as sent (headers in the reader's language); the import passes
        // over both, so the file goes back as it is once fixed.
        Assert.Equal("행,code,nameKo,region,operatorCode,오류", lines[0]);
        // The embedded line break stayed inside its field (the row was read as one record) and goes back out quoted.
        Assert.StartsWith($"3,{bad},\"나쁜\n행\",atlantis,no-such-operator,", lines[1]);
        Assert.Contains("region", lines[1]);
        Assert.Contains("nameKo", lines[1]);
        Assert.Equal(2, lines.Length);
    }

    [Fact]
    public async Task FileProblems_AreClear400s_AndWriteNothing()
    {
        var client = factory.Client();
        var before = await Count("SELECT COUNT(*) FROM import_runs");
        foreach (var (body, expect) in new[]
                 {
                     ("nmae,code\r\nx,y\r\n", "알 수 없는 열"),
                     ("code,nameKo\r\nabc,가\r\n", "필수 열"),
                     ("code,코드,nameKo,region,operatorCode\r\n", "같은 열"),
                     ("code,nameKo,region,operatorCode\r\n", "행이 없습니다"),
                 })
        {
            var response = await client.PostAsync("/api/v1/imports/clusters", Csv(body));
            var problem = await response.Problem(HttpStatusCode.BadRequest);
            Assert.Contains(expect, problem.GetProperty("detail").GetString() + string.Join(" ", problem.Errors().SelectMany(e => e.Value)));
        }
        Assert.Equal(HttpStatusCode.NotFound, (await client.PostAsync("/api/v1/imports/planets", Csv("code\r\nx\r\n"))).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await client.PostAsync("/api/v1/imports/clusters?onError=maybe", Csv("code\r\nx\r\n"))).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await client.PostAsync("/api/v1/imports/clusters?charset=latin9", Csv("code\r\nx\r\n"))).StatusCode);
        var notJson = new StringContent("[{\"code\": ", Encoding.UTF8, "application/json");
        Assert.Equal(HttpStatusCode.BadRequest, (await client.PostAsync("/api/v1/imports/clusters", notJson)).StatusCode);
        Assert.Equal(before, await Count("SELECT COUNT(*) FROM import_runs"));
    }

    [Fact]
    public async Task Json_AndXlsx_ImportLikeCsv()
    {
        var (j, x) = (Code("imp-j"), Code("imp-x"));
        var json = JsonSerializer.Serialize(new[] { new { code = j, nameKo = "제이슨 클러스터", region = "busan", operatorCode = "kbiohealth", specializations = new[] { "바이오", "AI" }, establishedYear = 2021 } });
        var fromJson = await Report(await factory.Client().PostAsync("/api/v1/imports/clusters", new StringContent(json, Encoding.UTF8, "application/json")));
        Assert.Equal((1, 1, 0, 0, 0), Totals(fromJson));
        var cluster = JsonDocument.Parse(await factory.Client().GetStringAsync($"/api/v1/clusters/by-code/{j}")).RootElement;
        Assert.Equal(2021, cluster.GetProperty("establishedYear").GetInt32());
        Assert.Equal(["바이오", "AI"], cluster.GetProperty("specializations").EnumerateArray().Select(s => s.GetString()));

        var sheet = new MemoryStream();
        MiniExcelLibs.MiniExcel.SaveAs(sheet, new[]
        {
            new Dictionary<string, object?> { ["코드"] = x, ["국문명"] = "엑셀 클러스터", ["지역"] = "제주특별자치도", ["운영기관코드"] = "kbiohealth", ["설립연도"] = 2019d },
        });
        var xlsx = new ByteArrayContent(sheet.ToArray());
        xlsx.Headers.ContentType = new MediaTypeHeaderValue("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
        var fromXlsx = await Report(await factory.Client().PostAsync("/api/v1/imports/clusters?fileName=clusters.xlsx", xlsx));
        Assert.Equal("xlsx", fromXlsx.GetProperty("format").GetString());
        Assert.Equal((1, 1, 0, 0, 0), Totals(fromXlsx));
        var fromSheet = JsonDocument.Parse(await factory.Client().GetStringAsync($"/api/v1/clusters/by-code/{x}")).RootElement;
        Assert.Equal("jeju", fromSheet.GetProperty("region").GetString());
        Assert.Equal(2019, fromSheet.GetProperty("establishedYear").GetInt32());
    }

    [Fact]
    public async Task TwentyConcurrentRequests_WithOneIdempotencyKey_RunOneImport_AndAnswerAlike()
    {
        var code = Code("imp-idem");
        var csv = $"code,nameKo,region,operatorCode\r\n{code},멱등 클러스터,ulsan,kbiohealth\r\n";
        var key = Guid.NewGuid().ToString();
        var client = factory.Client();
        var runsBefore = await Count("SELECT COUNT(*) FROM import_runs");
        var responses = await Task.WhenAll(Enumerable.Range(0, 20).Select(async _ =>
        {
            using var request = new HttpRequestMessage(HttpMethod.Post, "/api/v1/imports/clusters") { Content = Csv(csv) };
            request.Headers.Add("Idempotency-Key", key);
            var response = await client.SendAsync(request);
            return ((int)response.StatusCode, await response.Content.ReadAsStringAsync());
        }));
        Assert.All(responses, r => Assert.Equal(200, r.Item1));
        Assert.Single(responses.Select(r => r.Item2).Distinct());
        Assert.Equal(runsBefore + 1, await Count("SELECT COUNT(*) FROM import_runs"));
        Assert.Equal(1, await Count("SELECT COUNT(*) FROM clusters WHERE code = @code", new { code }));

        using var other = new HttpRequestMessage(HttpMethod.Post, "/api/v1/imports/clusters") { Content = Csv(csv.Replace("멱등", "다른")) };
        other.Headers.Add("Idempotency-Key", key);
        var mismatch = await client.SendAsync(other);
        await mismatch.Problem(HttpStatusCode.UnprocessableEntity);
        Assert.Equal(runsBefore + 1, await Count("SELECT COUNT(*) FROM import_runs"));
    }

    [Fact]
    public async Task OnlyImportersMayImport()
    {
        var csv = $"code,nameKo,region,operatorCode\r\n{Code("imp-s")},범위 시험,seoul,kbiohealth\r\n";
        var viewer = await factory.AsRole("viewer", "khidi");
        Assert.Equal(HttpStatusCode.Forbidden, (await viewer.PostAsync("/api/v1/imports/clusters?dryRun=true", Csv(csv))).StatusCode);
        var reader = await factory.WithKey("mohw", "read");
        Assert.Equal(HttpStatusCode.Forbidden, (await reader.PostAsync("/api/v1/imports/clusters?dryRun=true", Csv(csv))).StatusCode);
        var writer = await factory.WithKey("mohw", "write");
        Assert.Equal(HttpStatusCode.Forbidden, (await writer.PostAsync("/api/v1/imports/clusters?dryRun=true", Csv(csv))).StatusCode);
        var importer = await factory.WithKey("mohw", "import");
        Assert.Equal(HttpStatusCode.OK, (await importer.PostAsync("/api/v1/imports/clusters?dryRun=true", Csv(csv))).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await factory.Anonymous().PostAsync("/api/v1/imports/clusters?dryRun=true", Csv(csv))).StatusCode);
    }

    [Fact]
    public async Task AFileThatTurnsUnreadableAfterThousandsOfRows_Is400_AndNothingIsWritten()
    {
        // Rows are read and checked ahead of the ones being written: the first few thousand are already in the
        // transaction when the reader meets the bad bytes, and must go with it.
        var prefix = Code("unreadable");
        var text = new StringBuilder("code,nameKo,kind\r\n");
        for (var i = 1; i <= 5_000; i++) text.Append($"{prefix}-{i},바이오 기업 {i},company\r\n");
        var bytes = Encoding.UTF8.GetBytes(text.ToString()).Concat(new byte[] { 0xC3, 0x28, 0x0D, 0x0A }).ToArray(); // not UTF-8
        var client = factory.Client();
        var agenciesBefore = await Count("SELECT COUNT(*) FROM agencies");
        var auditBefore = await Count("SELECT COUNT(*) FROM audit_entries");
        var runsBefore = await Count("SELECT COUNT(*) FROM import_runs");
        var content = new ByteArrayContent(bytes);
        content.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue("text/csv") { CharSet = "utf-8" }; // declared, so not taken for CP949

        var problem = await (await client.PostAsync("/api/v1/imports/agencies", content)).Problem(HttpStatusCode.BadRequest);

        Assert.Contains("올바른 UTF-8 텍스트가 아닙니다", problem.GetProperty("detail").GetString());
        Assert.Equal(agenciesBefore, await Count("SELECT COUNT(*) FROM agencies"));
        Assert.Equal(auditBefore, await Count("SELECT COUNT(*) FROM audit_entries"));
        Assert.Equal(runsBefore, await Count("SELECT COUNT(*) FROM import_runs"));
    }

    [Fact]
    public async Task TenThousandAgencies_OneBadRowNearTheEnd_NothingWritten_ThenFixedFileImportsInOneGo()
    {
        var prefix = Code("bulk");
        var rows = new StringBuilder("코드,국문명,유형,부문,클러스터코드,상위기관코드\r\n");
        for (var i = 1; i <= 10_000; i++)
            rows.Append($"{prefix}-{i},바이오 기업 {i},{(i % 2 == 0 ? "기업" : "company")},산업,osong,{(i > 1 ? $"{prefix}-1" : "")}\r\n");
        var good = rows.ToString();
        var bad = good.Replace($"{prefix}-9990,바이오 기업 9990,기업,산업,osong", $"{prefix}-9990,바이오 기업 9990,spaceship,산업,osong");
        var client = factory.Client();
        var agenciesBefore = await Count("SELECT COUNT(*) FROM agencies");
        var auditBefore = await Count("SELECT COUNT(*) FROM audit_entries WHERE entity_type = 'agency'");

        var failed = await Report(await client.PostAsync("/api/v1/imports/agencies", Csv(bad)), HttpStatusCode.UnprocessableEntity);
        Assert.Equal((10_000, 9_999, 0, 0, 1), Totals(failed));
        var problem = Assert.Single(failed.GetProperty("problems").EnumerateArray());
        Assert.Equal(9_991, problem.GetProperty("row").GetInt32()); // the header is row 1
        Assert.Equal("kind", problem.GetProperty("column").GetString());
        Assert.Equal(agenciesBefore, await Count("SELECT COUNT(*) FROM agencies"));
        Assert.Equal(auditBefore, await Count("SELECT COUNT(*) FROM audit_entries WHERE entity_type = 'agency'"));

        var imported = await Report(await client.PostAsync("/api/v1/imports/agencies", Csv(good)));
        Assert.Equal((10_000, 10_000, 0, 0, 0), Totals(imported));
        Assert.Equal(agenciesBefore + 10_000, await Count("SELECT COUNT(*) FROM agencies"));
        Assert.Equal(auditBefore + 10_000, await Count("SELECT COUNT(*) FROM audit_entries WHERE entity_type = 'agency'"));
        // The planner's statistics know the table grew: the API's next connections look a page's agencies up by id
        // rather than reading them all.
        await using (var db = await factory.Services.GetRequiredService<DbConnectionFactory>().OpenAsync())
        {
            var plan = string.Join(" | ", (await db.QueryAsync("EXPLAIN QUERY PLAN SELECT id, code, name_ko, name_en FROM agencies WHERE id IN (SELECT value FROM json_each('[1,2,3]'))"))
                .Select(r => (string)((IDictionary<string, object>)r)["detail"]));
            Assert.Contains("SEARCH agencies USING INTEGER PRIMARY KEY", plan);
        }
        var one = JsonDocument.Parse(await client.GetStringAsync($"/api/v1/agencies/by-code/{prefix}-42")).RootElement;
        Assert.Equal("company", one.GetProperty("kind").GetString());
        Assert.Equal("industry", one.GetProperty("sector").GetString());
        Assert.Equal("osong", one.GetProperty("cluster").GetProperty("code").GetString());
        Assert.Equal($"{prefix}-1", one.GetProperty("parent").GetProperty("code").GetString());

        // Round trip: what the agencies export writes imports back unchanged.
        var exported = new ByteArrayContent(await client.GetByteArrayAsync($"/api/v1/agencies/export.csv?q={prefix}&clusterCode=osong"));
        exported.Headers.ContentType = new MediaTypeHeaderValue("text/csv");
        Assert.Equal((10_000, 0, 0, 10_000, 0), Totals(await Report(await client.PostAsync("/api/v1/imports/agencies", exported))));

        // Next month's re-run of the same file changes nothing and duplicates nothing.
        var rerun = await Report(await client.PostAsync("/api/v1/imports/agencies", Csv(good)));
        Assert.Equal((10_000, 0, 0, 10_000, 0), Totals(rerun));
        Assert.Equal(agenciesBefore + 10_000, await Count("SELECT COUNT(*) FROM agencies"));
    }

    [Fact]
    public async Task Problems_NameTheColumnAsTheFileDoes_InTheReportTheHistoryAndTheRejectedRows()
    {
        var (good, bad) = (Code("hdr-g"), Code("hdr-x"));
        var client = factory.Client();
        // A Korean file (as the template has it, with a stray space): the report names 유형, not only kind.
        var korean = $"코드,국문명,유 형,클러스터코드\r\n{good},좋은 기업,기업,osong\r\n{bad},나쁜 기업,우주선,osong\r\n";
        var report = await Report(await client.PostAsync("/api/v1/imports/agencies?onError=skip", Csv(korean)));
        var problem = Assert.Single(report.GetProperty("problems").EnumerateArray());
        Assert.Equal(("kind", "유 형", 3), (problem.GetProperty("column").GetString(), problem.GetProperty("header").GetString(), problem.GetProperty("row").GetInt32()));

        var id = report.GetProperty("id").GetInt64();
        var stored = Assert.Single(JsonDocument.Parse(await client.GetStringAsync($"/api/v1/imports/{id}")).RootElement.GetProperty("problems").EnumerateArray());
        Assert.Equal("유 형", stored.GetProperty("header").GetString());
        var rejected = Encoding.UTF8.GetString(await client.GetByteArrayAsync($"/api/v1/imports/{id}/rejected-rows.csv")).TrimStart('\uFEFF');
        Assert.Contains("유 형: ", rejected.Split("\r\n")[1]);

        // An English file gets its own spelling back; a problem with the whole row has no header.
        var english = $"code,nameKo,kind\r\n{Code("hdr-e")},영문 헤더,spaceship\r\n{Code("hdr-s")},긴 행,company,남는 칸\r\n";
        var problems = (await Report(await client.PostAsync("/api/v1/imports/agencies?dryRun=true", Csv(english))))
            .GetProperty("problems").EnumerateArray().ToList();
        Assert.Contains(problems, p => p.GetProperty("column").GetString() == "kind" && p.GetProperty("header").GetString() == "kind");
        Assert.Contains(problems, p => p.GetProperty("column").ValueKind == JsonValueKind.Null && p.GetProperty("header").ValueKind == JsonValueKind.Null);
    }

    [Fact]
    public void EachTarget_HasTheColumnsItsEntityIsKnownBy()
    {
        using var scope = factory.Services.CreateScope();
        foreach (var target in scope.ServiceProvider.GetServices<BioCluster.Api.Features.Imports.ImportTarget>())
            Assert.Same(target.Columns, BioCluster.Api.Infrastructure.Sheets.Columns.OfEntity(BioCluster.Api.Infrastructure.Http.WireNames.Of(target.Entity)));
    }

    [Fact]
    public async Task Agencies_AChangedRow_IsAnUpdate_AuditedWithWhatWasStoredBefore()
    {
        var code = Code("upd");
        var client = factory.Client();
        await Report(await client.PostAsync("/api/v1/imports/agencies", Csv($"코드,국문명,유형,웹사이트\r\n{code},바뀌기 전,기업,https://before.example.kr\r\n")));
        var changed = await Report(await client.PostAsync("/api/v1/imports/agencies",
            Csv($"코드,국문명,유형,웹사이트\r\n{code},바뀐 뒤,기업,https://before.example.kr\r\n")));
        Assert.Equal((1, 0, 1, 0, 0), Totals(changed));
        await using var db = factory.OpenDatabase();
        var (before, after) = await db.QuerySingleAsync<(string Before, string After)>("""
            SELECT a.before_json, a.after_json FROM audit_entries a JOIN agencies g ON g.id = a.entity_id
            WHERE a.entity_type = 'agency' AND a.action = 'update' AND g.code = @code
            """, new { code });
        Assert.Equal("바뀌기 전", JsonDocument.Parse(before).RootElement.GetProperty("nameKo").GetString());
        Assert.Equal("https://before.example.kr", JsonDocument.Parse(before).RootElement.GetProperty("website").GetString());
        Assert.Equal("바뀐 뒤", JsonDocument.Parse(after).RootElement.GetProperty("nameKo").GetString());
        // The same file again changes nothing.
        Assert.Equal((1, 0, 0, 1, 0), Totals(await Report(await client.PostAsync("/api/v1/imports/agencies",
            Csv($"코드,국문명,유형,웹사이트\r\n{code},바뀐 뒤,기업,https://before.example.kr\r\n")))));
    }

    [Fact]
    public async Task Agencies_ParentCycles_AndAnOperatorTurnedCompany_AreRejected()
    {
        var (a, b) = (Code("cyc-a"), Code("cyc-b"));
        var client = factory.Client();
        Assert.Equal((2, 2, 0, 0, 0), Totals(await Report(await client.PostAsync("/api/v1/imports/agencies",
            Csv($"code,nameKo,kind,parentCode\r\n{a},가 기관,company,\r\n{b},나 기관,company,{a}\r\n")))));

        // a under b, while b is under a: against what is stored, and against a row earlier in the same file.
        var stored = await Report(await client.PostAsync("/api/v1/imports/agencies?dryRun=true", Csv($"code,nameKo,kind,parentCode\r\n{a},가 기관,company,{b}\r\n")));
        Assert.Contains(stored.GetProperty("problems").EnumerateArray(), p => p.GetProperty("code").GetString() == "cycle" && p.GetProperty("row").GetInt32() == 2);
        var inFile = await Report(await client.PostAsync("/api/v1/imports/agencies?dryRun=true",
            Csv($"code,nameKo,kind,parentCode\r\n{b},나 기관,company,{a}\r\n{a},가 기관,company,{b}\r\n")));
        Assert.Equal((2, 0, 0, 1, 1), Totals(inFile));
        Assert.Contains(inFile.GetProperty("problems").EnumerateArray(), p => p.GetProperty("code").GetString() == "cycle" && p.GetProperty("row").GetInt32() == 3);

        // kbiohealth operates a cluster, so it stays a cluster operator.
        var op = await Report(await client.PostAsync("/api/v1/imports/agencies?dryRun=true", Csv("code,nameKo,kind\r\nkbiohealth,충북바이오헬스,company\r\n")));
        Assert.Contains(op.GetProperty("problems").EnumerateArray(), p => p.GetProperty("column").GetString() == "kind" && p.GetProperty("code").GetString() == "invalid");
    }

    [Fact]
    public async Task Agencies_DuplicateCodesAndUnknownReferences_AreNamedByRowAndColumn()
    {
        var a = Code("dup");
        var csv = $"code,nameKo,kind,clusterCode,parentCode\r\n{a},하나,company,osong,\r\n{a},둘,company,osong,\r\n{Code("ref")},셋,company,nowhere,ghost\r\n";
        var report = await Report(await factory.Client().PostAsync("/api/v1/imports/agencies?dryRun=true", Csv(csv)));
        Assert.Equal((3, 1, 0, 0, 2), Totals(report));
        var problems = report.GetProperty("problems").EnumerateArray().Select(p => (p.GetProperty("row").GetInt32(), p.GetProperty("column").GetString(), p.GetProperty("code").GetString())).ToList();
        Assert.Contains((3, "code", "duplicate_in_file"), problems);
        Assert.Contains((4, "clusterCode", "unknown_reference"), problems);
        Assert.Contains((4, "parentCode", "unknown_reference"), problems);
    }

    [Fact]
    public async Task ClusterIndicators_Import_ThenExport_ImportsBackUnchanged()
    {
        var cluster = Code("ind");
        var client = factory.Client();
        await Report(await client.PostAsync("/api/v1/imports/clusters", Csv($"code,nameKo,region,operatorCode\r\n{cluster},지표 클러스터,daegu,kbiohealth\r\n")));
        var csv = $"클러스터코드,연도,기업수,종사자수,매출액(백만원),연구개발비(백만원),투자유치액(백만원),수출액(천달러),비고\r\n" +
                  $"{cluster},2024,120,3400,\"1,250,000.5\",8800,1200.25,5300,\"잠정치, 재검토\"\r\n{cluster},2025,130,,,,,,\r\n";
        var first = await Report(await client.PostAsync("/api/v1/imports/cluster_indicators", Csv(csv)));
        Assert.Equal((2, 2, 0, 0, 0), Totals(first));

        var exported = await client.GetByteArrayAsync($"/api/v1/cluster-indicators/export.csv?clusterCode={cluster}");
        var back = new ByteArrayContent(exported);
        back.Headers.ContentType = new MediaTypeHeaderValue("text/csv");
        var roundTrip = await Report(await client.PostAsync("/api/v1/imports/cluster_indicators", back));
        Assert.Equal((2, 0, 0, 2, 0), Totals(roundTrip));

        var list = JsonDocument.Parse(await client.GetStringAsync($"/api/v1/cluster-indicators?clusterCode={cluster}")).RootElement.GetProperty("items");
        var y2024 = list.EnumerateArray().Single(i => i.GetProperty("year").GetInt32() == 2024);
        Assert.Equal(1_250_000.5, y2024.GetProperty("revenueMillionKrw").GetDouble());
        Assert.Equal("잠정치, 재검토", y2024.GetProperty("note").GetString());
    }

    [Fact]
    public async Task RegulatoryIssues_Backlog_ImportsAsSubmitted_ReRunUnchanged_ExportImportsBackUnchanged()
    {
        var tag = Code("iss");
        var csv = "외부참조번호,제목,현황및문제점,개선건의사항,분야,관련법령,건의기관코드,관련클러스터코드,담당자,우선순위,태그\r\n" +
                  $"{tag}-1,{tag} 임상시험 승인 기간 단축,임상시험 계획 승인에 너무 오래 걸립니다.,승인 심사 기간을 30일로 줄여 주십시오.,임상시험,약사법,kbiohealth,osong,김담당,높음,임상;심사\r\n" +
                  $"{tag}-2,{tag} 연구부지 용도 변경,연구시설 부지의 용도 제한이 있습니다.,용도 변경 절차를 간소화해 주십시오.,land_site,,kbiohealth,osong;daegu-gyeongbuk,,,\r\n";
        var client = factory.Client();
        var first = await Report(await client.PostAsync("/api/v1/imports/regulatory_issues", Csv(csv)));
        Assert.Equal((2, 2, 0, 0, 0), Totals(first));

        var page = JsonDocument.Parse(await client.GetStringAsync($"/api/v1/regulatory-issues?q={tag}&limit=10")).RootElement.GetProperty("items");
        Assert.Equal(2, page.GetArrayLength());
        var one = JsonDocument.Parse(await client.GetStringAsync($"/api/v1/regulatory-issues/{page.EnumerateArray().Single(i => i.GetProperty("titleKo").GetString()!.Contains("임상")).GetProperty("id").GetInt64()}")).RootElement;
        Assert.Equal("submitted", one.GetProperty("status").GetString());
        Assert.Equal("clinical_trials", one.GetProperty("category").GetString());
        Assert.Equal("high", one.GetProperty("priority").GetString());
        Assert.Equal(["임상", "심사"], one.GetProperty("tags").EnumerateArray().Select(t => t.GetString()));
        Assert.Equal("김담당", one.GetProperty("official").GetProperty("name").GetString());
        var timeline = JsonDocument.Parse(await client.GetStringAsync($"/api/v1/regulatory-issues/{one.GetProperty("id").GetInt64()}/history")).RootElement;
        Assert.Equal("submitted", Assert.Single(timeline.EnumerateArray()).GetProperty("to").GetString());

        Assert.Equal((2, 0, 0, 2, 0), Totals(await Report(await client.PostAsync("/api/v1/imports/regulatory_issues", Csv(csv)))));
        var exported = new ByteArrayContent(await client.GetByteArrayAsync($"/api/v1/regulatory-issues/export.xlsx?q={tag}"));
        exported.Headers.ContentType = new MediaTypeHeaderValue("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
        Assert.Equal((2, 0, 0, 2, 0), Totals(await Report(await client.PostAsync("/api/v1/imports/regulatory_issues", exported))));

        // An edit moves the tallies the statistics read, and the raising agency cannot be changed by an import.
        var edited = csv.Replace($"{tag}-2,{tag} 연구부지 용도 변경,연구시설 부지의 용도 제한이 있습니다.,용도 변경 절차를 간소화해 주십시오.,land_site,,kbiohealth",
            $"{tag}-2,{tag} 연구부지 용도 변경,연구시설 부지의 용도 제한이 있습니다.,용도 변경 절차를 간소화해 주십시오.,기타,,kbiohealth")
            .Replace("kbiohealth,osong;daegu-gyeongbuk,", "kbiohealth,gwanggyo;osong,");
        async Task<string[]> ListedClusters() => JsonDocument.Parse(await client.GetStringAsync($"/api/v1/regulatory-issues?q={tag}&limit=10")).RootElement
            .GetProperty("items").EnumerateArray().Single(i => i.GetProperty("titleKo").GetString()!.Contains("부지"))
            .GetProperty("clusters").EnumerateArray().Select(c => c.GetProperty("code").GetString()!).ToArray();
        Assert.Equal(["daegu-gyeongbuk", "osong"], await ListedClusters());
        Assert.Equal((2, 0, 1, 1, 0), Totals(await Report(await client.PostAsync("/api/v1/imports/regulatory_issues", Csv(edited)))));
        Assert.Equal(["gwanggyo", "osong"], await ListedClusters()); // the list reads the copy of the cluster ids, which the import keeps in step
        Assert.Equal(0, await BioCluster.Api.Tests.Features.RegulatoryIssues.IssuesFactory.ClusterCopiesOutOfStep(factory));
        Assert.Equal(await Count("SELECT COUNT(*) FROM regulatory_issues"), await Count("SELECT SUM(issues) FROM regulatory_issue_tallies"));
        Assert.Equal(await Count("SELECT COUNT(*) FROM regulatory_issues WHERE category = 'other'"),
            await Count("SELECT SUM(issues) FROM regulatory_issue_tallies WHERE category = 'other'"));
        var moved = await Report(await client.PostAsync("/api/v1/imports/regulatory_issues?dryRun=true", Csv(edited.Replace(",기타,,kbiohealth", ",기타,,khidi"))));
        Assert.Contains(moved.GetProperty("problems").EnumerateArray(), p => p.GetProperty("column").GetString() == "raisedByCode");
    }

    [Fact]
    public async Task Template_HasTheKoreanHeaders()
    {
        var response = await factory.Client().GetAsync("/api/v1/imports/templates/clusters.csv");
        var bytes = await response.Content.ReadAsByteArrayAsync();
        Assert.Equal([0xEF, 0xBB, 0xBF], bytes[..3]);
        Assert.StartsWith("코드,국문명,영문명,지역,운영기관코드", Encoding.UTF8.GetString(bytes[3..]));
    }
}
