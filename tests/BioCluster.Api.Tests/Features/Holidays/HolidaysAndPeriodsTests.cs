using System.Net;
using System.Text.Json.Nodes;
using BioCluster.Api.Features.Holidays;
using BioCluster.Api.Features.RegulatoryIssues;
using BioCluster.Api.Tests.Features.RegulatoryIssues;
using BioCluster.Api.Tests.Infrastructure;
using BioCluster.Contracts.RegulatoryIssues;

namespace BioCluster.Api.Tests.Features.Holidays;

/// <summary>The holiday calendar through HTTP, and the challenge and final-answer deadlines it moves, under a fake clock.</summary>
public sealed class HolidaysAndPeriodsTests(DeadlinesFactory factory) : IClassFixture<DeadlinesFactory>
{
    private static async Task<JsonNode> Ok(HttpResponseMessage r)
    {
        var text = await r.Content.ReadAsStringAsync();
        Assert.True(r.IsSuccessStatusCode, $"{(int)r.StatusCode}: {text}");
        return JsonNode.Parse(text)!;
    }

    [Fact]
    public async Task Seed_HasTheLunarAndSubstituteHolidaysOf2027()
    {
        var items = (await Ok(await (await factory.Party("mfds")).GetAsync("/api/v1/holidays?year=2027&limit=200")))["items"]!.AsArray();
        var days = items.ToDictionary(i => i!["on"]!.GetValue<string>(), i => i!["nameKo"]!.GetValue<string>());
        Assert.Equal(["2027-02-06", "2027-02-07", "2027-02-08", "2027-02-09"], days.Keys.Where(d => d.StartsWith("2027-02")));
        Assert.Equal("설날", days["2027-02-07"]);
        Assert.Equal("대체공휴일(설날)", days["2027-02-09"]);
        Assert.Equal(["2027-09-14", "2027-09-15", "2027-09-16"], days.Keys.Where(d => d.StartsWith("2027-09")));
        Assert.Equal("추석", days["2027-09-15"]);
        Assert.Equal("kasi_calendar", items[0]!["source"]!.GetValue<string>());
        Assert.True(items.Select(i => i!["on"]!.GetValue<string>()).SequenceEqual(days.Keys.Order()), "by date");
        var y2028 = (await Ok(await (await factory.Party("mfds")).GetAsync("/api/v1/holidays?year=2028&limit=200")))["items"]!.AsArray();
        Assert.Contains(y2028, i => i!["on"]!.GetValue<string>() == "2028-01-27" && i["source"]!.GetValue<string>() == "rules");
    }

    [Theory]
    [InlineData("year=1999")]
    [InlineData("limit=0")]
    [InlineData("sort=name")]
    public async Task List_BadQuery_Is400(string query) =>
        await (await (await factory.Party("mfds")).GetAsync($"/api/v1/holidays?{query}")).Problem(HttpStatusCode.BadRequest);

    [Theory]
    [InlineData("""{"on":"2027-02-07","nameKo":"설날"}""", HttpStatusCode.Conflict)]
    [InlineData("""{"on":"2027-04-01","nameKo":"holiday"}""", HttpStatusCode.BadRequest)]
    [InlineData("""{"on":"2027-04-01"}""", HttpStatusCode.BadRequest)]
    [InlineData("""{"on":"1990-04-01","nameKo":"임시공휴일"}""", HttpStatusCode.BadRequest)]
    [InlineData("""{"on":"2027-04-01","nameKo":"임시공휴일","extra":1}""", HttpStatusCode.BadRequest)]
    [InlineData("""{"on":"not a date","nameKo":"임시공휴일"}""", HttpStatusCode.BadRequest)]
    public async Task Create_BadInput_IsAProblemAndWritesNothing(string json, HttpStatusCode status)
    {
        var secretariat = await factory.Party("mohw");
        var before = (await Ok(await secretariat.GetAsync("/api/v1/holidays?year=2027&limit=1")))["totalCount"]!.GetValue<int>();
        await (await secretariat.PostAsync("/api/v1/holidays", Http.Raw(json))).Problem(status);
        Assert.Equal(before, (await Ok(await secretariat.GetAsync("/api/v1/holidays?year=2027&limit=1")))["totalCount"]!.GetValue<int>());
    }

    [Fact]
    public async Task ChallengePeriod_AfterRefusal_IsShown_MovesWithAHoliday_AndCloses()
    {
        var (id, _) = await IssuesFactory.RaiseWith(await factory.Party("kbiohealth"));
        var secretariat = await factory.Party("mohw");
        var mfds = await factory.Party("mfds");
        await Ok(await IssuesFactory.Move(secretariat, id, new { to = "under_review", leadMinistryCode = "mfds" }));
        var refused = await Ok(await IssuesFactory.Move(mfds, id, IssuesFactory.MoveFields("not_accepted", new DateOnly(2026, 11, 25))));
        // Refused on Wednesday 25 November 2026: challengeable for 3 months, to Thursday 25 February 2027.
        Assert.Equal("2027-02-25", refused["challengeDueOn"]!.GetValue<string>());
        Assert.True(refused["challengeOpen"]!.GetValue<bool>());
        Assert.Null(refused["finalAnswerDueOn"]);

        // The secretariat declares that day a holiday: counted in working days, the period ends the next working day.
        var created = await secretariat.PostAsync("/api/v1/holidays", Http.Body(new { on = "2027-02-25", nameKo = "임시공휴일", nameEn = "Temporary holiday" }));
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var holiday = await Ok(created);
        Assert.Equal("secretariat", holiday["source"]!.GetValue<string>());
        Assert.Equal("2027-02-26", (await Ok(await mfds.GetAsync($"/api/v1/regulatory-issues/{id}")))["challengeDueOn"]!.GetValue<string>());
        var list = await Ok(await mfds.GetAsync("/api/v1/regulatory-issues?status=not_accepted&limit=200"));
        Assert.Equal("2027-02-26", list["items"]!.AsArray().Single(i => i!["id"]!.GetValue<long>() == id)!["challengeDueOn"]!.GetValue<string>());

        // Removing it needs If-Match; then the period ends on the 25th again.
        var path = $"/api/v1/holidays/{holiday["id"]!.GetValue<long>()}";
        Assert.Equal((HttpStatusCode)428, (await secretariat.Send(HttpMethod.Delete, path)).StatusCode);
        Assert.Equal(HttpStatusCode.PreconditionFailed, (await secretariat.Send(HttpMethod.Delete, path, ifMatch: "\"99\"")).StatusCode);
        Assert.Equal(HttpStatusCode.NoContent, (await secretariat.Send(HttpMethod.Delete, path, ifMatch: created.ETag())).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await secretariat.GetAsync(path)).StatusCode);
        Assert.Equal("2027-02-25", (await Ok(await mfds.GetAsync($"/api/v1/regulatory-issues/{id}")))["challengeDueOn"]!.GetValue<string>());

        // The audit trail has both.
        var audit = await Ok(await factory.Client().GetAsync($"/api/v1/audit?entityType=holiday&limit=200"));
        Assert.Contains(audit["items"]!.AsArray(), a => a!["action"]!.GetValue<string>() == "delete");
    }

    [Fact]
    public void Periods_AreConfigurableInMonths_AndOnlyForTheirStates()
    {
        var days = new WorkingDays(DeadlineCounting.Calendar, new HashSet<DateOnly>());
        var periods = new IssuePeriods(days, ChallengeMonths: 1, LongTermReviewMonths: 2);
        var answered = new DateTimeOffset(2027, 1, 31, 15, 30, 0, TimeSpan.Zero); // 1 February 2027, 00:30 in Korea
        var now = answered.AddDays(1);
        Assert.Equal((new DateOnly(2027, 3, 1), true, (DateOnly?)null, false), periods.Of(IssueStatus.NotAccepted, answered, now));
        Assert.Equal(((DateOnly?)null, false, new DateOnly(2027, 4, 1), false), periods.Of(IssueStatus.LongTermReview, answered, now));
        Assert.Equal(((DateOnly?)null, false, (DateOnly?)null, false), periods.Of(IssueStatus.Accepted, answered, now));
        Assert.Equal(((DateOnly?)null, false, (DateOnly?)null, false), periods.Of(IssueStatus.NotAccepted, null, now));
        Assert.False(periods.Of(IssueStatus.NotAccepted, answered, answered.AddDays(40)).ChallengeOpen);
        Assert.True(periods.Of(IssueStatus.LongTermReview, answered, answered.AddDays(70)).FinalAnswerOverdue);
    }
}

/// <summary>The final-answer deadline of a long-term review under a clock moved by months (its own host: the clock never goes back).</summary>
public sealed class FinalAnswerDeadlineTests(DeadlinesFactory factory) : IClassFixture<DeadlinesFactory>
{
    private static async Task<JsonNode> Ok(HttpResponseMessage r)
    {
        var text = await r.Content.ReadAsStringAsync();
        Assert.True(r.IsSuccessStatusCode, $"{(int)r.StatusCode}: {text}");
        return JsonNode.Parse(text)!;
    }

    [Fact]
    public async Task FinalAnswerDeadline_OfLongTermReview_IsSixMonths_AndOverdueAfter()
    {
        var (id, _) = await IssuesFactory.RaiseWith(await factory.Party("kbiohealth"));
        var mfds = await factory.Party("mfds");
        await Ok(await IssuesFactory.Move(await factory.Party("mohw"), id, new { to = "under_review", leadMinistryCode = "mfds" }));
        var today = IssuesFactory.TodayOf(factory.Clock);
        var review = await Ok(await IssuesFactory.Move(mfds, id, new { to = "long_term_review", reviewOn = today.AddDays(30) }));
        var due = DateOnly.Parse(review["finalAnswerDueOn"]!.GetValue<string>());
        var calendarEnd = today.AddMonths(6);
        Assert.True(due >= calendarEnd && due <= calendarEnd.AddDays(7), $"{due} near {calendarEnd}");
        Assert.False(review["finalAnswerOverdue"]!.GetValue<bool>());
        Assert.Null(review["challengeDueOn"]);

        factory.Clock.Advance(TimeSpan.FromDays(200));
        var late = await Ok(await mfds.GetAsync($"/api/v1/regulatory-issues/{id}"));
        Assert.True(late["finalAnswerOverdue"]!.GetValue<bool>());
        Assert.Equal(due.ToString("yyyy-MM-dd"), late["finalAnswerDueOn"]!.GetValue<string>());
    }
}
