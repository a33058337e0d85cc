using System.Net;
using System.Text.Json;
using System.Text.Json.Nodes;
using BioCluster.Api.Tests.Infrastructure;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace BioCluster.Api.Tests.Features.RegulatoryIssues;

/// <summary>
/// A SQLite host counting deadlines in working days (<c>Issues:DeadlineCounting=working</c>), with a clock the tests move
/// and keys for the secretariat (mohw) and three ministries (mfds, motie, msit).
/// </summary>
public sealed class DeadlinesFactory : SqliteApiFactory
{
    private readonly Dictionary<string, HttpClient> _keys = new();
    private readonly SemaphoreSlim _lock = new(1, 1);

    /// <summary>Wednesday 25 November 2026, 10:00 in Korea.</summary>
    public FakeTimeProvider Clock { get; } = new(new DateTimeOffset(2026, 11, 25, 1, 0, 0, TimeSpan.Zero));

    protected override IEnumerable<KeyValuePair<string, string?>> ExtraSettings() => [new("Issues:DeadlineCounting", "working")];

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.ConfigureTestServices(s => s.AddSingleton<TimeProvider>(Clock));
    }

    public async Task<HttpClient> Party(string agencyCode)
    {
        await _lock.WaitAsync();
        try
        {
            if (_keys.Count == 0)
                foreach (var agency in new[] { "mohw", "mfds", "motie", "msit", "kbiohealth" })
                {
                    var client = Anonymous();
                    client.DefaultRequestHeaders.Add("X-Api-Key", await NewKey(agency, ["read", "write"], Clock.GetUtcNow().AddYears(2).AddDays(-1)));
                    _keys[agency] = client;
                }
            return _keys[agencyCode];
        }
        finally { _lock.Release(); }
    }
}

/// <summary>Re-routing, extensions, the lead ministry's requests, the co-ministry queue and the periods after an answer, through HTTP.</summary>
public sealed class DeadlineMovesTests(DeadlinesFactory factory) : IClassFixture<DeadlinesFactory>
{
    private const string Reason = "소관 법령이 다른 부처에 있어 재지정합니다.";

    private static async Task<JsonNode> Ok(HttpResponseMessage r)
    {
        var text = await r.Content.ReadAsStringAsync();
        Assert.True(r.IsSuccessStatusCode, $"{(int)r.StatusCode}: {text}");
        return JsonNode.Parse(text)!;
    }

    /// <summary>A new issue routed to mfds (co-ministry motie), as the secretariat.</summary>
    private async Task<long> Routed(string lead = "mfds", string[]? co = null)
    {
        var (id, _) = await IssuesFactory.RaiseWith(await factory.Party("kbiohealth"));
        await Ok(await IssuesFactory.Move(await factory.Party("mohw"), id,
            new { to = "under_review", leadMinistryCode = lead, coMinistryCodes = co ?? ["motie"] }));
        return id;
    }

    private static Task<HttpResponseMessage> Move(HttpClient client, long id, object body) => IssuesFactory.Move(client, id, body);

    private static DateOnly DayOf(JsonNode? instant) => DateOnly.FromDateTime(DateTimeOffset.Parse(instant!.GetValue<string>()).ToOffset(TimeSpan.FromHours(9)).DateTime);

    [Fact]
    public async Task Assign_CountsTheAnswerDeadlineInWorkingDays()
    {
        var issue = await Ok(await (await factory.Party("mohw")).GetAsync($"/api/v1/regulatory-issues/{await Routed()}"));
        // 14 working days after Wednesday 25 November 2026 (no holiday in between): Tuesday 15 December.
        Assert.Equal(new DateOnly(2026, 12, 15), DayOf(issue["responseDueAt"]));
        Assert.Equal(0, issue["deadlineExtensions"]!.GetValue<int>());
    }

    [Fact]
    public async Task ExtensionRequest_GrantedBySecretariat_MovesTheDeadlineAndCountsIt()
    {
        var id = await Routed();
        var mfds = await factory.Party("mfds");
        var secretariat = await factory.Party("mohw");
        var asked = await Ok(await Move(mfds, id, new { to = "under_review", move = "extension_request", reason = "관계 부처 협의가 필요합니다.", proposedDueOn = "2027-01-20" }));
        Assert.Equal("extension", asked["pendingRequest"]!["kind"]!.GetValue<string>());
        Assert.Equal("2027-01-20", asked["pendingRequest"]!["proposedDueOn"]!.GetValue<string>());
        Assert.Equal(new DateOnly(2026, 12, 15), DayOf(asked["responseDueAt"])); // unchanged until granted

        // One pending request at a time.
        var again = await Move(mfds, id, new { to = "under_review", move = "relief_request", reason = "소관이 아닙니다.", proposedMinistryCode = "msit" });
        Assert.Contains("이미 처리를 기다리는 요청", (await again.Problem(HttpStatusCode.Conflict)).GetProperty("detail").GetString());

        // The ministry sees no grant; the secretariat does.
        var forMfds = await Ok(await mfds.GetAsync($"/api/v1/regulatory-issues/{id}"));
        Assert.DoesNotContain(forMfds["moveForms"]!.AsArray(), m => m!["move"]?.GetValue<string>() == "grant_request");
        var forSecretariat = await Ok(await secretariat.GetAsync($"/api/v1/regulatory-issues/{id}"));
        Assert.Equal(["reroute", "extension", "grant_request", "refuse_request"],
            forSecretariat["moveForms"]!.AsArray().Select(m => m!["move"]?.GetValue<string>()).OfType<string>());
        // allowedMoves lists changes of state only; the deadline moves are in moveForms.
        Assert.DoesNotContain("under_review", forSecretariat["allowedMoves"]!.AsArray().Select(m => m!.GetValue<string>()));

        var granted = await Ok(await Move(secretariat, id, new { to = "under_review", move = "grant_request" }));
        Assert.Equal(new DateOnly(2027, 1, 20), DayOf(granted["responseDueAt"]));
        Assert.Equal(1, granted["deadlineExtensions"]!.GetValue<int>());
        Assert.Null(granted["pendingRequest"]);
        Assert.Equal("mfds", granted["leadMinistry"]!["code"]!.GetValue<string>());

        var history = (await Ok(await secretariat.GetAsync($"/api/v1/regulatory-issues/{id}/history"))).AsArray();
        Assert.Equal(["extension_request", "grant_request"], history.Select(h => h!["fields"]!["move"]?.GetValue<string>()).OfType<string>());
        Assert.Equal("1", history[^1]!["fields"]!["deadlineExtensions"]!.GetValue<string>());
    }

    [Fact]
    public async Task ReliefRequest_Granted_ReroutesToTheProposedMinistry_AndTheOldLeadLosesIt()
    {
        var id = await Routed(co: ["msit"]);
        var mfds = await factory.Party("mfds");
        await Ok(await Move(mfds, id, new { to = "under_review", move = "relief_request", reason = "개인정보 관련 규정은 과기정통부 소관입니다.", proposedMinistryCode = "msit" }));
        var granted = await Ok(await Move(await factory.Party("mohw"), id, new { to = "under_review", move = "grant_request" }));
        Assert.Equal("msit", granted["leadMinistry"]!["code"]!.GetValue<string>());
        Assert.Empty(granted["coMinistries"]!.AsArray()); // the new lead is no longer also a co-ministry
        Assert.Equal(0, granted["deadlineExtensions"]!.GetValue<int>());

        var msit = await factory.Party("msit");
        var queue = await Ok(await msit.GetAsync("/api/v1/regulatory-issues?ministryCode=msit&status=under_review&limit=200"));
        Assert.Contains(queue["items"]!.AsArray(), i => i!["id"]!.GetValue<long>() == id && i["ministryRole"]!.GetValue<string>() == "lead");
        var old = await Ok(await mfds.GetAsync("/api/v1/regulatory-issues?ministryCode=mfds&limit=200"));
        Assert.DoesNotContain(old["items"]!.AsArray(), i => i!["id"]!.GetValue<long>() == id);
        // mfds may no longer answer it.
        var answer = await Move(mfds, id, new { to = "long_term_review", reviewOn = "2027-03-01" });
        Assert.Equal(HttpStatusCode.Forbidden, answer.StatusCode);
    }

    [Fact]
    public async Task Reroute_BySecretariat_ChangesLeadAndDeadline_AndIsOnTheTimeline()
    {
        var id = await Routed();
        var secretariat = await factory.Party("mohw");
        var moved = await Ok(await Move(secretariat, id, new { to = "under_review", move = "reroute", leadMinistryCode = "msit", reason = Reason }));
        Assert.Equal("msit", moved["leadMinistry"]!["code"]!.GetValue<string>());
        Assert.Equal("under_review", moved["status"]!.GetValue<string>());
        var history = (await Ok(await secretariat.GetAsync($"/api/v1/regulatory-issues/{id}/history"))).AsArray();
        var last = history[^1]!["fields"]!;
        Assert.Equal("reroute", last["move"]!.GetValue<string>());
        Assert.Equal("mfds", last["previousLeadMinistryCode"]!.GetValue<string>());
        Assert.Equal(Reason, last["reason"]!.GetValue<string>());
    }

    public static TheoryData<string, object, HttpStatusCode, string> BadMoves() => new()
    {
        // (who, body, status, field or text in the problem)
        { "mfds", new { to = "under_review", move = "reroute", leadMinistryCode = "msit", reason = Reason }, HttpStatusCode.Forbidden, "권한" },
        { "mfds", new { to = "under_review", move = "extension", responseDueAt = "2027-03-01T00:00:00+09:00", reason = Reason }, HttpStatusCode.Forbidden, "권한" },
        { "mohw", new { to = "under_review", move = "relief_request", reason = Reason, proposedMinistryCode = "msit" }, HttpStatusCode.Forbidden, "권한" },
        { "motie", new { to = "under_review", move = "extension_request", reason = Reason, proposedDueOn = "2027-02-01" }, HttpStatusCode.Forbidden, "권한" },
        { "mohw", new { to = "under_review", move = "grant_request" }, HttpStatusCode.Conflict, "요청이 없습니다" },
        { "mohw", new { to = "under_review", move = "refuse_request", reason = Reason }, HttpStatusCode.Conflict, "요청이 없습니다" },
        { "mohw", new { to = "accepted", move = "reroute", leadMinistryCode = "msit", reason = Reason }, HttpStatusCode.Conflict, "reroute" },
        { "mohw", new { to = "under_review", move = "reroute", leadMinistryCode = "mfds", reason = Reason }, HttpStatusCode.BadRequest, "leadMinistryCode" },
        { "mohw", new { to = "under_review", move = "reroute", leadMinistryCode = "kbiohealth", reason = Reason }, HttpStatusCode.BadRequest, "leadMinistryCode" },
        { "mohw", new { to = "under_review", move = "reroute", leadMinistryCode = "msit" }, HttpStatusCode.BadRequest, "reason" },
        { "mohw", new { to = "under_review", move = "reroute", leadMinistryCode = "msit", reason = Reason, justification = "쓰지 않는 항목" }, HttpStatusCode.BadRequest, "justification" },
        { "mohw", new { to = "under_review", move = "extension", responseDueAt = "2026-12-01T00:00:00+09:00", reason = Reason }, HttpStatusCode.BadRequest, "responseDueAt" },
        { "mohw", new { to = "under_review", move = "extension", reason = Reason }, HttpStatusCode.BadRequest, "responseDueAt" },
        { "mfds", new { to = "under_review", move = "extension_request", reason = Reason, proposedDueOn = "2026-12-10" }, HttpStatusCode.BadRequest, "proposedDueOn" },
        { "mfds", new { to = "under_review", move = "extension_request", reason = Reason, proposedDueOn = "2026-11-20" }, HttpStatusCode.BadRequest, "proposedDueOn" },
        { "mfds", new { to = "under_review", move = "relief_request", reason = Reason, proposedMinistryCode = "mfds" }, HttpStatusCode.BadRequest, "proposedMinistryCode" },
        { "mfds", new { to = "under_review", move = "relief_request", proposedMinistryCode = "msit" }, HttpStatusCode.BadRequest, "reason" },
    };

    [Theory]
    [MemberData(nameof(BadMoves))]
    public async Task DeadlineMove_Refused_AnswersAProblemAndWritesNothing(string who, object body, HttpStatusCode status, string mention)
    {
        var id = await Routed();
        var client = await factory.Party(who);
        var before = await (await factory.Party("mohw")).GetStringAsync($"/api/v1/regulatory-issues/{id}/history");
        var response = await Move(client, id, body);
        var problem = await response.Problem(status);
        Assert.Contains(mention, problem.GetRawText());
        Assert.Equal(before, await (await factory.Party("mohw")).GetStringAsync($"/api/v1/regulatory-issues/{id}/history"));
    }

    [Fact]
    public async Task BadMove_InEnglish_AnswersInEnglish()
    {
        var id = await Routed();
        var request = new HttpRequestMessage(HttpMethod.Post, $"/api/v1/regulatory-issues/{id}/transitions")
        {
            Content = Http.Body(new { to = "under_review", move = "extension", responseDueAt = "2026-12-01T00:00:00+09:00", reason = Reason }),
        };
        var client = await factory.Party("mohw");
        request.Headers.TryAddWithoutValidation("If-Match", await IssuesFactory.ETagOf(client, id));
        request.Headers.AcceptLanguage.ParseAdd("en");
        var problem = await (await client.SendAsync(request)).Problem(HttpStatusCode.BadRequest);
        Assert.Contains("later than the current one", problem.GetRawText());
    }

    [Fact]
    public async Task RefuseRequest_KeepsLeadAndDeadline_AndAllowsANewRequest()
    {
        var id = await Routed();
        var mfds = await factory.Party("mfds");
        var before = await Ok(await mfds.GetAsync($"/api/v1/regulatory-issues/{id}"));
        await Ok(await Move(mfds, id, new { to = "under_review", move = "relief_request", reason = "소관이 아닙니다.", proposedMinistryCode = "msit" }));
        var refused = await Ok(await Move(await factory.Party("mohw"), id, new { to = "under_review", move = "refuse_request", reason = "식약처 고시 사안입니다." }));
        Assert.Null(refused["pendingRequest"]);
        Assert.Equal("mfds", refused["leadMinistry"]!["code"]!.GetValue<string>());
        Assert.Equal(before["responseDueAt"]!.GetValue<string>(), refused["responseDueAt"]!.GetValue<string>());
        Assert.Equal(0, refused["deadlineExtensions"]!.GetValue<int>());
        await Ok(await Move(mfds, id, new { to = "under_review", move = "extension_request", reason = "관계 부처 협의가 필요합니다.", proposedDueOn = "2027-01-05" }));
    }

    [Fact]
    public async Task Extension_BySecretariat_CountsEachTime()
    {
        var id = await Routed();
        var secretariat = await factory.Party("mohw");
        await Ok(await Move(secretariat, id, new { to = "under_review", move = "extension", responseDueAt = "2027-01-08T23:59:59+09:00", reason = "협의 지연" }));
        var twice = await Ok(await Move(secretariat, id, new { to = "under_review", move = "extension", responseDueAt = "2027-01-22T23:59:59+09:00", reason = "추가 협의" }));
        Assert.Equal(2, twice["deadlineExtensions"]!.GetValue<int>());
        Assert.Equal(new DateOnly(2027, 1, 22), DayOf(twice["responseDueAt"]));
        // The list shows the count too.
        var list = await Ok(await secretariat.GetAsync("/api/v1/regulatory-issues?leadMinistryCode=mfds&status=under_review&limit=200"));
        Assert.Equal(2, list["items"]!.AsArray().Single(i => i!["id"]!.GetValue<long>() == id)!["deadlineExtensions"]!.GetValue<int>());
    }

    [Fact]
    public async Task MinistryQueue_ShowsLeadAndCoMinistryIssues_WithTheirRole_AndFiltersByRole()
    {
        var led = await Routed(lead: "motie", co: ["mfds"]);
        var cooperated = await Routed(lead: "mfds", co: ["motie"]);
        var motie = await factory.Party("motie");
        async Task<Dictionary<long, string>> Queue(string query) =>
            (await Ok(await motie.GetAsync($"/api/v1/regulatory-issues?ministryCode=motie{query}&limit=200")))["items"]!.AsArray()
            .ToDictionary(i => i!["id"]!.GetValue<long>(), i => i!["ministryRole"]!.GetValue<string>());
        var all = await Queue("");
        Assert.Equal("lead", all[led]);
        Assert.Equal("co_ministry", all[cooperated]);
        var leadOnly = await Queue("&ministryRole=lead");
        Assert.Contains(led, leadOnly.Keys);
        Assert.DoesNotContain(cooperated, leadOnly.Keys);
        var coOnly = await Queue("&ministryRole=co_ministry");
        Assert.Contains(cooperated, coOnly.Keys);
        Assert.DoesNotContain(led, coOnly.Keys);
        Assert.All(coOnly.Values, role => Assert.Equal("co_ministry", role));

        var total = (await Ok(await motie.GetAsync("/api/v1/regulatory-issues?ministryCode=motie&limit=1")))["totalCount"]!.GetValue<int>();
        Assert.Equal(all.Count, total);
        var plain = await Ok(await motie.GetAsync("/api/v1/regulatory-issues?limit=1"));
        Assert.Null(plain["items"]![0]!["ministryRole"]);
    }

    [Theory]
    [InlineData("ministryRole=lead")]
    [InlineData("ministryCode=motie&ministryRole=boss")]
    public async Task MinistryQueue_BadRoleFilter_Is400(string query)
    {
        var response = await (await factory.Party("motie")).GetAsync($"/api/v1/regulatory-issues?{query}");
        Assert.Contains("ministryRole", (await response.Problem(HttpStatusCode.BadRequest)).GetRawText());
    }
}
