using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using BioCluster.Api.Features.ClusterProfile;
using BioCluster.Api.Tests.Data;
using BioCluster.Api.Tests.Features.RegulatoryIssues;
using BioCluster.Api.Tests.Infrastructure;
using BioCluster.Contracts.ClusterProfile;
using BioCluster.Contracts.Common;

namespace BioCluster.Api.Tests.Features.ClusterProfile;

/// <summary>
/// The cluster profile through HTTP (issue 20, ADR 0026): the timeline merges every source newest first, pages without
/// repeats, and shows each caller only what it may read; the comparison gives one figure of every cluster in one answer.
/// Every call goes with an API key (the secretariat's for set-up): the timeline test moves the clock by hours, which would
/// end a signed-in session.
/// </summary>
public sealed class ClusterProfileApiTests(IssuesFactory host) : IClassFixture<IssuesFactory>
{
    private static async Task<JsonElement> Ok(HttpResponseMessage response, HttpStatusCode status = HttpStatusCode.OK)
    {
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == status, $"{(int)response.StatusCode}: {text}");
        return JsonDocument.Parse(text).RootElement.Clone();
    }

    /// <summary>A new cluster operated by IFEZ (the Songdo operator), so KBIOHealth (Osong) is another cluster's operator.</summary>
    private async Task<(long Id, string Code)> NewCluster()
    {
        var code = Http.Unique("tl").ToLowerInvariant();
        var created = await Ok(await (await host.Party("mohw")).PostAsync("/api/v1/clusters", Http.Body(new
        {
            code, nameKo = "타임라인 시험 클러스터", region = "incheon", operatorCode = "ifez", latitude = 37.39, longitude = 126.64,
        })), HttpStatusCode.Created);
        return (created.GetProperty("id").GetInt64(), code);
    }

    private static async Task<List<TimelineEntryDto>> Walk(HttpClient client, long clusterId, int limit)
    {
        var all = new List<TimelineEntryDto>();
        string? cursor = null;
        var pages = 0;
        do
        {
            var page = await (await client.GetAsync($"/api/v1/clusters/{clusterId}/timeline?limit={limit}{(cursor is null ? "" : "&cursor=" + cursor)}"))
                .Read<Page<TimelineEntryDto>>();
            Assert.True(page.Items.Count <= limit);
            all.AddRange(page.Items);
            cursor = page.NextCursor;
            Assert.True(++pages < 100, "the cursor never ends");
        } while (cursor is not null);
        return all;
    }

    [Fact]
    public async Task Timeline_MergesEverySource_NewestFirst_PagesWithoutRepeats_AndHidesOtherClustersInternalItems()
    {
        var (clusterId, code) = await NewCluster();
        var secretariat = await host.Party("mohw");
        var ifez = await host.Party("ifez");
        var mfds = await host.Party("mfds");
        var writeOnly = await host.WithKey("kbiohealth", "write"); // made before the clock moves (the admin's session makes it)

        // An issue raised by the operator, then a recommendation, an hour apart.
        var (issue, _) = await host.Raise(ifez, IssuesFactory.NewIssue("송도 임상 인프라 공동 활용", clusters: [code]));
        host.Clock.Advance(TimeSpan.FromHours(1));
        var recommendation = (await Ok(await ifez.PostAsync("/api/v1/policy-recommendations", Http.Body(new
        {
            themeKo = "바이오 공정 인력 양성 지원", text = "클러스터 입주 기업의 바이오 공정 인력 부족을 해소하도록 양성 과정을 지원해 주십시오.",
            leadMinistryCode = "mfds", clusterCodes = new[] { code },
        })), HttpStatusCode.Created)).GetProperty("id").GetInt64();
        host.Clock.Advance(TimeSpan.FromHours(1));

        // A meeting with a public and an internal item naming the cluster; the public one decided, with a follow-up.
        var meeting = await secretariat.PostAsync("/api/v1/meetings", Http.Body(new
        {
            bodyCode = "council", titleKo = "타임라인 시험 회의", kind = "in_person", venue = "정부세종청사 대회의실", startsAt = "2026-12-10T06:00:00Z",
        }));
        var meetingId = (await Ok(meeting, HttpStatusCode.Created)).GetProperty("id").GetInt64();
        var etag = meeting.ETag();
        async Task<JsonElement> Change(HttpMethod method, string path, object body)
        {
            var response = await secretariat.Send(method, path, Http.Body(body), etag);
            var read = await Ok(response);
            etag = response.ETag();
            return read;
        }
        await Change(HttpMethod.Post, $"/api/v1/meetings/{meetingId}/agenda",
            new { titleKo = "송도 인력 양성 공개 보고", kind = "report", links = new[] { new { kind = "cluster", id = clusterId } } });
        var planned = await Change(HttpMethod.Post, $"/api/v1/meetings/{meetingId}/agenda",
            new { titleKo = "송도 입주 기업 내부 검토", kind = "discussion", visibility = "internal", links = new[] { new { kind = "cluster", id = clusterId } } });
        var publicItem = planned.GetProperty("agenda")[0].GetProperty("id").GetInt64();
        var internalItem = planned.GetProperty("agenda")[1].GetProperty("id").GetInt64();
        await Change(HttpMethod.Post, $"/api/v1/meetings/{meetingId}/transitions", new { to = "convened" });
        var seats = (await secretariat.GetFromJsonAsync<JsonElement>("/api/v1/council/seats")).EnumerateArray()
            .Where(s => s.GetProperty("voting").GetBoolean()).Select(s => new { seatId = s.GetProperty("id").GetInt64(), status = "present" }).ToList();
        await Change(HttpMethod.Put, $"/api/v1/meetings/{meetingId}/attendance", new { lines = seats });
        var decided = await Change(HttpMethod.Put, $"/api/v1/meetings/{meetingId}/agenda/{publicItem}/decision", new
        {
            outcome = "approved", text = "인력 양성 과정 지원 방안 마련",
            followUps = new[] { new { title = "바이오 공정 인력 양성 과정 설계", ownerAgencyCode = "ifez", dueOn = "2026-12-31" } },
        });
        var followUp = decided.GetProperty("followUps").EnumerateArray().Single().GetProperty("id").GetInt64();
        host.Clock.Advance(TimeSpan.FromHours(1));

        // The ministry answers both; a site project with two dated stages and one without a date.
        Assert.Equal(HttpStatusCode.OK, (await IssuesFactory.Move(secretariat, issue, host.MoveTo("under_review"))).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await IssuesFactory.Move(mfds, issue, host.MoveTo("accepted"))).StatusCode);
        async Task<HttpResponseMessage> MoveRecommendation(HttpClient client, object body)
        {
            var tag = (await client.GetAsync($"/api/v1/policy-recommendations/{recommendation}")).ETag();
            return await client.Send(HttpMethod.Post, $"/api/v1/policy-recommendations/{recommendation}/transitions", Http.Body(body), tag);
        }
        await Ok(await MoveRecommendation(secretariat, new { to = "routed" }));
        await Ok(await MoveRecommendation(mfds, new
        {
            to = "partially_accepted", answer = "양성 과정은 지원하고 인건비 지원은 별도로 검토합니다.", acceptedPart = "양성 과정 지원", plannedCompletionOn = "2027-06-30",
        }));
        var project = (await Ok(await (await host.Party("mohw")).PostAsync("/api/v1/site-projects", Http.Body(new
        {
            clusterCode = code, nameKo = "송도 바이오 공정 실습동", state = "design",
            stages = new object[]
            {
                new { nameKo = "설계", plannedStart = "2026-01-01", actualStart = "2026-02-01" },
                new { nameKo = "착공", plannedStart = "2027-03-01" },
                new { nameKo = "준공" },
            },
        })), HttpStatusCode.Created)).GetProperty("id").GetInt64();

        // The secretariat sees every source, newest first.
        var all = await Walk(secretariat, clusterId, 200);
        Assert.Equal(
            new[]
            {
                TimelineKind.SiteProjectStage, TimelineKind.AgendaItem, TimelineKind.AgendaItem, TimelineKind.IssueAnswered, TimelineKind.RecommendationAnswered,
                TimelineKind.SiteProject, TimelineKind.Decision, TimelineKind.FollowUp, TimelineKind.RecommendationRaised, TimelineKind.IssueRaised,
                TimelineKind.SiteProjectStage,
            },
            all.Select(e => e.Kind));
        Assert.Equal(new DateOnly(2027, 3, 1), all[0].On);
        Assert.Null(all[0].At);
        Assert.Equal((TimelineTargetKind.SiteProject, project, 2L), (all[0].TargetKind, all[0].TargetId, all[0].AnchorId!.Value));
        Assert.Equal("planned", all[0].State);
        Assert.Equal("in_progress", all[^1].State);
        Assert.Equal(new DateOnly(2026, 2, 1), all[^1].On);
        var items = all.Where(e => e.Kind == TimelineKind.AgendaItem).ToList();
        Assert.Equal(new[] { internalItem, publicItem }.Order(), items.Select(e => e.Id).Order());
        Assert.All(items, e => Assert.Equal((TimelineTargetKind.Meeting, meetingId, new DateOnly(2026, 12, 10)), (e.TargetKind, e.TargetId, e.On)));
        var decision = all.Single(e => e.Kind == TimelineKind.Decision);
        Assert.Equal((publicItem, "approved", meetingId, publicItem), (decision.Id, decision.State, decision.TargetId, decision.AnchorId!.Value));
        Assert.Equal((followUp, "open"), (all.Single(e => e.Kind == TimelineKind.FollowUp).Id, all.Single(e => e.Kind == TimelineKind.FollowUp).State));
        Assert.Equal((issue, "accepted", TimelineTargetKind.RegulatoryIssue), (all[3].Id, all[3].State, all[3].TargetKind));
        Assert.Equal((recommendation, "partially_accepted", TimelineTargetKind.PolicyRecommendation), (all[4].Id, all[4].State, all[4].TargetKind));
        Assert.Equal("송도 임상 인프라 공동 활용", all[^2].TitleKo);
        Assert.Equal(host.Today, all[^2].On); // the raise's day in Korea
        for (var i = 1; i < all.Count; i++)
            Assert.True(Moment(all[i - 1]) >= Moment(all[i]), $"entry {i} is newer than entry {i - 1}");

        // Pages of 2 and of 3 walk the same entries in the same order; the total counts them all.
        Assert.Equal(all, await Walk(secretariat, clusterId, 2));
        Assert.Equal(all, await Walk(secretariat, clusterId, 3));
        var first = await (await secretariat.GetAsync($"/api/v1/clusters/{clusterId}/timeline?limit=2")).Read<Page<TimelineEntryDto>>();
        Assert.Equal(11, first.TotalCount);

        // Kinds narrow it.
        var onlyIssues = await (await secretariat.GetAsync($"/api/v1/clusters/{clusterId}/timeline?kinds=issue_raised&kinds=issue_answered"))
            .Read<Page<TimelineEntryDto>>();
        Assert.Equal([TimelineKind.IssueAnswered, TimelineKind.IssueRaised], onlyIssues.Items.Select(e => e.Kind));

        // The cluster's own operator sees its internal item; another cluster's operator, a ministry and a viewer do not.
        var own = await Walk(ifez, clusterId, 200);
        Assert.Contains(own, e => e.Kind == TimelineKind.AgendaItem && e.Id == internalItem);
        foreach (var other in new[] { await host.Party("kbiohealth"), mfds, await host.Party("khidi") })
        {
            var seen = await Walk(other, clusterId, 200);
            Assert.DoesNotContain(seen, e => e.Id == internalItem && e.Kind == TimelineKind.AgendaItem);
            Assert.Contains(seen, e => e.Id == publicItem && e.Kind == TimelineKind.AgendaItem);
            Assert.Equal(10, seen.Count);
        }

        // A key that may not read the registry may not read a timeline.
        Assert.Equal(HttpStatusCode.Forbidden, (await writeOnly.GetAsync($"/api/v1/clusters/{clusterId}/timeline")).StatusCode);
    }

    [Fact]
    public async Task ACollaborationProject_WithTheClusterAsAPartner_IsOnItsTimeline_AndOpensTheProject()
    {
        var (clusterId, code) = await NewCluster();
        var secretariat = await host.Party("mohw");
        var project = await Ok(await secretariat.PostAsync("/api/v1/collaboration-projects", Http.Body(new
        {
            titleKo = "타임라인 협력 사업", summary = "두 클러스터가 공동으로 실증 시설을 운영한다.",
            partners = new object[] { new { clusterCode = code, role = "lead" }, new { clusterCode = "songdo", role = "partner" } },
        })), HttpStatusCode.Created);
        var page = await (await secretariat.GetAsync($"/api/v1/clusters/{clusterId}/timeline?kinds=collaboration_project")).Read<Page<TimelineEntryDto>>();
        var entry = Assert.Single(page.Items);
        Assert.Equal((TimelineKind.CollaborationProject, "타임라인 협력 사업", TimelineTargetKind.CollaborationProject, "planned"),
            (entry.Kind, entry.TitleKo, entry.TargetKind, entry.State));
        Assert.Equal(project.GetProperty("id").GetInt64(), entry.TargetId);
        // Another cluster that is not a partner does not see it.
        var (otherId, _) = await NewCluster();
        Assert.Empty((await (await secretariat.GetAsync($"/api/v1/clusters/{otherId}/timeline?kinds=collaboration_project")).Read<Page<TimelineEntryDto>>()).Items);
    }

    private static DateTimeOffset Moment(TimelineEntryDto e) => e.At ?? new DateTimeOffset(e.On.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero);

    [Fact]
    public async Task Timeline_OfAnUnknownCluster_Is404_AndBadInputIs400()
    {
        await (await (await host.Party("mohw")).GetAsync("/api/v1/clusters/987654321/timeline")).Problem(HttpStatusCode.NotFound);
        var (id, _) = await NewCluster();
        var empty = await (await (await host.Party("mohw")).GetAsync($"/api/v1/clusters/{id}/timeline")).Read<Page<TimelineEntryDto>>();
        Assert.Equal((0, (string?)null), (empty.TotalCount, empty.NextCursor));
        foreach (var (query, field) in new[]
                 {
                     ("limit=0", "limit"), ("limit=201", "limit"), ("cursor=not-a-cursor", "cursor"), ("kinds=meetingz", "kinds"),
                     ("cursor=" + new TimelineCursor("1", 1, 1).Encode(), "cursor"), ("cursor=" + new TimelineCursor("2026-01-01", 99, 1).Encode(), "cursor"),
                 })
        {
            var problem = await (await (await host.Party("mohw")).GetAsync($"/api/v1/clusters/{id}/timeline?{query}")).Problem(HttpStatusCode.BadRequest);
            Assert.Contains(field, problem.Errors().Keys);
        }
        Assert.Equal(HttpStatusCode.Unauthorized, (await host.Anonymous().GetAsync($"/api/v1/clusters/{id}/timeline")).StatusCode);
    }

    [Fact]
    public async Task Comparison_GivesOneFigureOfEveryActiveCluster_WithRegionAndLocation()
    {
        var (id, code) = await NewCluster();
        foreach (var (year, companies) in new[] { (2022, 10), (2023, 14), (2024, 21) })
            Assert.Equal(HttpStatusCode.Created, (await (await host.Party("mohw")).PutAsync($"/api/v1/clusters/{id}/indicators/{year}",
                Http.Body(new { companies, employees = companies * 30 }))).StatusCode);
        var comparison = await (await (await host.Party("mohw")).GetAsync("/api/v1/cluster-indicators/comparison?indicator=companies"))
            .Read<IndicatorComparisonDto>();
        Assert.Equal((IndicatorKind.Companies, IndicatorUnit.Companies), (comparison.Indicator, comparison.Unit));
        Assert.Contains(comparison.Series, s => s.Cluster.Code == "osong");
        var mine = comparison.Series.Single(s => s.Cluster.Code == code);
        Assert.Equal(BioCluster.Contracts.Registry.Region.Incheon, mine.Region);
        Assert.Equal((37.39, 126.64), (mine.Latitude!.Value, mine.Longitude!.Value));
        Assert.Equal([(2022, 10d), (2023, 14d), (2024, 21d)], mine.Values.Select(v => (v.Year, v.Value!.Value)));
        Assert.Contains(2024, comparison.Years);
        Assert.Equal(comparison.Series.Select(s => s.Cluster.Code).Order(StringComparer.Ordinal), comparison.Series.Select(s => s.Cluster.Code));

        var narrowed = await (await (await host.Party("mohw")).GetAsync($"/api/v1/cluster-indicators/comparison?indicator=employees&yearFrom=2023&clusterCode={code}"))
            .Read<IndicatorComparisonDto>();
        var only = Assert.Single(narrowed.Series);
        Assert.Equal(IndicatorUnit.Persons, narrowed.Unit);
        Assert.Equal([2023, 2024], only.Values.Select(v => v.Year));
        Assert.Equal(630d, only.Values[^1].Value);
    }

    [Theory]
    [InlineData("", "indicator")]
    [InlineData("indicator=", "indicator")]
    [InlineData("indicator=patents", "indicator")]
    [InlineData("indicator=companies;DROP TABLE clusters", "indicator")]
    [InlineData("indicator=companies&yearFrom=1800", "yearFrom")]
    [InlineData("indicator=companies&yearFrom=2024&yearTo=2020", "yearTo")]
    public async Task Comparison_OfAnUnknownIndicatorOrBadYears_Is400(string query, string field)
    {
        var problem = await (await (await host.Party("mohw")).GetAsync($"/api/v1/cluster-indicators/comparison?{query}")).Problem(HttpStatusCode.BadRequest);
        Assert.Contains(field, problem.Errors().Keys);
    }

    [Fact]
    public void EveryTimelineAndComparisonStatement_ParsesAsTSql()
    {
        foreach (var sql in ClusterTimelineStore.SqlServerStatements().Concat(IndicatorComparisonStore.Statements()))
            TSql.AssertParses(sql, "cluster profile");
        Assert.Equal(Enum.GetValues<TimelineKind>(), ClusterTimelineStore.Sources.Select(s => s.Kind));
    }
}
