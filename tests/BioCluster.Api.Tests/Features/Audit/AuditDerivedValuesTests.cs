using System.Net;
using System.Text.Json.Nodes;
using BioCluster.Api.Features.Audit;
using BioCluster.Api.Tests.Features.RegulatoryIssues;

namespace BioCluster.Api.Tests.Features.Audit;

/// <summary>The trail records what people changed, not what the API works out at read time.</summary>
public sealed class AuditDerivedValuesTests(IssuesFactory factory) : IClassFixture<IssuesFactory>
{
    [Fact]
    public async Task AnIssuesEntries_KeepItsFields_ButNotTheMovesAllowedOrTheDeadlineArithmetic()
    {
        var raiser = await factory.Party("kbiohealth");
        var (id, _) = await factory.Raise(raiser, IssuesFactory.NewIssue(title: "감사 기록 파생값 시험 과제"));
        var secretariat = await factory.Party("mohw");
        var moved = await IssuesFactory.Move(secretariat, id, new { to = "under_review", leadMinistryCode = "mfds", comment = "배정" });
        Assert.Equal(HttpStatusCode.OK, moved.StatusCode);
        var answered = JsonNode.Parse(await moved.Content.ReadAsStringAsync())!;
        Assert.NotNull(answered["allowedMoves"]); // the API still answers with them …

        var entries = JsonNode.Parse(await factory.Client().GetStringAsync($"/api/v1/audit?entityType=regulatory_issue&entityId={id}"))!["items"]!.AsArray();
        Assert.Equal(["create", "transition:under_review"], entries.Select(e => e!["action"]!.GetValue<string>()).Order());
        foreach (var entry in entries)
        foreach (var side in new[] { "before", "after" })
        {
            if (entry![side] is not JsonObject record) continue;
            foreach (var derived in AuditJson.Derived) Assert.False(record.ContainsKey(derived), $"{entry["action"]} {side} keeps '{derived}'"); // … the trail not
            Assert.NotNull(record["status"]);
            Assert.NotNull(record["titleKo"]);
        }
        var routing = entries.Single(e => e!["action"]!.GetValue<string>() == "transition:under_review")!;
        Assert.Equal("mfds", routing["after"]!["leadMinistry"]!["code"]!.GetValue<string>());
    }

    [Fact]
    public void DerivedValues_AreStrippedAtAnyDepth_AndRecordsWithoutThemAreWrittenAsBefore()
    {
        var options = new System.Text.Json.JsonSerializerOptions(System.Text.Json.JsonSerializerDefaults.Web)
        {
            Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        };
        var json = AuditJson.Serialize(new { title = "회의", overdue = true, followUps = new[] { new { title = "후속", overdue = false, daysLate = 3 } } }, options);
        Assert.Equal("""{"title":"회의","followUps":[{"title":"후속"}]}""", json);
        Assert.False(AuditJson.CarriesDerived(typeof(BioCluster.Contracts.Registry.ClusterDto)));
        Assert.True(AuditJson.CarriesDerived(typeof(BioCluster.Contracts.RegulatoryIssues.RegulatoryIssueDto)));
        Assert.True(AuditJson.CarriesDerived(typeof(BioCluster.Contracts.Meetings.MeetingDto)));
    }
}
