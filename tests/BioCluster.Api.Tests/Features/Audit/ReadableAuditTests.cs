using System.Net;
using System.Text.Json;
using BioCluster.Api.Tests.Features.Imports;
using BioCluster.Api.Tests.Infrastructure;
using Dapper;

namespace BioCluster.Api.Tests.Features.Audit;

/// <summary>
/// The trail as people read it: who by name and the agency they were with then, and an import as one line with its totals
/// (the entry of each row it wrote kept, and listed by run).
/// </summary>
public sealed class ReadableAuditTests(SqliteApiFactory factory) : IClassFixture<SqliteApiFactory>
{
    private static async Task<JsonElement> Json(HttpResponseMessage r, HttpStatusCode status = HttpStatusCode.OK)
    {
        var body = await r.Content.ReadAsStringAsync();
        Assert.True(r.StatusCode == status, $"expected {(int)status}, got {(int)r.StatusCode}: {body}");
        return JsonDocument.Parse(body).RootElement;
    }

    private static List<JsonElement> Items(JsonElement page) => page.GetProperty("items").EnumerateArray().ToList();

    private async Task<long> CreateAgency(HttpClient client, string code)
    {
        var created = await Json(await client.PostAsync("/api/v1/agencies", Http.Body(new { code, nameKo = "읽기 좋은 기관", kind = "company", sector = "industry" })),
            HttpStatusCode.Created);
        return created.GetProperty("id").GetInt64();
    }

    [Fact]
    public async Task AnEntry_NamesThePerson_AndTheAgencyTheyBelongedToThen_EvenAfterTheyMove()
    {
        var mfds = await Json(await factory.Client().GetAsync("/api/v1/agencies/by-code/mfds"));
        var client = await factory.AsRole("secretariat", "mfds");
        var id = await CreateAgency(client, Http.Unique("ra").ToLowerInvariant());

        // The person moves to another agency afterwards: the entry still names the agency of then.
        var me = await Json(await client.GetAsync("/api/v1/auth/me"));
        var userId = me.GetProperty("id").GetInt64();
        var user = await factory.Client().GetAsync($"/api/v1/users/{userId}");
        var moved = await factory.Client().Send(HttpMethod.Put, $"/api/v1/users/{userId}",
            Http.Body(new { displayName = "시험 secretariat", role = "secretariat", agencyCode = "mohw", status = "active" }), user.ETag());
        Assert.True(moved.IsSuccessStatusCode, await moved.Content.ReadAsStringAsync());

        var entry = Assert.Single(Items(await Json(await factory.Client().GetAsync($"/api/v1/agencies/{id}/history"))));
        Assert.Equal("시험 secretariat", entry.GetProperty("actorDisplayName").GetString());
        var agency = entry.GetProperty("actorAgency");
        Assert.Equal("mfds", agency.GetProperty("code").GetString());
        Assert.Equal(mfds.GetProperty("nameKo").GetString(), agency.GetProperty("nameKo").GetString());
        Assert.Equal(mfds.GetProperty("nameEn").GetString(), agency.GetProperty("nameEn").GetString());

        // The audit page reads the same.
        var listed = Assert.Single(Items(await Json(await factory.Client().GetAsync($"/api/v1/audit?entityType=agency&entityId={id}"))));
        Assert.Equal("mfds", listed.GetProperty("actorAgency").GetProperty("code").GetString());
    }

    [Fact]
    public async Task AnApiKeysEntry_NamesTheKey_AndItsAgency_AndAnAdminWithoutAgency_HasNone()
    {
        var key = await factory.WithKey("mohw", "write", "read");
        var id = await CreateAgency(key, Http.Unique("rk").ToLowerInvariant());
        var entry = Assert.Single(Items(await Json(await factory.Client().GetAsync($"/api/v1/agencies/{id}/history"))));
        Assert.Equal("api_key", entry.GetProperty("actorType").GetString());
        Assert.Equal("시험 키", entry.GetProperty("actorDisplayName").GetString());
        Assert.Equal("mohw", entry.GetProperty("actorAgency").GetProperty("code").GetString());

        var byAdmin = await CreateAgency(factory.Client(), Http.Unique("rn").ToLowerInvariant());
        var admins = Assert.Single(Items(await Json(await factory.Client().GetAsync($"/api/v1/agencies/{byAdmin}/history"))));
        Assert.Equal(JsonValueKind.Null, admins.GetProperty("actorAgency").ValueKind);
    }

    [Fact]
    public async Task AnImport_ReadsAsOneLine_WithItsTotals_ItsRowsListedByRun_AndInEachRecordsHistory()
    {
        var client = await factory.AsRole("secretariat", "mfds");
        var codes = Enumerable.Range(0, 3).Select(_ => Http.Unique("ri").ToLowerInvariant()).ToList();
        var csv = "code,nameKo,kind\r\n" + string.Concat(codes.Select(c => $"{c},가져온 기관,company\r\n"));
        var first = await ImportsApiTests.Report(await client.PostAsync("/api/v1/imports/agencies?fileName=기관.csv", ImportsApiTests.Csv(csv)));
        var changed = "code,nameKo,kind\r\n" + $"{codes[0]},이름 바뀐 기관,company\r\n{codes[1]},가져온 기관,company\r\n";
        var second = await ImportsApiTests.Report(await client.PostAsync("/api/v1/imports/agencies?fileName=변경.csv", ImportsApiTests.Csv(changed)));
        var (run1, run2) = (first.GetProperty("id").GetInt64(), second.GetProperty("id").GetInt64());

        // Every row's entry is kept and names its run.
        await using (var db = factory.OpenDatabase())
        {
            Assert.Equal(3, await db.ExecuteScalarAsync<long>("SELECT COUNT(*) FROM audit_entries WHERE import_run_id = @run1", new { run1 }));
            Assert.Equal(1, await db.ExecuteScalarAsync<long>("SELECT COUNT(*) FROM audit_entries WHERE import_run_id = @run2", new { run2 }));
            Assert.Equal(0, await db.ExecuteScalarAsync<long>(
                "SELECT COUNT(*) FROM audit_entries WHERE entity_type = 'import' AND entity_id IN (@run1, @run2) AND import_run_id IS NOT NULL", new { run1, run2 }));
        }

        // Summarised, each run is one line with its totals, file and who ran it; none of its rows shows.
        var lines = await AllPages(factory.Client(), "/api/v1/audit?summarise=true&limit=3");
        Assert.DoesNotContain(lines, l => l.GetProperty("importRunId").ValueKind == JsonValueKind.Number);
        var line1 = Assert.Single(lines, l => l.GetProperty("entityType").GetString() == "import" && l.GetProperty("entityId").GetInt64() == run1);
        var summary = line1.GetProperty("import");
        Assert.Equal(run1, summary.GetProperty("runId").GetInt64());
        Assert.Equal("agencies", summary.GetProperty("entity").GetString());
        Assert.Equal("기관.csv", summary.GetProperty("fileName").GetString());
        Assert.Equal((3, 3, 0), (summary.GetProperty("rows").GetInt32(), summary.GetProperty("created").GetInt32(), summary.GetProperty("updated").GetInt32()));
        Assert.Equal("mfds", line1.GetProperty("actorAgency").GetProperty("code").GetString());
        var line2 = Assert.Single(lines, l => l.GetProperty("entityType").GetString() == "import" && l.GetProperty("entityId").GetInt64() == run2);
        Assert.Equal((2, 0, 1), (line2.GetProperty("import").GetProperty("rows").GetInt32(),
            line2.GetProperty("import").GetProperty("created").GetInt32(), line2.GetProperty("import").GetProperty("updated").GetInt32()));
        // Pages are newest first with no line twice.
        var ids = lines.Select(l => l.GetProperty("id").GetInt64()).ToList();
        Assert.Equal(ids.OrderByDescending(i => i), ids);
        Assert.Equal(ids.Count, ids.Distinct().Count());

        // Filtered by the type it wrote, the run's line stands in for its rows; by another type it does not show.
        var agencies = await AllPages(factory.Client(), "/api/v1/audit?summarise=true&entityType=agency&limit=50");
        Assert.Contains(agencies, l => l.GetProperty("entityType").GetString() == "import" && l.GetProperty("entityId").GetInt64() == run1);
        Assert.DoesNotContain(agencies, l => l.GetProperty("importRunId").ValueKind == JsonValueKind.Number);
        var clusters = await AllPages(factory.Client(), "/api/v1/audit?summarise=true&entityType=cluster&limit=50");
        Assert.DoesNotContain(clusters, l => l.GetProperty("entityType").GetString() == "import" && l.GetProperty("entityId").GetInt64() == run1);

        // Opened, the run lists the entries it wrote, each with the run's summary.
        var rows = await AllPages(factory.Client(), $"/api/v1/audit?importRunId={run1}&limit=2");
        Assert.Equal(3, rows.Count);
        Assert.All(rows, r => Assert.Equal(run1, r.GetProperty("import").GetProperty("runId").GetInt64()));
        Assert.Equal(codes.Order(), rows.Select(r => r.GetProperty("after").GetProperty("code").GetString()!).Order());

        // Unsummarised, the list is every entry as before.
        var all = await AllPages(factory.Client(), "/api/v1/audit?entityType=agency&limit=200");
        Assert.Equal(4, all.Count(l => l.GetProperty("importRunId").ValueKind == JsonValueKind.Number
                                        && l.GetProperty("importRunId").GetInt64() is var r && (r == run1 || r == run2)));

        // A record's history names the run each of its changes came in with.
        var agency = await Json(await factory.Client().GetAsync($"/api/v1/agencies/by-code/{codes[0]}"));
        var history = Items(await Json(await factory.Client().GetAsync($"/api/v1/agencies/{agency.GetProperty("id").GetInt64()}/history")));
        Assert.Equal([run2, run1], history.Select(h => h.GetProperty("import").GetProperty("runId").GetInt64()));
        Assert.Equal("변경.csv", history[0].GetProperty("import").GetProperty("fileName").GetString());
    }

    [Fact]
    public async Task ARefusedRun_LeavesNoReservedRun_AndIsRecordedWithItsTotals()
    {
        var before = await Count("SELECT COUNT(*) FROM import_runs");
        var csv = "code,nameKo,kind\r\n" + $"{Http.Unique("rf").ToLowerInvariant()},기관,company\r\n,,nonsense\r\n";
        var report = await ImportsApiTests.Report(await factory.Client().PostAsync("/api/v1/imports/agencies?onError=fail", ImportsApiTests.Csv(csv)),
            HttpStatusCode.UnprocessableEntity);
        Assert.Equal("rejected", report.GetProperty("outcome").GetString());
        Assert.Equal(before + 1, await Count("SELECT COUNT(*) FROM import_runs"));
        var id = report.GetProperty("id").GetInt64();
        Assert.Equal(2, await Count("SELECT rows_total FROM import_runs WHERE id = @id", new { id }));
        Assert.Equal(0, await Count("SELECT COUNT(*) FROM audit_entries WHERE import_run_id = @id", new { id }));
    }

    private async Task<long> Count(string sql, object? p = null)
    {
        await using var db = factory.OpenDatabase();
        return await db.ExecuteScalarAsync<long>(sql, p);
    }

    private static async Task<List<JsonElement>> AllPages(HttpClient client, string url)
    {
        var all = new List<JsonElement>();
        string? cursor = null;
        do
        {
            var page = await Json(await client.GetAsync(url + (cursor is null ? "" : $"&cursor={Uri.EscapeDataString(cursor)}")));
            all.AddRange(Items(page));
            cursor = page.TryGetProperty("nextCursor", out var n) && n.ValueKind == JsonValueKind.String ? n.GetString() : null;
        } while (cursor is not null);
        return all;
    }
}
