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
    private async Task<SearchResultsDto> Search(string q, string kinds = "regulatory_issue")
    {
        var response = await host.Client().GetAsync($"/api/v1/search?q={Uri.EscapeDataString(q)}&kinds={kinds}");
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

    /// <summary>Clusters written straight into the table, as a script or a bulk load would, with nothing queued for them.</summary>
    private async Task InsertClusters(string prefix, string name, int count)
    {
        await using var db = host.OpenDatabase();
        await db.ExecuteAsync("""
            INSERT INTO clusters (code, name_ko, region, operator_id, created_at, updated_at)
            VALUES (@code, @name, (SELECT region FROM clusters ORDER BY id LIMIT 1),
                    (SELECT operator_id FROM clusters ORDER BY id LIMIT 1), '2026-12-06T00:00:00Z', '2026-12-06T00:00:00Z')
            """, Enumerable.Range(1, count).Select(k => new { code = $"{prefix}-{k}", name = $"{name} {k}" }));
    }

    private async Task<int> WaitingClusters()
    {
        await using var db = host.OpenDatabase();
        var waiting = await SearchIndexer.WaitingAsync(db, await SearchIndexer.MarksAsync(db, null));
        return waiting.GetValueOrDefault(SearchDocuments.Of(SearchKind.Cluster).Code);
    }

    [Fact]
    public async Task NewRecords_WrittenByAnyone_AreFoundBeforeAndAfterIndexing_AndANewBacklogIsReported()
    {
        // New records need no queue entry (migration 0028): whatever wrote them, those above the kind's mark wait.
        await host.Services.GetRequiredService<SearchIndexer>().DrainAsync(CancellationToken.None);
        Assert.Equal(0, await WaitingClusters());
        await InsertClusters("script-one", "스크립트입력검사 클러스터", 1);
        Assert.Equal(1, await WaitingClusters());
        var one = await Search("스크립트입력검사", "cluster");
        Assert.Equal("스크립트입력검사 클러스터 1", Assert.Single(one.Items).TitleKo);
        Assert.Equal(0, one.Unindexed);

        // Past the limit: answered from the index, the new ones reported as not searched yet.
        await InsertClusters("script-bulk", "대량입력검사 클러스터", SearchStore.DirectCheckLimit);
        var backlog = await Search("대량입력검사", "cluster");
        Assert.Empty(backlog.Items);
        Assert.Equal(SearchStore.DirectCheckLimit + 1, backlog.Unindexed);

        // Indexed in id order: every one found through the index, the mark moved past them, nothing waiting.
        await host.Services.GetRequiredService<SearchIndexer>().DrainAsync(CancellationToken.None);
        Assert.Equal(0, await WaitingClusters());
        var indexed = await Search("대량입력검사", "cluster");
        Assert.Equal(SearchStore.DirectCheckLimit, Assert.Single(indexed.Counts).Count);
        Assert.Equal(0, indexed.Unindexed);
        Assert.Equal("대량입력검사 클러스터 500", indexed.Items[0].TitleKo); // newest first
        Assert.Single((await Search("스크립트입력검사", "cluster")).Items);

        // A change to an indexed record is queued by its trigger and found by its new text before the indexer runs.
        await using (var db = host.OpenDatabase())
            await db.ExecuteAsync("UPDATE clusters SET name_ko = '이름바꿈검사 클러스터' WHERE code = 'script-one-1'");
        Assert.Single((await Search("이름바꿈검사", "cluster")).Items);
        Assert.Empty((await Search("스크립트입력검사", "cluster")).Items);
    }
}
