using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using BioCluster.Api.Tests.Features.RegulatoryIssues;
using BioCluster.Api.Tests.Infrastructure;
using Dapper;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace BioCluster.Api.Tests.Features.OpenData;

/// <summary>Open data switched on, with a moved clock and one API key per party of the workflows.</summary>
public sealed class OpenDataFactory : SqliteApiFactory, IIssuesHost
{
    public OpenDataFactory() => _parties = new IssueParties(this, Clock);
    private readonly IssueParties _parties;
    public FakeTimeProvider Clock { get; } = new(new DateTimeOffset(2026, 11, 25, 1, 0, 0, TimeSpan.Zero));

    protected override IEnumerable<KeyValuePair<string, string?>> ExtraSettings() => [new("OpenData:Enabled", "true")];

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.ConfigureTestServices(s => s.AddSingleton<TimeProvider>(Clock));
    }

    public Task<HttpClient> Party(string agencyCode) => _parties.Party(agencyCode);
    public Task<(long Id, string ETag)> Raise(HttpClient raiser, object? body = null) => IssuesFactory.RaiseWith(raiser, body);
    public object MoveTo(string to) => IssuesFactory.MoveFields(to, IssuesFactory.TodayOf(Clock));
}

/// <summary>The same on SQL Server (BIOCLUSTER_SQLSERVER_CONNECTION).</summary>
public sealed class SqlServerOpenDataFactory : SqlServerApiFactory, IIssuesHost
{
    public SqlServerOpenDataFactory() => _parties = new IssueParties(this, Clock);
    private readonly IssueParties _parties;
    public FakeTimeProvider Clock { get; } = new(new DateTimeOffset(2026, 11, 25, 1, 0, 0, TimeSpan.Zero));

    protected override IEnumerable<KeyValuePair<string, string?>> ExtraSettings() => [new("OpenData:Enabled", "true")];

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.ConfigureTestServices(s => s.AddSingleton<TimeProvider>(Clock));
    }

    public Task<HttpClient> Party(string agencyCode) => _parties.Party(agencyCode);
    public Task<(long Id, string ETag)> Raise(HttpClient raiser, object? body = null) => IssuesFactory.RaiseWith(raiser, body);
    public object MoveTo(string to) => IssuesFactory.MoveFields(to, IssuesFactory.TodayOf(Clock));
}

/// <summary>
/// The open data through HTTP without signing in (issue 20 item 7, ADR 0027): what is published and what never is, the
/// OParl-like shapes, updatedSince, stable cursor paging, the page ETag, and no personal data anywhere in it.
/// </summary>
public abstract class OpenDataApiSuite<THost>(THost host) where THost : ApiFactory, IIssuesHost
{
    private const string Open = "/api/open/v1";
    private const string Internal = "비공개 인사 안건";
    private const string PresenterPerson = "홍길순 과장";
    private const string Remark = "담당자 연락처 hong.gilsoon@example.go.kr";
    private const string OfficialEmail = "kim.official@mfds.go.kr";

    private sealed record Published(long MeetingId, long PublicItem, long AnsweredRecommendation, long InternalRecommendation, long Unanswered, long Improvement);

    private static readonly SemaphoreSlim Once = new(1, 1);
    private static readonly Dictionary<ApiFactory, Published> Made = new();

    private static async Task<HttpResponseMessage> Ok(HttpResponseMessage r)
    {
        Assert.True(r.IsSuccessStatusCode, $"{r.StatusCode}: {await r.Content.ReadAsStringAsync()}");
        return r;
    }

    /// <summary>Publishes one of each kind (and the things that must stay out), once per host.</summary>
    private async Task<Published> Publish()
    {
        await Once.WaitAsync();
        try
        {
            if (Made.TryGetValue(host, out var made)) return made;
            var s = await host.Party("mohw");
            var op = await host.Party("kbiohealth");
            var mfds = await host.Party("mfds");

            var m = await Ok(await s.PostAsync("/api/v1/meetings", Http.Body(new
            {
                bodyCode = "council", titleKo = "공개 데이터 시험 회의", titleEn = "Open data test meeting", kind = "in_person",
                startsAt = "2026-12-15T05:00:00Z", venue = "보건복지부 대회의실",
            })));
            var id = (await m.Read<JsonElement>()).GetProperty("id").GetInt64();
            var e = m.ETag();
            m = await Ok(await s.Send(HttpMethod.Post, $"/api/v1/meetings/{id}/agenda", Http.Body(new
            {
                titleKo = "바이오 특화단지 지원 방안", titleEn = "Support for specialised bio complexes", kind = "deliberation", presenterName = PresenterPerson,
            }), e));
            e = m.ETag();
            m = await Ok(await s.Send(HttpMethod.Post, $"/api/v1/meetings/{id}/agenda", Http.Body(new
            {
                titleKo = Internal, kind = "deliberation", visibility = "internal",
            }), e));
            e = m.ETag();
            var agenda = (await m.Read<JsonElement>()).GetProperty("agenda").EnumerateArray().ToList();
            var publicItem = agenda.Single(a => a.GetProperty("visibility").GetString() == "public").GetProperty("id").GetInt64();
            var internalItem = agenda.Single(a => a.GetProperty("visibility").GetString() == "internal").GetProperty("id").GetInt64();
            e = (await Ok(await s.Send(HttpMethod.Post, $"/api/v1/meetings/{id}/transitions", Http.Body(new { to = "convened" }), e))).ETag();
            var seats = (await s.GetFromJsonAsync<JsonElement>("/api/v1/council/seats")).EnumerateArray().Where(x => x.GetProperty("voting").GetBoolean())
                .Select(x => new { seatId = x.GetProperty("id").GetInt64(), status = "present" }).ToList();
            e = (await Ok(await s.Send(HttpMethod.Put, $"/api/v1/meetings/{id}/attendance", Http.Body(new { lines = seats }), e))).ETag();
            foreach (var item in new[] { publicItem, internalItem })
                e = (await Ok(await s.Send(HttpMethod.Put, $"/api/v1/meetings/{id}/agenda/{item}/decision", Http.Body(new
                {
                    outcome = "approved_with_conditions", text = item == publicItem ? "관계 부처 협의 후 추진" : "비공개 결정 내용", votesFor = 15, votesAgainst = 2,
                    votesAbstaining = 1,
                }), e))).ETag();
            await Ok(await s.Send(HttpMethod.Post, $"/api/v1/meetings/{id}/transitions", Http.Body(new { to = "held" }), e));
            var minutes = await Ok(await s.PutAsync($"/api/v1/meetings/{id}/minutes", Http.Body(new
            {
                summary = "특화단지 지원 방안을 논의함.", remarks = new Dictionary<string, string> { [publicItem.ToString()] = Remark },
            })));
            var me = minutes.ETag();
            foreach (var move in new object[] { new { to = "circulated" }, new { to = "approved", approvedBy = "chair" }, new { to = "published" } })
                me = (await Ok(await s.Send(HttpMethod.Post, $"/api/v1/meetings/{id}/minutes/transitions", Http.Body(move), me))).ETag();

            async Task<long> Recommendation(object body) =>
                (await (await Ok(await s.PostAsync("/api/v1/policy-recommendations", Http.Body(body)))).Read<JsonElement>()).GetProperty("id").GetInt64();
            async Task Move(HttpClient who, long rec, object body) =>
                await Ok(await who.Send(HttpMethod.Post, $"/api/v1/policy-recommendations/{rec}/transitions", Http.Body(body),
                    (await who.GetAsync($"/api/v1/policy-recommendations/{rec}")).ETag()));
            object NewRec(string theme, long? item) => new
            {
                themeKo = theme, themeEn = "Recognise joint IRB reviews", raisedByCode = "kbiohealth",
                text = "다기관 임상시험에서 공동 IRB 심의 결과를 모든 참여 기관이 인정하도록 제도화해 주십시오.",
                leadMinistryCode = "mfds", otherMinistryCodes = new[] { "mohw" }, clusterCodes = new[] { "osong" }, sourceAgendaItemId = item,
            };
            var answered = await Recommendation(NewRec("공개 답변 제언", publicItem));
            var hidden = await Recommendation(NewRec("비공개 안건의 제언", internalItem));
            var unanswered = await Recommendation(NewRec("답변 전 제언", null));
            foreach (var rec in new[] { answered, hidden })
            {
                await Move(s, rec, new { to = "routed" });
                await Move(mfds, rec, new
                {
                    to = "partially_accepted", answer = "공동 IRB 인정은 고시 개정으로 수용합니다.", acceptedPart = "공동 IRB 심의 결과 인정",
                    plannedCompletionOn = "2027-06-30",
                });
            }

            var (issue, _) = await host.Raise(op, IssuesFactory.NewIssue("공개 데이터 시험 과제"));
            await Ok(await IssuesFactory.Move(s, issue, new
            {
                to = "under_review", leadMinistryCode = "mfds", official = new { name = "김담당", department = "의약품정책과", contact = OfficialEmail },
            }));
            foreach (var to in new[] { "accepted", "in_progress", "completed" })
                await Ok(await IssuesFactory.Move(mfds, issue, host.MoveTo(to)));

            var osong = (await s.GetFromJsonAsync<JsonElement>("/api/v1/clusters/by-code/osong")).GetProperty("id").GetInt64();
            var put = await s.GetAsync($"/api/v1/clusters/{osong}/indicators/2031");
            await Ok(await s.Send(HttpMethod.Put, $"/api/v1/clusters/{osong}/indicators/2031",
                Http.Body(new { companies = 210, employees = 5100, revenueMillionKrw = 1250000.5, note = "내부 메모: 담당 김철수" }),
                put.StatusCode == HttpStatusCode.OK ? put.ETag() : null));

            made = new Published(id, publicItem, answered, hidden, unanswered, issue);
            Made[host] = made;
            return made;
        }
        finally { Once.Release(); }
    }

    /// <summary>Every object of a list, following links.next (as a harvester does).</summary>
    private async Task<(List<JsonElement> Objects, List<string> Pages)> Harvest(string list, string query = "limit=200")
    {
        var client = host.Anonymous();
        var objects = new List<JsonElement>();
        var pages = new List<string>();
        string? next = $"{Open}/{list}?{query}";
        while (next is not null)
        {
            var response = await client.GetAsync(next);
            var text = await response.Content.ReadAsStringAsync();
            Assert.True(response.StatusCode == HttpStatusCode.OK, $"{next}: {response.StatusCode} {text}");
            pages.Add(text);
            var page = JsonDocument.Parse(text).RootElement;
            objects.AddRange(page.GetProperty("data").EnumerateArray().Select(o => o.Clone()));
            var link = page.GetProperty("links").GetProperty("next");
            next = link.ValueKind == JsonValueKind.Null ? null : new Uri(link.GetString()!).PathAndQuery;
            Assert.True(pages.Count < 500, "the paging does not end");
        }
        return (objects, pages);
    }

    private static long IdOf(JsonElement o) => long.Parse(o.GetProperty("id").GetString()!.Split('/')[^1]);

    [ApiFact]
    public async Task TheLists_CarryWhatTheCouncilPublished_InTheOParlLikeShape_AndNothingElse()
    {
        var p = await Publish();
        var anonymous = host.Anonymous();

        var system = await anonymous.GetFromJsonAsync<JsonElement>($"{Open}/");
        Assert.Equal("https://schema.oparl.org/1.1/System", system.GetProperty("type").GetString());
        Assert.EndsWith("/api/open/v1/meetings", system.GetProperty("meetings").GetString());

        var (meetings, _) = await Harvest("meetings");
        var meeting = Assert.Single(meetings, o => IdOf(o) == p.MeetingId);
        Assert.Equal("https://schema.oparl.org/1.1/Meeting", meeting.GetProperty("type").GetString());
        Assert.EndsWith($"/api/open/v1/meetings/{p.MeetingId}", meeting.GetProperty("id").GetString());
        Assert.Equal("Open data test meeting", meeting.GetProperty("nameEn").GetString());
        Assert.Equal("council", meeting.GetProperty("organization").GetProperty("code").GetString());
        Assert.Equal("특화단지 지원 방안을 논의함.", meeting.GetProperty("minutes").GetProperty("summary").GetString());
        var item = Assert.Single(meeting.GetProperty("agendaItem").EnumerateArray());
        Assert.Equal("바이오 특화단지 지원 방안", item.GetProperty("name").GetString());
        Assert.Equal("Support for specialised bio complexes", item.GetProperty("nameEn").GetString());
        Assert.Equal("approved_with_conditions", item.GetProperty("result").GetString());
        Assert.Equal("1", item.GetProperty("number").GetString());
        // The id is a URL that answers with the same object.
        var one = await anonymous.GetFromJsonAsync<JsonElement>(new Uri(meeting.GetProperty("id").GetString()!).PathAndQuery);
        Assert.Equal(meeting.GetProperty("modified").GetDateTimeOffset(), one.GetProperty("modified").GetDateTimeOffset());

        var (recommendations, _) = await Harvest("recommendations");
        var rec = Assert.Single(recommendations, o => IdOf(o) == p.AnsweredRecommendation);
        Assert.Equal("https://schema.oparl.org/1.1/Paper", rec.GetProperty("type").GetString());
        Assert.Equal("policy_recommendation", rec.GetProperty("paperType").GetString());
        // (The updatedSince test may have moved it on to in_progress already: both are answers.)
        Assert.Contains(rec.GetProperty("answer").GetProperty("kind").GetString(), new[] { "partially_accepted", "in_progress" });
        Assert.Equal("공동 IRB 심의 결과 인정", rec.GetProperty("answer").GetProperty("acceptedPart").GetString());
        Assert.Equal("kbiohealth", rec.GetProperty("originator").GetProperty("code").GetString());
        Assert.Equal(["mfds", "mohw"], rec.GetProperty("addressedTo").EnumerateArray().Select(a => a.GetProperty("code").GetString()!).ToArray());
        Assert.Equal("osong", Assert.Single(rec.GetProperty("cluster").EnumerateArray()).GetProperty("code").GetString());
        Assert.EndsWith($"/meetings/{p.MeetingId}", rec.GetProperty("meeting").GetString());
        // Raised at an internal item, or not yet answered: not published, not even by id.
        Assert.DoesNotContain(recommendations, o => IdOf(o) == p.InternalRecommendation || IdOf(o) == p.Unanswered);
        await (await anonymous.GetAsync($"{Open}/recommendations/{p.InternalRecommendation}")).Problem(HttpStatusCode.NotFound);
        await (await anonymous.GetAsync($"{Open}/recommendations/{p.Unanswered}")).Problem(HttpStatusCode.NotFound);

        var (improvements, _) = await Harvest("improvements");
        var improvement = Assert.Single(improvements, o => IdOf(o) == p.Improvement);
        Assert.Equal("regulatory_improvement", improvement.GetProperty("paperType").GetString());
        Assert.Equal("공개 데이터 시험 과제", improvement.GetProperty("name").GetString());
        Assert.Equal("mfds", improvement.GetProperty("leadMinistry").GetProperty("code").GetString());
        Assert.Equal("식약처 고시 제2026-00호 개정", improvement.GetProperty("evidence").GetString());
        Assert.False(improvement.TryGetProperty("official", out _));

        var (figures, _) = await Harvest("cluster-figures");
        var osong2031 = Assert.Single(figures, o => o.GetProperty("cluster").GetProperty("code").GetString() == "osong" && o.GetProperty("year").GetInt32() == 2031);
        Assert.Equal(210, osong2031.GetProperty("companies").GetInt64());
        Assert.Equal(1250000.5, osong2031.GetProperty("revenueMillionKrw").GetDouble());
        Assert.False(osong2031.TryGetProperty("note", out _));
        Assert.Equal(HttpStatusCode.OK, (await anonymous.GetAsync(new Uri(osong2031.GetProperty("id").GetString()!).PathAndQuery)).StatusCode);

        // Any other meeting (no published minutes) is a 404, like an unknown one.
        await (await anonymous.GetAsync($"{Open}/meetings/99999999")).Problem(HttpStatusCode.NotFound);
    }

    [ApiFact]
    public async Task NoPersonalData_NoInternalAgendaItem_NorRemark_AppearsAnywhereInTheOpenData()
    {
        await Publish();
        var text = new StringBuilder();
        foreach (var list in new[] { "meetings", "recommendations", "improvements", "cluster-figures" })
            foreach (var page in (await Harvest(list, "limit=7")).Pages)
                text.Append(page).Append('\n');
        text.Append(await host.Anonymous().GetStringAsync($"{Open}/"));
        var all = Regex.Unescape(text.ToString());

        Assert.DoesNotMatch(new Regex(@"[A-Za-z0-9._%+-]+@[A-Za-z0-9.-]+\.[A-Za-z]{2,}"), all);
        foreach (var never in new[] { Internal, "비공개 결정 내용", PresenterPerson, Remark, OfficialEmail, "김담당", "내부 메모", "비공개 안건의 제언" })
            Assert.DoesNotContain(never, all);

        // The people the database knows: accounts, council members, attendees, presenters, officials, and whoever moved a record.
        await using var db = host.OpenDb();
        var people = (await db.QueryAsync<string>("""
            SELECT username FROM users UNION SELECT display_name FROM users
            UNION SELECT person_name FROM council_memberships UNION SELECT name FROM meeting_attendance
            UNION SELECT substitute_name FROM meeting_attendance WHERE substitute_name IS NOT NULL
            UNION SELECT presenter_name FROM agenda_items WHERE presenter_name IS NOT NULL
            UNION SELECT official_name FROM regulatory_issues WHERE official_name IS NOT NULL
            UNION SELECT official_contact FROM regulatory_issues WHERE official_contact IS NOT NULL
            UNION SELECT actor_name FROM policy_recommendation_transitions
            UNION SELECT actor_name FROM regulatory_issue_transitions
            """)).Where(n => n is { Length: >= 2 }).Distinct().ToList();
        Assert.Contains("admin", people);
        Assert.True(people.Count > 10, $"only {people.Count} people found to look for");
        var found = people.Where(n => all.Contains(n, StringComparison.Ordinal)).ToList();
        Assert.True(found.Count == 0, "personal data in the open data: " + string.Join(", ", found));
    }

    [ApiFact]
    public async Task UpdatedSince_GivesWhatChangedSince_AndTakesAnyOffset_ButNotALocalTime()
    {
        var p = await Publish();
        var anonymous = host.Anonymous();
        host.Clock.Advance(TimeSpan.FromMinutes(10));
        var mark = host.Clock.GetUtcNow();
        host.Clock.Advance(TimeSpan.FromMinutes(1));
        // The ministry reports progress on the published recommendation: it changed after the mark.
        var mfds = await host.Party("mfds");
        await Ok(await mfds.Send(HttpMethod.Post, $"/api/v1/policy-recommendations/{p.AnsweredRecommendation}/transitions",
            Http.Body(new { to = "in_progress", progressPercent = 30, progressNote = "고시 개정안 행정예고" }),
            (await mfds.GetAsync($"/api/v1/policy-recommendations/{p.AnsweredRecommendation}")).ETag()));

        var seoul = mark.ToOffset(TimeSpan.FromHours(9)).ToString("yyyy-MM-dd'T'HH:mm:ss.fffffffzzz");
        foreach (var since in new[] { Uri.EscapeDataString(seoul), seoul, Uri.EscapeDataString(mark.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fffffff'Z'")) })
        {
            var page = await anonymous.GetFromJsonAsync<JsonElement>($"{Open}/recommendations?updatedSince={since}");
            var data = page.GetProperty("data").EnumerateArray().ToList();
            Assert.Equal(p.AnsweredRecommendation, IdOf(Assert.Single(data)));
            Assert.Equal("in_progress", data[0].GetProperty("answer").GetProperty("kind").GetString());
            Assert.True(data[0].GetProperty("modified").GetDateTimeOffset() >= mark);
            Assert.Contains("updatedSince=", page.GetProperty("links").GetProperty("first").GetString());
        }
        Assert.Empty((await anonymous.GetFromJsonAsync<JsonElement>($"{Open}/improvements?updatedSince={Uri.EscapeDataString(seoul)}"))
            .GetProperty("data").EnumerateArray());

        foreach (var bad in new[] { "2026-12-01T09:00:00", "2026-12-01", "yesterday", "2026-13-45T99:00:00Z", new string('9', 300) })
            Assert.Contains("updatedSince", (await (await anonymous.GetAsync($"{Open}/meetings?updatedSince={Uri.EscapeDataString(bad)}"))
                .Problem(HttpStatusCode.BadRequest)).Errors().Keys);
        foreach (var bad in new[] { "0", "201", "abc", "-1" })
            Assert.Contains("limit", (await (await anonymous.GetAsync($"{Open}/meetings?limit={bad}")).Problem(HttpStatusCode.BadRequest)).Errors().Keys);
        foreach (var bad in new[] { "x", "eyJzIjoiYSJ9", Convert.ToBase64String("2026|x"u8.ToArray()) })
            Assert.Contains("cursor", (await (await anonymous.GetAsync($"{Open}/meetings?cursor={Uri.EscapeDataString(bad)}"))
                .Problem(HttpStatusCode.BadRequest)).Errors().Keys);
    }

    [ApiFact]
    public async Task Paging_IsStable_ByModifiedThenId_AndSmallPagesGiveWhatOnePageGives()
    {
        await Publish();
        foreach (var list in new[] { "cluster-figures", "recommendations", "meetings" })
        {
            var (whole, _) = await Harvest(list, "limit=200");
            var (paged, pages) = await Harvest(list, "limit=2");
            Assert.NotEmpty(whole);
            Assert.Equal(whole.Select(IdOf), paged.Select(IdOf));
            Assert.Equal(paged.Count, paged.Select(IdOf).Distinct().Count());
            Assert.Equal((whole.Count + 1) / 2, pages.Count);
            var keys = paged.Select(o => (Modified: o.GetProperty("modified").GetDateTimeOffset(), Id: IdOf(o))).ToList();
            Assert.Equal(keys.OrderBy(k => k.Modified).ThenBy(k => k.Id), keys);
        }
    }

    [ApiFact]
    public async Task AListPage_HasAnETagAndLastModified_AndAnswers304ToItsOwnETag()
    {
        await Publish();
        var anonymous = host.Anonymous();
        var first = await anonymous.GetAsync($"{Open}/cluster-figures?limit=5");
        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        var etag = first.Headers.ETag!.ToString();
        Assert.NotNull(first.Content.Headers.LastModified);
        Assert.Equal("*", first.Headers.GetValues("Access-Control-Allow-Origin").Single());
        var again = new HttpRequestMessage(HttpMethod.Get, $"{Open}/cluster-figures?limit=5");
        again.Headers.TryAddWithoutValidation("If-None-Match", etag);
        Assert.Equal(HttpStatusCode.NotModified, (await anonymous.SendAsync(again)).StatusCode);
        var other = new HttpRequestMessage(HttpMethod.Get, $"{Open}/cluster-figures?limit=6");
        other.Headers.TryAddWithoutValidation("If-None-Match", etag);
        Assert.Equal(HttpStatusCode.OK, (await anonymous.SendAsync(other)).StatusCode);
    }
}

public sealed class OpenDataApiTests(OpenDataFactory host) : OpenDataApiSuite<OpenDataFactory>(host), IClassFixture<OpenDataFactory>;

[SqlServerSuite]
public sealed class OpenDataApiSqlServerTests(SqlServerOpenDataFactory host)
    : OpenDataApiSuite<SqlServerOpenDataFactory>(host), IClassFixture<SqlServerOpenDataFactory>;

/// <summary>The switch and the budget: off by default (404 problem+json everywhere), and 429 with Retry-After past the per-address budget.</summary>
public sealed class OpenDataSwitchTests
{
    private static readonly string[] Paths =
    [
        "/api/open/v1/", "/api/open/v1/meetings", "/api/open/v1/meetings/1", "/api/open/v1/recommendations", "/api/open/v1/recommendations/1",
        "/api/open/v1/improvements", "/api/open/v1/improvements/1", "/api/open/v1/cluster-figures", "/api/open/v1/cluster-figures/1",
    ];

    [Fact]
    public async Task Off_ByDefault_EveryOpenAddressAnswers404ProblemJson_EvenWithBadParameters()
    {
        using var factory = new SqliteApiFactory();
        var anonymous = factory.Anonymous();
        foreach (var path in Paths.Append("/api/open/v1/meetings?limit=abc&updatedSince=x"))
        {
            var response = await anonymous.GetAsync(path);
            Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
            await response.Problem(HttpStatusCode.NotFound);
        }
        // Signed in changes nothing: the switch is the server's.
        await (await factory.Client().GetAsync("/api/open/v1/meetings")).Problem(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task PastTheBudgetPerAddress_Answers429ProblemJson_WithRetryAfter()
    {
        using var factory = new ConfiguredSqliteFactory(("OpenData:Enabled", "true"), ("RateLimits:OpenDataPerAddressPerMinute", "3"));
        var anonymous = factory.Anonymous();
        for (var i = 0; i < 3; i++)
            Assert.Equal(HttpStatusCode.OK, (await anonymous.GetAsync("/api/open/v1/cluster-figures?limit=1")).StatusCode);
        var limited = await anonymous.GetAsync("/api/open/v1/meetings");
        await limited.Problem(HttpStatusCode.TooManyRequests);
        Assert.True(int.Parse(limited.Headers.GetValues("Retry-After").Single()) >= 1);
        // The dashboard's API is not on this budget.
        Assert.Equal(HttpStatusCode.OK, (await factory.Client().GetAsync("/api/v1/clusters")).StatusCode);
    }
}
