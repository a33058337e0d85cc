using System.Text.Json.Nodes;
using BioCluster.Api.Infrastructure.Data;

namespace BioCluster.Api.Tests.Features.RegulatoryIssues;

/// <summary>
/// Which read a list page runs, seen from the statements SQLite keeps for it. On a database of its own (this class's
/// factory), so the statements kept on it are this class's alone.
/// </summary>
public sealed class IssueListPathTests(IssuesFactory factory) : IClassFixture<IssuesFactory>
{
    /// <summary>
    /// A list naming several statuses and no ministry is read as a merge of one sorted read per status (the same rows as
    /// one read with <c>status IN (…)</c>, which sorts every matching issue: ~44 ms a page over 100,000 issues).
    /// </summary>
    [Fact]
    public async Task SeveralStatuses_AreReadAsAMerge()
    {
        var op = await factory.Party("kbiohealth");
        var marker = $"병합읽기{Guid.NewGuid():N}"[..12];
        await factory.Raise(op, IssuesFactory.NewIssue(title: $"{marker} 과제"));
        bool Merged() => SqliteStatements.KeptTexts(factory.DatabaseFile).Any(t => t.Contains("UNION ALL") && t.Contains("@Status1") && t.Contains("@Q"));
        Assert.False(Merged());

        var page = JsonNode.Parse(await op.GetStringAsync($"/api/v1/regulatory-issues?status=submitted&status=under_review&q={Uri.EscapeDataString(marker)}"))!;
        Assert.Single(page["items"]!.AsArray());
        // The statement texts are seen through the fast path's kept statements; the test command's second run of the
        // suite (Database:FastReads=false) keeps none, and checks the same page's rows above.
        if (Environment.GetEnvironmentVariable("Database__FastReads") != "false")
            Assert.True(Merged(), "the page was not read as a merge of one read per status:\n" + string.Join("\n---\n", SqliteStatements.KeptTexts(factory.DatabaseFile)));
    }
}
