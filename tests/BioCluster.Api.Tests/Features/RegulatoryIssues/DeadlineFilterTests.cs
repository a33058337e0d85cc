using System.Net;
using System.Text.Json.Nodes;
using BioCluster.Api.Tests.Infrastructure;

namespace BioCluster.Api.Tests.Features.RegulatoryIssues;

/// <summary>
/// The issue list's deadline filters (issue 19, item 9): refusals still open to challenge, long-term reviews past their final
/// answer, and a cluster operator's issues, under a fake clock moved by months (their own host: the clock never goes back).
/// </summary>
public sealed class DeadlineFilterTests(DeadlinesFactory factory) : IClassFixture<DeadlinesFactory>
{
    private static async Task<JsonNode> Ok(HttpResponseMessage r)
    {
        var text = await r.Content.ReadAsStringAsync();
        Assert.True(r.IsSuccessStatusCode, $"{(int)r.StatusCode}: {text}");
        return JsonNode.Parse(text)!;
    }

    private static async Task<List<long>> Ids(HttpClient client, string query) =>
        (await Ok(await client.GetAsync($"/api/v1/regulatory-issues?{query}&limit=200")))["items"]!.AsArray().Select(i => i!["id"]!.GetValue<long>()).ToList();

    [Fact]
    public async Task ChallengeOpen_And_FinalAnswerOverdue_FollowTheDerivedPeriods_AsTheClockMoves()
    {
        var secretariat = await factory.Party("mohw");
        var mfds = await factory.Party("mfds");
        var today = IssuesFactory.TodayOf(factory.Clock);
        var (refused, _) = await IssuesFactory.RaiseWith(await factory.Party("kbiohealth"));
        var (studied, _) = await IssuesFactory.RaiseWith(await factory.Party("kbiohealth"));
        foreach (var id in new[] { refused, studied })
            await Ok(await IssuesFactory.Move(secretariat, id, new { to = "under_review", leadMinistryCode = "mfds" }));
        await Ok(await IssuesFactory.Move(mfds, refused, IssuesFactory.MoveFields("not_accepted", today)));
        await Ok(await IssuesFactory.Move(mfds, studied, new { to = "long_term_review", reviewOn = today.AddDays(30) }));

        Assert.Contains(refused, await Ids(mfds, "challengeOpen=true"));
        Assert.DoesNotContain(studied, await Ids(mfds, "challengeOpen=true"));
        Assert.DoesNotContain(refused, await Ids(mfds, "challengeOpen=false"));
        Assert.Contains(studied, await Ids(mfds, "finalAnswerOverdue=false"));
        Assert.DoesNotContain(studied, await Ids(mfds, "finalAnswerOverdue=true"));
        // Combined with other filters, and the rows say the same as the filter.
        var open = (await Ok(await mfds.GetAsync("/api/v1/regulatory-issues?challengeOpen=true&leadMinistryCode=mfds&status=not_accepted&status=accepted&limit=200")))["items"]!.AsArray();
        Assert.Contains(open, i => i!["id"]!.GetValue<long>() == refused);
        Assert.All(open, i => Assert.True(DateOnly.Parse(i!["challengeDueOn"]!.GetValue<string>()) >= today));

        // Four months on: the challenge period (3 months, counted in working days here) is over; the review is not yet late.
        factory.Clock.Advance(TimeSpan.FromDays(120));
        Assert.DoesNotContain(refused, await Ids(mfds, "challengeOpen=true"));
        Assert.Contains(refused, await Ids(mfds, "challengeOpen=false"));
        Assert.False((await Ok(await mfds.GetAsync($"/api/v1/regulatory-issues/{refused}")))["challengeOpen"]!.GetValue<bool>());
        Assert.DoesNotContain(studied, await Ids(mfds, "finalAnswerOverdue=true"));

        // Seven months on: the long-term review is past its final answer, as its record says.
        factory.Clock.Advance(TimeSpan.FromDays(90));
        Assert.True((await Ok(await mfds.GetAsync($"/api/v1/regulatory-issues/{studied}")))["finalAnswerOverdue"]!.GetValue<bool>());
        Assert.Contains(studied, await Ids(mfds, "finalAnswerOverdue=true"));
        Assert.DoesNotContain(studied, await Ids(mfds, "finalAnswerOverdue=false"));
        Assert.DoesNotContain(refused, await Ids(mfds, "finalAnswerOverdue=true"));
        // The export takes the same filters.
        var csv = await (await mfds.GetAsync("/api/v1/regulatory-issues/export.csv?finalAnswerOverdue=true")).Content.ReadAsStringAsync();
        Assert.Contains($"{studied}", csv);
    }

    [Fact]
    public async Task OperatorCode_ListsTheIssuesOfTheClustersItOperates()
    {
        var (id, _) = await IssuesFactory.RaiseWith(await factory.Party("kbiohealth")); // raised for osong, which kbiohealth operates
        var mfds = await factory.Party("mfds");
        Assert.Contains(id, await Ids(mfds, "operatorCode=kbiohealth"));
        Assert.DoesNotContain(id, await Ids(mfds, "operatorCode=mfds"));
        Assert.Empty(await Ids(mfds, "operatorCode=no-such-agency"));
    }

    [Theory]
    [InlineData("challengeOpen=maybe")]
    [InlineData("finalAnswerOverdue=2")]
    [InlineData("operatorCode=%01bad")]
    public async Task DeadlineFilters_BadValues_Are400(string query) =>
        await (await (await factory.Party("mfds")).GetAsync($"/api/v1/regulatory-issues?{query}")).Problem(HttpStatusCode.BadRequest);
}
