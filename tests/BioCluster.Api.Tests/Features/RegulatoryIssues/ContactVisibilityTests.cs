using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using BioCluster.Api.Tests.Infrastructure;

namespace BioCluster.Api.Tests.Features.RegulatoryIssues;

/// <summary>
/// Personal data (PIPA): the named official's contact details are shown only to those who work the issue with that
/// official — the secretariat, admins, the lead ministry, co-ministries and the raising agency. Everyone else sees the
/// official's name and department. Checked for each kind of caller on the issue, its timeline and its CSV export.
/// </summary>
public sealed class ContactVisibilityTests(IssuesFactory factory) : IClassFixture<IssuesFactory>
{
    private const string Contact = "043-719-0000, official@mfds.go.kr";

    public static TheoryData<string, bool> Callers => new()
    {
        { "mohw", true },        // the secretariat's key
        { "mfds", true },        // the lead ministry
        { "motie", true },       // a co-ministry
        { "kbiohealth", true },  // the raising agency
        { "ifez", false },       // another cluster operator
        { "wmit", false },       // another cluster operator
        { "khidi", false },      // a public agency: a viewer
    };

    private async Task<long> RoutedIssueAsync()
    {
        var raiser = await factory.Party("kbiohealth");
        var (id, _) = await factory.Raise(raiser, IssuesFactory.NewIssue(title: "연락처 공개 범위 시험 과제"));
        var secretariat = await factory.Party("mohw");
        var moved = await IssuesFactory.Move(secretariat, id, new
        {
            to = "under_review", leadMinistryCode = "mfds", coMinistryCodes = new[] { "motie" },
            official = new { name = "김담당", department = "의약품정책과", contact = Contact }, comment = "배정",
        });
        Assert.Equal(HttpStatusCode.OK, moved.StatusCode);
        return id;
    }

    [Theory]
    [MemberData(nameof(Callers))]
    public async Task OfficialsContact_IsShownOnlyToThoseWhoWorkTheIssue(string agency, bool maySee)
    {
        var id = await RoutedIssueAsync();
        var caller = await factory.Party(agency);

        var issue = JsonNode.Parse(await (await caller.GetAsync($"/api/v1/regulatory-issues/{id}")).Content.ReadAsStringAsync())!;
        Assert.Equal("김담당", issue["official"]!["name"]!.GetValue<string>());
        Assert.Equal("의약품정책과", issue["official"]!["department"]!.GetValue<string>());
        Assert.Equal(maySee ? Contact : null, issue["official"]!["contact"]?.GetValue<string>());

        var history = JsonNode.Parse(await (await caller.GetAsync($"/api/v1/regulatory-issues/{id}/history")).Content.ReadAsStringAsync())!.AsArray();
        var routing = history.Single(t => t!["to"]!.GetValue<string>() == "under_review")!;
        Assert.Equal(maySee ? Contact : null, routing["fields"]!["officialContact"]?.GetValue<string>());
        Assert.Equal("김담당", routing["fields"]!["officialName"]!.GetValue<string>());

        var csv = Encoding.UTF8.GetString(await caller.GetByteArrayAsync($"/api/v1/regulatory-issues/export.csv?q={Uri.EscapeDataString("연락처 공개 범위")}"));
        Assert.Contains("김담당", csv);
        Assert.Equal(maySee, csv.Contains("official@mfds.go.kr", StringComparison.Ordinal));
    }
}
