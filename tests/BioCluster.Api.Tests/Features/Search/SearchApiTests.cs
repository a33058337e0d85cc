using System.Net;
using System.Text;
using System.Text.Json;
using BioCluster.Api.Features.Search;
using BioCluster.Api.Tests.Data;
using BioCluster.Api.Tests.Features.RegulatoryIssues;
using BioCluster.Api.Tests.Infrastructure;
using BioCluster.Contracts.Search;
using Dapper;
using Microsoft.Extensions.DependencyInjection;

namespace BioCluster.Api.Tests.Features.Search;

/// <summary>
/// The search box through HTTP: hits of every kind, 2- and 5-syllable Korean queries, the index following edits, deletions,
/// comments and imports (both before the indexer has caught up and after), what each caller may read, and bad input.
/// Each test searches for words of its own (a unique marker), since the host is shared by the class.
/// </summary>
public sealed class SearchApiTests(IssuesFactory host) : IClassFixture<IssuesFactory>
{
    private static string Marker() => "검" + (char)('가' + Random.Shared.Next(0, 11000)) + (char)('가' + Random.Shared.Next(0, 11000)) + "색";

    private static async Task<SearchResultsDto> Search(HttpClient client, string q, string? extra = null)
    {
        var response = await client.GetAsync($"/api/v1/search?q={Uri.EscapeDataString(q)}{extra}");
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"{(int)response.StatusCode}: {text}");
        return JsonSerializer.Deserialize<SearchResultsDto>(text, Http.Json)!;
    }

    private Task Drain() => host.Services.GetRequiredService<SearchIndexer>().DrainAsync(CancellationToken.None);

    /// <summary>Records waiting to be indexed: queued changes and new records above their kind's mark.</summary>
    private async Task<int> Waiting()
    {
        await using var db = host.OpenDatabase();
        return (await SearchIndexer.WaitingAsync(db, await SearchIndexer.MarksAsync(db, null))).Values.Sum();
    }

    private async Task<(long Id, string ETag)> NewIssue(HttpClient client, string title, string problem)
    {
        var response = await client.PostAsync("/api/v1/regulatory-issues", Http.Body(new
        {
            titleKo = title, problemKo = problem, proposalKo = "공동 심의 결과를 모든 참여 기관이 인정하도록 고시를 개정합니다.", category = "clinical_trials",
            clusterCodes = new[] { "osong" }, lawName = "약사법", priority = "normal", raisedByCode = "kbiohealth",
        }));
        Assert.True(response.StatusCode == HttpStatusCode.Created, await response.Content.ReadAsStringAsync());
        return ((await response.Read<JsonElement>()).GetProperty("id").GetInt64(), response.ETag());
    }

    private static string Joined(SearchHitDto hit) => string.Concat(hit.Snippet.Select(p => p.Text));

    [Fact]
    public async Task TwoAndFiveSyllableKoreanQueries_FindAnIssueByItsLongText_BeforeAndAfterIndexing()
    {
        var marker = Marker(); // 4 syllables, unique to this test
        var (id, _) = await NewIssue(host.Client(), "첨단재생의료 규제 개선", $"세포치료제 {marker}샌드박스 실증특례 적용 범위가 좁아 임상 연구가 지연됩니다.");
        foreach (var phase in new[] { "before the indexer", "after the indexer" })
        {
            var five = await Search(host.Client(), marker + "샌");
            var hit = Assert.Single(five.Items);
            Assert.Equal(SearchKind.RegulatoryIssue, hit.Kind);
            Assert.Equal(id, hit.Id);
            Assert.Equal(id, hit.IssueId);
            Assert.Equal(marker + "샌", Assert.Single(hit.Snippet, p => p.Match).Text);
            Assert.Contains("세포치료제", Joined(hit));

            var two = await Search(host.Client(), marker[1..3], "&kinds=regulatory_issue"); // the two random middle syllables
            Assert.Contains(two.Items, h => h.Id == id);
            Assert.All(two.Items, h => Assert.Contains(marker[1..3], Joined(h)));
            Assert.Equal(SearchKind.RegulatoryIssue, Assert.Single(two.Counts).Kind);
            await Drain();
            Assert.Equal(0, await Waiting());
        }
    }

    [Fact]
    public async Task EveryKind_IsFound_AndHitsComeGroupedByKind_WithTheirLinks()
    {
        var marker = Marker();
        var client = host.Client();
        var cluster = await client.PostAsync("/api/v1/clusters", Http.Body(new
        {
            code = Http.Unique("s").ToLowerInvariant(), nameKo = $"{marker} 바이오 클러스터", region = "chungbuk", operatorCode = "kbiohealth",
        }));
        Assert.Equal(HttpStatusCode.Created, cluster.StatusCode);
        var agency = await client.PostAsync("/api/v1/agencies", Http.Body(new { code = Http.Unique("a"), nameKo = $"{marker} 연구원", kind = "research_institute" }));
        Assert.Equal(HttpStatusCode.Created, agency.StatusCode);
        var (issueId, _) = await NewIssue(client, $"{marker} 과제", "현황: 심의 기간이 길어 지연됩니다.");
        var comment = await client.PostAsync($"/api/v1/regulatory-issues/{issueId}/comments", Http.Body(new { text = $"{marker} 관련 의견입니다." }));
        Assert.Equal(HttpStatusCode.Created, comment.StatusCode);
        var secretariat = await host.Party("mohw");
        var meeting = await secretariat.PostAsync("/api/v1/meetings", Http.Body(new
        {
            bodyCode = "council", titleKo = $"{marker} 실무 회의", kind = "in_person", venue = "정부세종청사 대회의실", startsAt = "2026-12-20T06:00:00Z",
        }));
        Assert.Equal(HttpStatusCode.Created, meeting.StatusCode);
        var meetingId = (await meeting.Read<JsonElement>()).GetProperty("id").GetInt64();
        var added = await secretariat.Send(HttpMethod.Post, $"/api/v1/meetings/{meetingId}/agenda",
            Http.Body(new { titleKo = $"{marker} 안건 보고", kind = "report" }), meeting.ETag());
        Assert.Equal(HttpStatusCode.OK, added.StatusCode);
        await Drain();

        var found = await Search(client, marker);
        Assert.Equal([SearchKind.Cluster, SearchKind.Agency, SearchKind.Meeting, SearchKind.AgendaItem, SearchKind.RegulatoryIssue, SearchKind.IssueComment],
            found.Items.Select(h => h.Kind));
        Assert.NotNull(found.Items[0].Code);
        Assert.Equal(meetingId, found.Items.Single(h => h.Kind == SearchKind.AgendaItem).MeetingId);
        Assert.Equal(issueId, found.Items.Single(h => h.Kind == SearchKind.IssueComment).IssueId);
        Assert.Equal(6, found.TotalCount);
        Assert.All(found.Counts, c => Assert.Equal(1, c.Count));

        // Pages of two walk the same hits in the same order.
        var walked = new List<SearchHitDto>();
        string? cursor = null;
        do
        {
            var page = await Search(client, marker, $"&limit=2{(cursor is null ? "" : "&cursor=" + cursor)}");
            Assert.True(page.Items.Count <= 2);
            walked.AddRange(page.Items);
            cursor = page.NextCursor;
        } while (cursor is not null);
        Assert.Equal(found.Items.Select(h => (h.Kind, h.Id)), walked.Select(h => (h.Kind, h.Id)));
    }

    [Fact]
    public async Task AnEdit_ADeletion_AndAnImport_AreFollowed()
    {
        var client = host.Client();
        var before = Marker();
        var after = Marker();
        var (id, etag) = await NewIssue(client, "데이터 활용 규제 개선", $"{before} 가명정보 결합 절차");
        await Drain();
        Assert.Single((await Search(client, before)).Items);

        var issue = await (await client.GetAsync($"/api/v1/regulatory-issues/{id}")).Read<JsonElement>();
        var edited = await client.Send(HttpMethod.Put, $"/api/v1/regulatory-issues/{id}", Http.Body(new
        {
            titleKo = issue.GetProperty("titleKo").GetString(), problemKo = $"{after} 가명정보 결합 절차", proposalKo = "결합전문기관 지정 요건 완화",
            category = "data_privacy", clusterCodes = new[] { "osong" }, priority = "normal",
        }), etag);
        Assert.Equal(HttpStatusCode.OK, edited.StatusCode);
        // Not yet indexed: the search checks the changed issue itself.
        Assert.Empty((await Search(client, before)).Items);
        Assert.Single((await Search(client, after)).Items);
        await Drain();
        Assert.Empty((await Search(client, before)).Items);
        Assert.Single((await Search(client, after)).Items);

        // An agenda item deleted: gone from search at once and after indexing.
        var secretariat = await host.Party("mohw");
        var gone = Marker();
        var meeting = await secretariat.PostAsync("/api/v1/meetings", Http.Body(new
        {
            bodyCode = "council", titleKo = "삭제 시험 회의", kind = "in_person", venue = "정부세종청사 대회의실", startsAt = "2026-12-21T06:00:00Z",
        }));
        var meetingId = (await meeting.Read<JsonElement>()).GetProperty("id").GetInt64();
        var added = await secretariat.Send(HttpMethod.Post, $"/api/v1/meetings/{meetingId}/agenda", Http.Body(new { titleKo = $"{gone} 안건", kind = "report" }),
            meeting.ETag());
        var itemId = (await added.Read<JsonElement>()).GetProperty("agenda").EnumerateArray().Single().GetProperty("id").GetInt64();
        await Drain();
        Assert.Single((await Search(client, gone)).Items);
        var deleted = await secretariat.Send(HttpMethod.Delete, $"/api/v1/meetings/{meetingId}/agenda/{itemId}", null, added.ETag());
        Assert.Equal(HttpStatusCode.OK, deleted.StatusCode);
        Assert.Empty((await Search(client, gone)).Items);
        await Drain();
        Assert.Empty((await Search(client, gone)).Items);

        // An import: its issues are found at once (pending) and after indexing.
        var imported = Marker();
        var csv = new StringBuilder("외부참조번호,제목,현황및문제점,개선건의사항,분야,관련법령,관련조항,건의기관코드,관련클러스터코드,담당자,담당부서,우선순위,출처회의,태그\r\n");
        var run = Guid.NewGuid().ToString("N")[..12];
        for (var i = 1; i <= 3; i++)
            csv.Append($"SRCH-{run}-{i},{imported} 수입 과제 {i},의료기기 {imported} 인증 기간이 깁니다.,인증 절차를 줄입니다.,standards_certification,의료기기법,제{i}조,kbiohealth,osong,,,normal,,\r\n");
        var import = await client.PostAsync("/api/v1/imports/regulatory_issues?fileName=search.csv", new StringContent(csv.ToString(), Encoding.UTF8, "text/csv"));
        Assert.True(import.StatusCode == HttpStatusCode.OK, await import.Content.ReadAsStringAsync());
        Assert.Equal(3, (await Search(client, imported)).Counts.Single(c => c.Kind == SearchKind.RegulatoryIssue).Count);
        await Drain();
        var indexed = await Search(client, imported);
        Assert.Equal(3, indexed.Counts.Single(c => c.Kind == SearchKind.RegulatoryIssue).Count);
        Assert.Equal(3, (await Search(client, imported[1..3], "&kinds=regulatory_issue")).Items.Count(h => Joined(h).Contains(imported[1..3])));
    }

    [Fact]
    public async Task InternalAgendaItems_OnlyForThoseWhoMayReadThem_AndKeysWithoutIssueReading_SeeNoIssues()
    {
        var marker = Marker();
        var secretariat = await host.Party("mohw");
        var meeting = await secretariat.PostAsync("/api/v1/meetings", Http.Body(new
        {
            bodyCode = "council", titleKo = "접근 시험 회의", kind = "in_person", venue = "정부세종청사 대회의실", startsAt = "2026-12-22T06:00:00Z",
        }));
        var meetingId = (await meeting.Read<JsonElement>()).GetProperty("id").GetInt64();
        var added = await secretariat.Send(HttpMethod.Post, $"/api/v1/meetings/{meetingId}/agenda",
            Http.Body(new { titleKo = $"{marker} 비공개 인사 검토", kind = "discussion", visibility = "internal" }), meeting.ETag());
        Assert.Equal(HttpStatusCode.OK, added.StatusCode);
        await NewIssue(host.Client(), $"{marker} 공개 과제", "현황: 심의 기간이 길어 지연됩니다.");

        foreach (var indexed in new[] { false, true })
        {
            if (indexed) await Drain();
            var bySecretariat = await Search(secretariat, marker);
            Assert.Contains(bySecretariat.Items, h => h.Kind == SearchKind.AgendaItem);
            var ministry = await host.AsRole("ministry_reviewer", "mfds");
            var byMinistry = await Search(ministry, marker);
            Assert.DoesNotContain(byMinistry.Items, h => h.Kind == SearchKind.AgendaItem);
            Assert.Equal(0, byMinistry.Counts.Single(c => c.Kind == SearchKind.AgendaItem).Count);
            Assert.Single(byMinistry.Items, h => h.Kind == SearchKind.RegulatoryIssue);
            var viewer = await host.AsRole("viewer");
            Assert.DoesNotContain((await Search(viewer, marker)).Items, h => h.Kind == SearchKind.AgendaItem);
        }

        // A key that may read the registry but not issues or the council (write scope only reads nothing: 403).
        var writeOnly = await host.WithKey("kbiohealth", "write");
        Assert.Equal(HttpStatusCode.Forbidden, (await writeOnly.GetAsync($"/api/v1/search?q={marker}")).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await host.Anonymous().GetAsync($"/api/v1/search?q={marker}")).StatusCode);
    }

    [Theory]
    [InlineData("", "q")]
    [InlineData("   ", "q")]
    [InlineData("가", "q")]
    [InlineData("가-", "q")]
    [InlineData("a\u0001b", "q")]
    [InlineData("규제&kinds=meetingz", "kinds")]
    [InlineData("규제&limit=0", "limit")]
    [InlineData("규제&limit=201", "limit")]
    [InlineData("규제&cursor=not-a-cursor", "cursor")]
    public async Task BadInput_Is400_WithTheField(string query, string field)
    {
        var q = query.Split('&', 2);
        var path = $"/api/v1/search?q={Uri.EscapeDataString(q[0])}{(q.Length > 1 ? "&" + q[1] : "")}";
        var problem = await (await host.Client().GetAsync(path)).Problem(HttpStatusCode.BadRequest);
        Assert.Contains(field, problem.Errors().Keys);
    }

    [Fact]
    public async Task ATooLongOrMissingQuery_Is400()
    {
        var problem = await (await host.Client().GetAsync($"/api/v1/search?q={new string('규', 101)}")).Problem(HttpStatusCode.BadRequest);
        Assert.Contains("q", problem.Errors().Keys);
        Assert.Contains("q", (await (await host.Client().GetAsync("/api/v1/search")).Problem(HttpStatusCode.BadRequest)).Errors().Keys);
    }

    [Fact]
    public void EverySqlServerSearchStatement_ParsesAsTSql()
    {
        var statements = SearchStore.SqlServerStatements().ToList();
        Assert.Equal(6, statements.Count);
        foreach (var sql in statements) TSql.AssertParses(sql, "search");
        foreach (var kind in SearchDocuments.Kinds) TSql.AssertParses(kind.Sql, $"search documents: {kind.Kind}");
    }

    [Fact]
    public void Bigrams_AreTheDistinctLetterPairs_LowerCased()
    {
        Assert.Equal("규제 제를 개선 kc", SearchDocuments.Bigrams(["규제를 개선", "KC 규제"]));
        Assert.Equal("", SearchDocuments.Bigrams(["가 나 다 1 2"]));
    }
}
