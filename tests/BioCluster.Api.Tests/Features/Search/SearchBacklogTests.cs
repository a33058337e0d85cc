using System.Net;
using System.Text.Json;
using BioCluster.Api.Features.Search;
using BioCluster.Api.Tests.Infrastructure;
using BioCluster.Contracts.Search;
using Dapper;
using Microsoft.Extensions.DependencyInjection;

namespace BioCluster.Api.Tests.Features.Search;

/// <summary>A host whose background indexer is off, so a backlog stays one while the test looks at it.</summary>
public sealed class NoIndexerFactory : SqliteApiFactory
{
    protected override IEnumerable<KeyValuePair<string, string?>> ExtraSettings() => [new("Search:Indexer:Enabled", "false")];
}

/// <summary>
/// After a bulk change (an import's thousands of issues) a search answers from the index at once and says how many changed
/// records it could not search yet, instead of reading every waiting record's text for every search; a few waiting records
/// are still checked directly, so a single edit is found at once.
/// </summary>
public sealed class SearchBacklogTests(NoIndexerFactory host) : IClassFixture<NoIndexerFactory>
{
    private async Task<SearchResultsDto> Search(string q)
    {
        var response = await host.Client().GetAsync($"/api/v1/search?q={Uri.EscapeDataString(q)}&kinds=regulatory_issue");
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"{(int)response.StatusCode}: {text}");
        return JsonSerializer.Deserialize<SearchResultsDto>(text, Http.Json)!;
    }

    [Fact]
    public async Task AFewWaitingRecords_AreCheckedDirectly_ABacklogIsReportedAndLeftToTheIndexer()
    {
        var raised = await host.Client().PostAsync("/api/v1/regulatory-issues", Http.Body(new
        {
            titleKo = "백로그 확인용 과제", problemKo = "색인대기열검사 문구가 들어 있는 과제입니다. 다기관 임상 심의가 지연됩니다.",
            proposalKo = "공동 심의 결과를 인정하도록 고시를 개정합니다.", category = "clinical_trials", clusterCodes = new[] { "osong" },
            lawName = "약사법", priority = "normal", raisedByCode = "kbiohealth",
        }));
        Assert.Equal(HttpStatusCode.Created, raised.StatusCode);

        // One waiting record: checked directly, found, nothing reported.
        var few = await Search("색인대기열검사");
        Assert.Single(few.Items);
        Assert.Equal(0, few.Unindexed);

        // A backlog past the limit (as an import of thousands leaves it): the search answers without them and says how many.
        var issueBase = SearchDocuments.Base(SearchDocuments.Of(SearchKind.RegulatoryIssue));
        await using (var db = host.OpenDatabase())
            await db.ExecuteAsync("INSERT INTO search_pending (doc) VALUES (@doc)",
                Enumerable.Range(1, SearchStore.DirectCheckLimit + 10).Select(k => new { doc = issueBase + 1_000_000 + k }));
        var backlog = await Search("색인대기열검사");
        Assert.Empty(backlog.Items);
        Assert.Equal(SearchStore.DirectCheckLimit + 11, backlog.Unindexed);

        // Indexed: found through the index, nothing waiting.
        await host.Services.GetRequiredService<SearchIndexer>().DrainAsync(CancellationToken.None);
        var indexed = await Search("색인대기열검사");
        Assert.Single(indexed.Items);
        Assert.Equal(0, indexed.Unindexed);
    }
}
