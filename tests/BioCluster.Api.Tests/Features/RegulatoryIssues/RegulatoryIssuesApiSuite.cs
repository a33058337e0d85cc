using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using BioCluster.Api.Features.RegulatoryIssues;
using BioCluster.Api.Infrastructure.Data;
using BioCluster.Api.Infrastructure.Sheets;
using Dapper;
using Microsoft.Extensions.DependencyInjection;
using BioCluster.Api.Tests.Infrastructure;

namespace BioCluster.Api.Tests.Features.RegulatoryIssues;

/// <summary>
/// The regulatory-issue API through HTTP: the workflow, lists, exports, statistics, comments and edits. Runs on SQLite
/// and, when BIOCLUSTER_SQLSERVER_CONNECTION is set, on SQL Server (reported as skipped otherwise).
/// </summary>
public abstract class RegulatoryIssuesApiSuite(IIssuesHost factory)
{
    private static async Task<JsonNode> Json(HttpResponseMessage r)
    {
        var text = await r.Content.ReadAsStringAsync();
        Assert.True(r.IsSuccessStatusCode, $"{(int)r.StatusCode}: {text}");
        return JsonNode.Parse(text)!;
    }

    [ApiFact]
    public async Task RaiseRouteAnswerProgressComplete_RecordsEveryStep()
    {
        var op = await factory.Party("kbiohealth");
        var (id, _) = await factory.Raise(op);
        var raised = await Json(await op.GetAsync($"/api/v1/regulatory-issues/{id}"));
        Assert.Equal("submitted", raised["status"]!.GetValue<string>());
        Assert.Equal("kbiohealth", raised["raisedBy"]!["code"]!.GetValue<string>());
        Assert.Equal(["withdrawn"], raised["allowedMoves"]!.AsArray().Select(m => m!.GetValue<string>()));

        var secretariat = await factory.Party("mohw");
        var routed = await Json(await IssuesFactory.Move(secretariat, id, factory.MoveTo("under_review")));
        Assert.Equal("mfds", routed["leadMinistry"]!["code"]!.GetValue<string>());
        Assert.Equal(factory.Clock.GetUtcNow().AddDays(14), DateTimeOffset.Parse(routed["responseDueAt"]!.GetValue<string>()));
        Assert.Equal(14, routed["daysRemaining"]!.GetValue<int>());

        var mfds = await factory.Party("mfds");
        Assert.Equal("accepted", (await Json(await IssuesFactory.Move(mfds, id, factory.MoveTo("accepted"))))["status"]!.GetValue<string>());
        await Json(await IssuesFactory.Move(mfds, id, factory.MoveTo("in_progress")));
        await Json(await IssuesFactory.Move(mfds, id, new { to = "in_progress", progressPercent = 80, progressNote = "규제심사 통과" }));
        var done = await Json(await IssuesFactory.Move(mfds, id, factory.MoveTo("completed")));
        Assert.Equal("completed", done["status"]!.GetValue<string>());
        Assert.Equal(100, done["progressPercent"]!.GetValue<int>());
        Assert.False(done["overdue"]!.GetValue<bool>());

        var history = (await Json(await op.GetAsync($"/api/v1/regulatory-issues/{id}/history"))).AsArray();
        Assert.Equal(["submitted", "under_review", "accepted", "in_progress", "in_progress", "completed"], history.Select(h => h!["to"]!.GetValue<string>()));
        Assert.Equal("식약처로 배정", history[1]!["comment"]!.GetValue<string>());
        Assert.Equal("mfds", history[1]!["fields"]!["leadMinistryCode"]!.GetValue<string>());
        Assert.Equal("80", history[4]!["fields"]!["progressPercent"]!.GetValue<string>());
    }

    [ApiFact]
    public async Task ListTotal_IsRightOnFullAndEmptyPages()
    {
        var op = await factory.Party("kbiohealth");
        var token = $"합계확인{Guid.NewGuid():N}"[..16];
        var first = (await factory.Raise(op, IssuesFactory.NewIssue($"{token} 첫째"))).Id;
        var second = (await factory.Raise(op, IssuesFactory.NewIssue($"{token} 둘째"))).Id;
        var query = $"/api/v1/regulatory-issues?q={Uri.EscapeDataString(token)}&status=submitted&limit=1";

        var page1 = await Json(await op.GetAsync(query));
        Assert.Equal(2, page1["totalCount"]!.GetValue<int>());
        var onPage1 = page1["items"]![0]!["id"]!.GetValue<long>();
        var cursor = page1["nextCursor"]!.GetValue<string>();

        // The issue that page 2 would show leaves the filter: page 2 is empty and still tells the total.
        await IssuesFactory.Move(op, onPage1 == first ? second : first, new { to = "withdrawn", reason = "중복 제안이라 철회합니다" });
        var page2 = await Json(await op.GetAsync($"{query}&cursor={Uri.EscapeDataString(cursor)}"));
        Assert.Empty(page2["items"]!.AsArray());
        Assert.Equal(1, page2["totalCount"]!.GetValue<int>());
        Assert.Null(page2["nextCursor"]);

        var none = await Json(await op.GetAsync($"/api/v1/regulatory-issues?q={Uri.EscapeDataString(token + "없음")}"));
        Assert.Empty(none["items"]!.AsArray());
        Assert.Equal(0, none["totalCount"]!.GetValue<int>());
    }

    [ApiFact]
    public async Task MoveFromTheWrongState_Is409_AndByTheWrongParty_Is403_AndNothingChanges()
    {
        var op = await factory.Party("kbiohealth");
        var (id, etag) = await factory.Raise(op);
        await (await IssuesFactory.Move(await factory.Party("mfds"), id, factory.MoveTo("accepted"))).Problem(HttpStatusCode.Conflict);
        await (await IssuesFactory.Move(op, id, factory.MoveTo("under_review"))).Problem(HttpStatusCode.Forbidden);
        await IssuesFactory.Move(await factory.Party("mohw"), id, factory.MoveTo("under_review"));
        // Another ministry cannot answer mfds's issue; the raiser cannot answer either.
        await (await IssuesFactory.Move(await factory.Party("motie"), id, factory.MoveTo("accepted"))).Problem(HttpStatusCode.Forbidden);
        await (await IssuesFactory.Move(op, id, factory.MoveTo("accepted"))).Problem(HttpStatusCode.Forbidden);
        // A viewer-like key may not move issues at all.
        await (await IssuesFactory.Move(await factory.Party("khidi"), id, factory.MoveTo("withdrawn"))).Problem(HttpStatusCode.Forbidden);
        var history = (await Json(await op.GetAsync($"/api/v1/regulatory-issues/{id}/history"))).AsArray();
        Assert.Equal(2, history.Count);
        Assert.NotEqual(etag, await IssuesFactory.ETagOf(op, id));
    }

    [ApiFact]
    public async Task MoveWithMissingFields_Is400NamingThem()
    {
        var (id, _) = await factory.Raise(await factory.Party("kbiohealth"));
        await IssuesFactory.Move(await factory.Party("mohw"), id, factory.MoveTo("under_review"));
        var problem = await (await IssuesFactory.Move(await factory.Party("mfds"), id, new { to = "not_accepted", justification = "불가" }))
            .Problem(HttpStatusCode.BadRequest);
        Assert.Contains("justification", problem.Errors().Keys);
        // The secretariat did not raise it, so it may not withdraw it.
        await (await IssuesFactory.Move(await factory.Party("mohw"), id, new { to = "withdrawn", reason = "철회합니다 테스트" }))
            .Problem(HttpStatusCode.Forbidden);
    }

    [ApiFact]
    public async Task Assignment_ToSomethingThatIsNotAMinistry_Is400()
    {
        var (id, _) = await factory.Raise(await factory.Party("kbiohealth"));
        var problem = await (await IssuesFactory.Move(await factory.Party("mohw"), id, new { to = "under_review", leadMinistryCode = "kbiohealth" }))
            .Problem(HttpStatusCode.BadRequest);
        Assert.Contains("leadMinistryCode", problem.Errors().Keys);
    }

    [ApiFact]
    public async Task Move_WithoutIfMatch_Is428_AndStale_Is412()
    {
        var op = await factory.Party("kbiohealth");
        var (id, etag) = await factory.Raise(op);
        await (await (await factory.Party("mohw")).Send(HttpMethod.Post, $"/api/v1/regulatory-issues/{id}/transitions", Http.Body(factory.MoveTo("under_review"))))
            .Problem(HttpStatusCode.PreconditionRequired);
        await IssuesFactory.Move(op, id, new { to = "withdrawn", reason = "다시 제출하겠습니다." });
        await (await IssuesFactory.Move(await factory.Party("mohw"), id, factory.MoveTo("under_review"), etag)).Problem(HttpStatusCode.PreconditionFailed);
    }

    [ApiFact]
    public async Task ParallelMovesWithOneETag_ExactlyOneWins()
    {
        var (id, etag) = await factory.Raise(await factory.Party("kbiohealth"));
        var secretariat = await factory.Party("mohw");
        var responses = await Task.WhenAll(Enumerable.Range(0, 20).Select(_ => IssuesFactory.Move(secretariat, id, factory.MoveTo("under_review"), etag)));
        Assert.Equal(1, responses.Count(r => r.StatusCode == HttpStatusCode.OK));
        Assert.Equal(19, responses.Count(r => r.StatusCode == HttpStatusCode.PreconditionFailed));
        var history = (await Json(await secretariat.GetAsync($"/api/v1/regulatory-issues/{id}/history"))).AsArray();
        Assert.Equal(2, history.Count);
    }

    [ApiFact]
    public async Task Refusal_AllowsOneReReview()
    {
        var (id, _) = await factory.Raise(await factory.Party("kbiohealth"));
        var secretariat = await factory.Party("mohw");
        var mfds = await factory.Party("mfds");
        await Json(await IssuesFactory.Move(secretariat, id, factory.MoveTo("under_review")));
        await Json(await IssuesFactory.Move(mfds, id, factory.MoveTo("not_accepted")));
        var again = await Json(await IssuesFactory.Move(secretariat, id, factory.MoveTo("under_review")));
        Assert.True(again["rereviewUsed"]!.GetValue<bool>());
        await Json(await IssuesFactory.Move(mfds, id, factory.MoveTo("not_accepted")));
        await (await IssuesFactory.Move(secretariat, id, factory.MoveTo("under_review"))).Problem(HttpStatusCode.Conflict);
    }

    [ApiFact]
    public async Task Overdue_IsDerivedFromTheClock()
    {
        var (id, _) = await factory.Raise(await factory.Party("kbiohealth"), IssuesFactory.NewIssue("기한 경과 과제"));
        var secretariat = await factory.Party("mohw");
        await IssuesFactory.Move(secretariat, id, new { to = "under_review", leadMinistryCode = "mfds", responseDueAt = factory.Clock.GetUtcNow().AddDays(2) });
        var fresh = await Json(await secretariat.GetAsync($"/api/v1/regulatory-issues/{id}"));
        Assert.False(fresh["overdue"]!.GetValue<bool>());
        Assert.Equal(2, fresh["daysRemaining"]!.GetValue<int>());

        factory.Clock.Advance(TimeSpan.FromDays(5));
        var late = await Json(await secretariat.GetAsync($"/api/v1/regulatory-issues/{id}"));
        Assert.True(late["overdue"]!.GetValue<bool>());
        Assert.Equal("answer", late["overdueKind"]!.GetValue<string>());
        Assert.Equal(3, late["daysLate"]!.GetValue<int>());
        var list = await Json(await secretariat.GetAsync("/api/v1/regulatory-issues?overdue=true&leadMinistryCode=mfds&limit=200"));
        Assert.Contains(list["items"]!.AsArray(), i => i!["id"]!.GetValue<long>() == id);
        var notOverdue = await Json(await secretariat.GetAsync("/api/v1/regulatory-issues?overdue=false&limit=200"));
        Assert.DoesNotContain(notOverdue["items"]!.AsArray(), i => i!["id"]!.GetValue<long>() == id);
    }

    [ApiFact]
    public async Task Filters_SelectExactlyTheMatchingIssues()
    {
        var op = await factory.Party("ifez");
        var marker = $"표식{Guid.NewGuid():N}"[..12];
        var (a, _) = await factory.Raise(op, IssuesFactory.NewIssue($"{marker} 데이터 규제", "data_privacy", ["songdo"], "urgent"));
        var (b, _) = await factory.Raise(op, IssuesFactory.NewIssue($"{marker} 토지 규제", "land_site", ["songdo", "osong"], "low"));
        await IssuesFactory.Move(await factory.Party("mohw"), b, new { to = "under_review", leadMinistryCode = "motie" });

        async Task<long[]> Ids(string query) =>
            (await Json(await op.GetAsync($"/api/v1/regulatory-issues?q={Uri.EscapeDataString(marker)}&limit=200&{query}")))["items"]!.AsArray()
                .Select(i => i!["id"]!.GetValue<long>()).Order().ToArray();

        Assert.Equal([a, b], await Ids(""));
        Assert.Equal([a], await Ids("status=submitted"));
        Assert.Equal([a, b], await Ids("status=submitted&status=under_review"));
        Assert.Equal([b], await Ids("category=land_site"));
        Assert.Equal([a], await Ids("priority=urgent"));
        Assert.Equal([b], await Ids("clusterCode=osong"));
        Assert.Equal([a, b], await Ids("clusterCode=songdo&raisedByCode=ifez"));
        Assert.Equal([b], await Ids("leadMinistryCode=motie"));
        Assert.Equal([b], await Ids($"dueBefore={Uri.EscapeDataString(factory.Clock.GetUtcNow().AddDays(15).ToString("O"))}"));
        Assert.Equal([a, b], await Ids($"createdFrom={Uri.EscapeDataString(factory.Clock.GetUtcNow().AddMinutes(-1).ToString("O"))}"));
        Assert.Empty(await Ids($"createdTo={Uri.EscapeDataString(factory.Clock.GetUtcNow().AddDays(-1).ToString("O"))}"));
        Assert.Equal([a, b], await Ids("")); // q matched the title; the law name is searchable too:
        Assert.NotEmpty((await Json(await op.GetAsync($"/api/v1/regulatory-issues?q={Uri.EscapeDataString("안전에 관한 규칙")}")))["items"]!.AsArray());

        var bad = await (await op.GetAsync("/api/v1/regulatory-issues?status=lost&category=magic&priority=meh&sort=title&overdue=maybe")).Problem(HttpStatusCode.BadRequest);
        Assert.NotEmpty(bad.Errors());
    }

    [ApiFact]
    public async Task EverySort_PagesWithoutGapsOrRepeats()
    {
        var op = await factory.Party("wmit");
        var marker = $"정렬{Guid.NewGuid():N}"[..12];
        var expected = new List<long>();
        var priorities = new[] { "urgent", "high", "normal", "low" };
        for (var i = 0; i < 23; i++)
        {
            factory.Clock.Advance(TimeSpan.FromMinutes(i % 3));
            expected.Add((await factory.Raise(op, IssuesFactory.NewIssue($"{marker} 과제 {i}", priority: priorities[i % 4], clusters: ["wonju"]))).Id);
        }
        foreach (var sort in new[] { "createdAt", "-createdAt", "dueAt", "-dueAt", "priority", "-priority", "updatedAt", "-updatedAt", "id", "-id" })
        {
            var seen = new List<long>();
            string? cursor = null;
            do
            {
                var page = await Json(await op.GetAsync($"/api/v1/regulatory-issues?q={Uri.EscapeDataString(marker)}&limit=4&sort={sort}" + (cursor is null ? "" : $"&cursor={cursor}")));
                seen.AddRange(page["items"]!.AsArray().Select(i => i!["id"]!.GetValue<long>()));
                cursor = page["nextCursor"]?.GetValue<string>();
            } while (cursor is not null);
            Assert.Equal(expected.Order(), seen.Order());
            Assert.Equal(seen.Count, seen.Distinct().Count());
        }
    }

    [ApiFact]
    public async Task CsvExport_IsUtf8WithBom_HasTheImportColumns_KeepsKorean_NeutralisesFormulas_AndFilters()
    {
        var op = await factory.Party("gbsa");
        var marker = $"내보내기{Guid.NewGuid():N}"[..14];
        var externalRef = $"ref-{Guid.NewGuid():N}";
        var (plain, _) = await factory.Raise(op, IssuesFactory.NewIssue($"{marker} 바이오 인력 규제", "workforce", ["gwanggyo"], externalRef: externalRef));
        await factory.Raise(op, IssuesFactory.NewIssue($"=HYPERLINK(\"http://x\") {marker}", "tax_finance", ["gwanggyo"]));
        var response = await op.GetAsync($"/api/v1/regulatory-issues/export.csv?q={Uri.EscapeDataString(marker)}");
        Assert.Equal("text/csv", response.Content.Headers.ContentType?.MediaType);
        var today = factory.Clock.GetUtcNow().ToOffset(TimeSpan.FromHours(9)).ToString("yyyy-MM-dd");
        Assert.Equal($"regulatory-issues-{today}.csv", response.Content.Headers.ContentDisposition?.FileName?.Trim('"'));
        Assert.Equal($"규제개선과제_{today}.csv", response.Content.Headers.ContentDisposition?.FileNameStar);
        var rows = SheetFiles.ReadCsv(await response.Content.ReadAsByteArrayAsync());
        Assert.Equal(3, rows.Count);
        Assert.Equal(Columns.RegulatoryIssues.Select(c => c.Korean), rows[0]);
        var cell = (string[] row, string column) => row[Columns.RegulatoryIssues.ToList().FindIndex(c => c.Name == column)];
        var first = rows.Single(r => cell(r, "id") == plain.ToString());
        Assert.Equal($"{marker} 바이오 인력 규제", cell(first, "titleKo"));
        Assert.Equal(externalRef, cell(first, "externalRef"));
        Assert.Equal("인력", cell(first, "category"));
        Assert.Equal("gbsa", cell(first, "raisedByCode"));
        Assert.Equal("경기도경제과학진흥원", cell(first, "raisedByName"));
        Assert.Equal("gwanggyo", cell(first, "clusterCodes"));
        Assert.Equal("경기 바이오 클러스터(광교테크노밸리)", cell(first, "clusterNames"));
        Assert.Equal("임상;IRB", cell(first, "tags"));
        Assert.Equal("접수", cell(first, "status"));
        Assert.Equal("보통", cell(first, "priority"));
        Assert.Equal("아니요", cell(first, "overdue"));
        // Moments in Korean time, to the minute, as an official files them.
        Assert.Equal(factory.Clock.GetUtcNow().ToOffset(TimeSpan.FromHours(9)).ToString("yyyy-MM-dd HH:mm"), cell(first, "createdAt"));
        Assert.Contains(rows, r => cell(r, "titleKo") == $"'=HYPERLINK(\"http://x\") {marker}");
        var onlyWorkforce = SheetFiles.ReadCsv(await op.GetByteArrayAsync($"/api/v1/regulatory-issues/export.csv?q={Uri.EscapeDataString(marker)}&category=workforce"));
        Assert.Equal(2, onlyWorkforce.Count);
        Assert.Equal(plain.ToString(), cell(onlyWorkforce[1], "id"));
    }

    [ApiFact]
    public async Task XlsxExport_IsAWorkbookWithKoreanHeaders_NeutralisesFormulas_AndFilters()
    {
        var op = await factory.Party("gbsa");
        var marker = $"엑셀{Guid.NewGuid():N}"[..12];
        await factory.Raise(op, IssuesFactory.NewIssue($"{marker} 바이오 인력 규제", "workforce", ["gwanggyo"]));
        await factory.Raise(op, IssuesFactory.NewIssue($"+1 {marker}", "tax_finance", ["gwanggyo"]));
        var response = await op.GetAsync($"/api/v1/regulatory-issues/export.xlsx?q={Uri.EscapeDataString(marker)}");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", response.Content.Headers.ContentType?.MediaType);
        var rows = SheetFiles.ReadXlsx(await response.Content.ReadAsByteArrayAsync());
        Assert.Equal(Columns.RegulatoryIssues.Select(c => (string?)c.Korean), rows[0]);
        var title = Columns.RegulatoryIssues.ToList().FindIndex(c => c.Name == "titleKo");
        Assert.Equal(new[] { $"{marker} 바이오 인력 규제", $"'+1 {marker}" }.Order(StringComparer.Ordinal), rows.Skip(1).Select(r => r[title]!).Order(StringComparer.Ordinal));
        var onlyTax = SheetFiles.ReadXlsx(await op.GetByteArrayAsync($"/api/v1/regulatory-issues/export.xlsx?q={Uri.EscapeDataString(marker)}&category=tax_finance"));
        Assert.Equal($"'+1 {marker}", Assert.Single(onlyTax.Skip(1))[title]);
    }

    [ApiFact]
    public async Task Exports_BadFilter_Returns400Problem()
    {
        var op = await factory.Party("gbsa");
        foreach (var format in new[] { "csv", "xlsx" })
        {
            var response = await op.GetAsync($"/api/v1/regulatory-issues/export.{format}?status=nonsense");
            Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
            Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        }
    }

    [ApiFact]
    public async Task Stats_CountTheSeededSetInSql()
    {
        await using var fresh = new IssuesFactory();
        var op = await fresh.Party("kbiohealth");
        var secretariat = await fresh.Party("mohw");
        var mfds = await fresh.Party("mfds");
        var ids = new List<long>();
        for (var i = 0; i < 5; i++) ids.Add((await fresh.Raise(op)).Id);
        foreach (var id in ids.Take(4)) await IssuesFactory.Move(secretariat, id, fresh.MoveTo("under_review"));
        fresh.Clock.Advance(TimeSpan.FromDays(2));
        await IssuesFactory.Move(mfds, ids[0], fresh.MoveTo("accepted"));
        fresh.Clock.Advance(TimeSpan.FromDays(4));
        await IssuesFactory.Move(mfds, ids[1], fresh.MoveTo("partially_accepted"));
        await IssuesFactory.Move(mfds, ids[2], fresh.MoveTo("not_accepted"));
        fresh.Clock.Advance(TimeSpan.FromDays(20)); // ids[3] is now late to answer

        var stats = await Json(await op.GetAsync("/api/v1/regulatory-issues/stats"));
        Assert.Equal(5, stats["total"]!.GetValue<int>());
        Assert.Equal(1, stats["overdue"]!.GetValue<int>());
        var byStatus = stats["byStatus"]!.AsArray().ToDictionary(s => s!["status"]!.GetValue<string>(), s => s!["count"]!.GetValue<int>());
        Assert.Equal(new Dictionary<string, int> { ["submitted"] = 1, ["under_review"] = 1, ["accepted"] = 1, ["partially_accepted"] = 1, ["not_accepted"] = 1 }, byStatus);
        Assert.Equal(2.0 / 3, stats["acceptanceRate"]!.GetValue<double>(), 3);
        Assert.Equal(6.0, stats["medianDaysToAnswer"]!.GetValue<double>(), 3);
        Assert.Equal(6.0, stats["p90DaysToAnswer"]!.GetValue<double>(), 3);
        Assert.Equal("mfds", stats["overdueByMinistry"]![0]!["ministry"]!["code"]!.GetValue<string>());
        Assert.Equal(5, stats["byCluster"]![0]!["count"]!.GetValue<int>());
        Assert.Equal(4, stats["byMinistryAndStatus"]!.AsArray().Sum(m => m!["count"]!.GetValue<int>()));
    }

    [ApiFact]
    public async Task Comments_AnyoneWhoMaySeeCanComment()
    {
        var (id, _) = await factory.Raise(await factory.Party("kbiohealth"));
        var viewer = await factory.Party("khidi");
        var created = await viewer.PostAsync($"/api/v1/regulatory-issues/{id}/comments", Http.Body(new { text = "관련 실태조사 자료를 공유합니다." }));
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var comments = (await Json(await viewer.GetAsync($"/api/v1/regulatory-issues/{id}/comments"))).AsArray();
        Assert.Equal("관련 실태조사 자료를 공유합니다.", comments.Single()!["text"]!.GetValue<string>());
        await (await viewer.PostAsync($"/api/v1/regulatory-issues/{id}/comments", Http.Body(new { text = "" }))).Problem(HttpStatusCode.BadRequest);
        await (await viewer.PostAsync("/api/v1/regulatory-issues/999999/comments", Http.Body(new { text = "없는 과제" }))).Problem(HttpStatusCode.NotFound);
    }

    [ApiFact]
    public async Task Edit_RaiserUntilRouted_SecretariatAlways()
    {
        var op = await factory.Party("kbiohealth");
        var (id, etag) = await factory.Raise(op);
        var body = new { titleKo = "수정된 제목의 규제 과제", problemKo = "현행 규정의 문제를 더 구체적으로 적습니다.", proposalKo = "개선안도 구체적으로 적습니다.",
            category = "licensing_approval", clusterCodes = new[] { "osong", "daegu-gyeongbuk" }, priority = "high" };
        var before = await Json(await op.GetAsync("/api/v1/regulatory-issues/stats"));
        var edited = await Json(await op.Send(HttpMethod.Put, $"/api/v1/regulatory-issues/{id}", Http.Body(body), etag));
        Assert.Equal(2, edited["clusters"]!.AsArray().Count);
        var after = await Json(await op.GetAsync("/api/v1/regulatory-issues/stats"));
        int CountOf(JsonNode stats, string cluster) =>
            stats["byCluster"]!.AsArray().Where(c => c!["cluster"]!["code"]!.GetValue<string>() == cluster).Sum(c => c!["count"]!.GetValue<int>());
        Assert.Equal(CountOf(before, "daegu-gyeongbuk") + 1, CountOf(after, "daegu-gyeongbuk"));
        Assert.Equal(CountOf(before, "osong"), CountOf(after, "osong"));
        await IssuesFactory.Move(await factory.Party("mohw"), id, factory.MoveTo("under_review"));
        await (await op.Send(HttpMethod.Put, $"/api/v1/regulatory-issues/{id}", Http.Body(body), await IssuesFactory.ETagOf(op, id))).Problem(HttpStatusCode.Forbidden);
        var secretariat = await factory.Party("mohw");
        Assert.Equal(HttpStatusCode.OK, (await secretariat.Send(HttpMethod.Put, $"/api/v1/regulatory-issues/{id}", Http.Body(body), await IssuesFactory.ETagOf(op, id))).StatusCode);
    }

    [ApiFact]
    public async Task Raise_ValidatesAndKeepsOperatorsToTheirOwnAgency()
    {
        var op = await factory.Party("kbiohealth");
        var problem = await (await op.PostAsync("/api/v1/regulatory-issues", Http.Body(new { titleKo = "", problemKo = "짧음", proposalKo = "짧음", category = "other", clusterCodes = Array.Empty<string>() })))
            .Problem(HttpStatusCode.BadRequest);
        foreach (var key in new[] { "titleKo", "problemKo", "proposalKo", "clusterCodes" }) Assert.Contains(key, problem.Errors().Keys);
        var unknown = await (await op.PostAsync("/api/v1/regulatory-issues", Http.Body(IssuesFactory.NewIssue(clusters: ["atlantis"])))).Problem(HttpStatusCode.BadRequest);
        Assert.Contains("clusterCodes", unknown.Errors().Keys);
        var forOthers = await (await op.PostAsync("/api/v1/regulatory-issues", Http.Raw("""
            {"titleKo":"남의 과제","problemKo":"다른 기관 명의로 제기하려는 문제","proposalKo":"다른 기관 명의의 개선안","category":"other","clusterCodes":["osong"],"raisedByCode":"ifez"}
            """))).Problem(HttpStatusCode.BadRequest);
        Assert.Contains("raisedByCode", forOthers.Errors().Keys);
        var extRef = $"EXT-{Guid.NewGuid():N}"[..20];
        await factory.Raise(op, IssuesFactory.NewIssue(externalRef: extRef));
        await (await op.PostAsync("/api/v1/regulatory-issues", Http.Body(IssuesFactory.NewIssue(externalRef: extRef)))).Problem(HttpStatusCode.Conflict);
        await (await op.GetAsync("/api/v1/regulatory-issues/987654")).Problem(HttpStatusCode.NotFound);
    }
}

public sealed class RegulatoryIssuesApiTests(IssuesFactory factory) : RegulatoryIssuesApiSuite(factory), IClassFixture<IssuesFactory>;

[SqlServerSuite]
public sealed class RegulatoryIssuesApiSqlServerTests(SqlServerIssuesFactory factory) : RegulatoryIssuesApiSuite(factory), IClassFixture<SqlServerIssuesFactory>;
