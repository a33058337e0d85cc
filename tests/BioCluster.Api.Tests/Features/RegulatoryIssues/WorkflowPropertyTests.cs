using System.Net;
using System.Text.Json;
using System.Text.Json.Nodes;
using BioCluster.Api.Features.RegulatoryIssues;
using BioCluster.Api.Tests.Infrastructure;
using BioCluster.Contracts.RegulatoryIssues;
using CsCheck;
using Dapper;

namespace BioCluster.Api.Tests.Features.RegulatoryIssues;

/// <summary>
/// Random sequences of moves by random parties, through HTTP, under a clock the test moves: the answers
/// follow the workflow table, the timeline equals the moves that succeeded, no forbidden state is ever
/// reached, and the overdue figures match a reference calculation.
/// </summary>
public sealed class WorkflowPropertyTests(IssuesFactory factory) : IClassFixture<IssuesFactory>
{
    private static readonly string[] Agencies = ["mohw", "mfds", "motie", "kbiohealth", "khidi"];

    private static string Wire(IssueStatus s) => JsonNamingPolicy.SnakeCaseLower.ConvertName(s.ToString());

    /// <summary>Who each agency's key is in an issue raised by kbiohealth and assigned to mfds.</summary>
    private static IssueParty PartyOf(string agency, bool assigned) => agency switch
    {
        "mohw" => IssueParty.Secretariat,
        "kbiohealth" => IssueParty.Raiser,
        "mfds" when assigned => IssueParty.LeadMinistry,
        _ => IssueParty.None,
    };

    /// <summary>The expected answer, from the domain's table, written independently of the API's.</summary>
    private static HttpStatusCode Expected(IssueStatus from, IssueStatus to, string agency, bool assigned, bool rereviewUsed)
    {
        if (agency == "khidi") return HttpStatusCode.Forbidden; // a viewer may not move issues at all
        if (!IssueWorkflowTests.Spec.TryGetValue((from, to), out var who)) return HttpStatusCode.Conflict;
        if (from == IssueStatus.NotAccepted && to == IssueStatus.UnderReview && rereviewUsed) return HttpStatusCode.Conflict;
        return PartyOf(agency, assigned) == who ? HttpStatusCode.OK : HttpStatusCode.Forbidden;
    }

    /// <summary>Reference deadline arithmetic: whole Korean calendar days (UTC+9) between today and the deadline's day.</summary>
    private static (bool Overdue, int? Remaining, int? Late) Reference(JsonNode issue, DateTimeOffset now)
    {
        var status = issue["status"]!.GetValue<string>();
        DateTimeOffset? due = status switch
        {
            "under_review" => DateTimeOffset.Parse(issue["responseDueAt"]!.GetValue<string>()),
            "long_term_review" => DateTimeOffset.Parse(issue["reviewOn"]!.GetValue<string>() + "T23:59:59.999+09:00"),
            "accepted" or "partially_accepted" or "in_progress" => DateTimeOffset.Parse(issue["plannedCompletionOn"]!.GetValue<string>() + "T23:59:59.999+09:00"),
            _ => null,
        };
        if (due is null) return (false, null, null);
        var korea = TimeSpan.FromHours(9);
        var days = (int)(due.Value.ToOffset(korea).Date - now.ToOffset(korea).Date).TotalDays;
        return now > due ? (true, null, Math.Max(1, -days)) : (false, days, null);
    }

    [Fact]
    public async Task RandomMoveSequences_FollowTheTable_AndTheTimelineEqualsTheSuccessfulMoves()
    {
        var targets = Enum.GetValues<IssueStatus>();
        // The clock moves up to two days a step; the keys last two years, so a whole run stays inside them.
        var step = Gen.Select(Gen.Int[0, targets.Length - 1], Gen.Int[0, Agencies.Length - 1], Gen.Int[0, 48], (t, a, h) => (t, a, h));
        var checkedMoves = 0;
        await step.Array[3, 14].SampleAsync(async steps =>
        {
            var raiser = await factory.Party("kbiohealth");
            var (id, _) = await factory.Raise(raiser);
            var status = IssueStatus.Submitted;
            var assigned = false;
            var rereviewUsed = false;
            var succeeded = new List<string> { "submitted" };

            foreach (var (t, a, hours) in steps)
            {
                factory.Clock.Advance(TimeSpan.FromHours(hours));
                var to = targets[t];
                var agency = Agencies[a];
                var client = await factory.Party(agency);
                var expected = Expected(status, to, agency, assigned, rereviewUsed);
                var response = await IssuesFactory.Move(client, id, factory.MoveTo(Wire(to)));
                Assert.True(expected == response.StatusCode,
                    $"{agency} moving {Wire(status)} → {Wire(to)}: expected {(int)expected}, got {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
                checkedMoves++;
                if (response.StatusCode == HttpStatusCode.OK)
                {
                    if (status == IssueStatus.NotAccepted && to == IssueStatus.UnderReview) rereviewUsed = true;
                    if (to == IssueStatus.UnderReview) assigned = true;
                    status = to;
                    succeeded.Add(Wire(to));
                }

                var issue = JsonNode.Parse(await raiser.GetStringAsync($"/api/v1/regulatory-issues/{id}"))!;
                Assert.Equal(Wire(status), issue["status"]!.GetValue<string>());
                var (overdue, remaining, late) = Reference(issue, factory.Clock.GetUtcNow());
                Assert.Equal(overdue, issue["overdue"]!.GetValue<bool>());
                Assert.Equal(remaining, issue["daysRemaining"]?.GetValue<int>());
                Assert.Equal(late, issue["daysLate"]?.GetValue<int>());
            }

            var timeline = JsonNode.Parse(await raiser.GetStringAsync($"/api/v1/regulatory-issues/{id}/history"))!.AsArray();
            Assert.Equal(succeeded, timeline.Select(h => h!["to"]!.GetValue<string>()));
            for (var i = 1; i < timeline.Count; i++)
            {
                var from = JsonSerializer.Deserialize<IssueStatus>($"\"{timeline[i]!["from"]!.GetValue<string>()}\"", Http.Json);
                var to = JsonSerializer.Deserialize<IssueStatus>($"\"{timeline[i]!["to"]!.GetValue<string>()}\"", Http.Json);
                Assert.True(IssueWorkflowTests.Spec.ContainsKey((from, to)), $"forbidden move {from} → {to} in the timeline");
            }
        }, iter: 20, threads: 1);
        Assert.True(checkedMoves > 60);

        // The running tallies the statistics read must equal a count of the issues themselves.
        await using var db = factory.OpenDatabase();
        var live = (await db.QueryAsync<(long, string, string, long)>(
            "SELECT COALESCE(lead_ministry_id, 0), status, category, COUNT(*) FROM regulatory_issues GROUP BY 1, 2, 3 ORDER BY 1, 2, 3")).ToList();
        var tallied = (await db.QueryAsync<(long, string, string, long)>(
            "SELECT lead_ministry_id, status, category, issues FROM regulatory_issue_tallies WHERE issues <> 0 ORDER BY 1, 2, 3")).ToList();
        Assert.Equal(live, tallied);
        var liveClusters = (await db.QueryAsync<(long, long)>("SELECT cluster_id, COUNT(*) FROM regulatory_issue_clusters GROUP BY cluster_id ORDER BY 1")).ToList();
        var talliedClusters = (await db.QueryAsync<(long, long)>("SELECT cluster_id, issues FROM regulatory_issue_cluster_tallies WHERE issues <> 0 ORDER BY 1")).ToList();
        Assert.Equal(liveClusters, talliedClusters);
        Assert.Equal(0, await IssuesFactory.ClusterCopiesOutOfStep(factory));

        // List totals taken from the tallies equal the totals a count of the matching issues gives.
        var reader = await factory.Party("mohw");
        foreach (var query in new[] { "", "status=under_review&status=in_progress", "leadMinistryCode=mfds", "leadMinistryCode=mfds&status=under_review",
                     "category=other", "leadMinistryCode=nobody", "status=withdrawn&category=other" })
        {
            var page = JsonNode.Parse(await reader.GetStringAsync($"/api/v1/regulatory-issues?limit=1&{query}"))!;
            var counted = JsonNode.Parse(await reader.GetStringAsync($"/api/v1/regulatory-issues?limit=1&priority=low&priority=normal&priority=high&priority=urgent&{query}"))!;
            Assert.True(counted["totalCount"]!.GetValue<int>() == page["totalCount"]!.GetValue<int>(), $"totals differ for '{query}'");
        }
    }
}
