using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using BioCluster.Api.Features.RegulatoryIssues;
using BioCluster.Api.Infrastructure.Data;
using BioCluster.Api.Infrastructure.Sheets;
using Dapper;
using Microsoft.Extensions.DependencyInjection;
using BioCluster.Api.Tests.Infrastructure;

namespace BioCluster.Api.Tests.Features.RegulatoryIssues;

/// <summary>How SQLite reads the issue lists (query plans, the copies of cluster ids, migration 0010): SQLite only.</summary>
public sealed class RegulatoryIssuePlanTests(IssuesFactory factory) : IClassFixture<IssuesFactory>
{
    private static async Task<JsonNode> Json(HttpResponseMessage r)
    {
        var text = await r.Content.ReadAsStringAsync();
        Assert.True(r.IsSuccessStatusCode, $"{(int)r.StatusCode}: {text}");
        return JsonNode.Parse(text)!;
    }

    /// <summary>The lines of SQLite's query plan for <paramref name="sql"/> on the test database.</summary>
    private async Task<List<string>> PlanOf(string sql)
    {
        await using var db = await factory.Services.GetRequiredService<DbConnectionFactory>().OpenAsync();
        return (await db.QueryAsync($"EXPLAIN QUERY PLAN {sql}")).Select(r => (string)r.detail).ToList();
    }

    /// <summary>
    /// The ministry view counts what a ministry owes past its due date (and lists it by due date): the count is
    /// answered from the ministry's due-date index alone, status included, never reading the table (migration 0009).
    /// </summary>
    [Fact]
    public async Task AMinistrysOverdueCount_IsReadFromItsDueDateIndexAlone()
    {
        var plan = string.Join(" | ", await PlanOf("""
            SELECT COUNT(*) FROM regulatory_issues i
            WHERE i.status IN ('accepted', 'partially_accepted', 'in_progress')
              AND i.lead_ministry_id = (SELECT id FROM agencies WHERE code = 'mfds') AND i.next_due_at < '2026-11-25T00:00:00.0000000Z'
            """));
        Assert.Contains("COVERING INDEX ix_ri_lead_due", plan);
    }

    /// <summary>
    /// A ministry's list, newest first, reads its whole page from the ministry's created-order index, statuses and
    /// the copy of the cluster ids included, never touching the table (migration 0010). The text is the store's page.
    /// </summary>
    [Fact]
    public async Task AMinistrysNewestFirstPage_IsReadFromItsIndexAlone()
    {
        var plan = string.Join(" | ", await PlanOf("""
            SELECT i.id, i.title_ko, i.title_en, i.category, i.raised_by_id, i.lead_ministry_id, i.priority, i.status, i.response_due_at,
                   i.planned_completion_on, i.review_on, i.progress_percent, i.next_due_at, i.created_at, i.updated_at, i.cluster_ids
            FROM regulatory_issues i
            WHERE i.status IN ('under_review', 'in_progress') AND i.lead_ministry_id = (SELECT id FROM agencies WHERE code = 'mfds')
            ORDER BY i.created_at DESC, i.id DESC LIMIT 51
            """));
        Assert.Contains("COVERING INDEX ix_ri_lead_created", plan);
    }

    /// <summary>
    /// A board column (one status, sorted as the user chose) walks an index in the sort's order and stops after its
    /// first cards, instead of sorting every issue of the status (migration 0012 for due date, update and priority).
    /// </summary>
    [Theory]
    [InlineData("i.next_due_at ASC", "ix_ri_status_due")]
    [InlineData("i.updated_at DESC", "ix_ri_status_updated")]
    [InlineData("i.priority DESC", "ix_ri_status_priority")]
    [InlineData("i.created_at DESC", "ix_ri_status_created")]
    public async Task ABoardColumn_WalksAnIndexInItsSortOrder(string order, string index)
    {
        var direction = order.EndsWith("DESC", StringComparison.Ordinal) ? "DESC" : "ASC";
        var plan = string.Join(" | ", await PlanOf($"""
            SELECT i.id, i.title_ko, i.status, i.cluster_ids FROM regulatory_issues i
            WHERE i.status IN ('under_review') ORDER BY {order}, i.id {direction} LIMIT 9
            """));
        Assert.Contains($"USING INDEX {index} (status=?)", plan);
        Assert.DoesNotContain("TEMP B-TREE", plan); // no sort of the matching rows
    }

    /// <summary>
    /// A list filtered by who raised it, by category or by priority, in the default order (newest first), walks that
    /// filter's index in creation order instead of sorting every matching issue (migration 0013).
    /// </summary>
    [Theory]
    [InlineData("i.raised_by_id = (SELECT id FROM agencies WHERE code = 'kbiohealth')", "ix_ri_raised_created (raised_by_id=?)")]
    [InlineData("i.category IN ('workforce')", "ix_ri_category_created (category=?)")]
    [InlineData("i.priority IN (4)", "ix_ri_priority_created (priority=?)")]
    public async Task AFilteredNewestFirstList_WalksItsFiltersIndex(string filter, string index)
    {
        var plan = string.Join(" | ", await PlanOf($"""
            SELECT i.id, i.title_ko, i.status, i.cluster_ids FROM regulatory_issues i
            WHERE {filter} ORDER BY i.created_at DESC, i.id DESC LIMIT 51
            """));
        Assert.Contains($"USING INDEX {index}", plan);
        Assert.DoesNotContain("TEMP B-TREE", plan);
    }

    /// <summary>
    /// Several statuses are read as a merge of one sorted read per status. Paging through every page, for every sort
    /// and direction, gives exactly the matching issues in the sort's order (ties by id), with the right total, and a
    /// status named twice changes nothing.
    /// </summary>
    [Theory]
    [InlineData("createdAt", "created_at")]
    [InlineData("-createdAt", "created_at")]
    [InlineData("dueAt", "next_due_at")]
    [InlineData("-dueAt", "next_due_at")]
    [InlineData("-updatedAt", "updated_at")]
    [InlineData("priority", "priority")]
    [InlineData("-priority", "priority")]
    public async Task SeveralStatuses_PageInTheSortsOrder(string sort, string column)
    {
        var op = await factory.Party("kbiohealth");
        var secretariat = await factory.Party("mohw");
        for (var i = 0; i < 4; i++)
        {
            var (id, _) = await factory.Raise(op, IssuesFactory.NewIssue(priority: i % 2 == 0 ? "high" : "low"));
            if (i % 2 == 0) await IssuesFactory.Move(secretariat, id, factory.MoveTo("under_review"));
        }
        var direction = sort.StartsWith('-') ? "DESC" : "ASC";
        await using var db = factory.OpenDatabase();
        var expected = (await db.QueryAsync<long>($"""
            SELECT id FROM regulatory_issues WHERE status IN ('submitted', 'under_review') ORDER BY {column} {direction}, id {direction}
            """)).ToList();
        Assert.True(expected.Count >= 4);

        var listed = new List<long>();
        string? cursor = null;
        do
        {
            var page = await Json(await op.GetAsync(
                $"/api/v1/regulatory-issues?status=submitted&status=under_review&status=submitted&sort={sort}&limit=3" +
                (cursor is null ? "" : $"&cursor={Uri.EscapeDataString(cursor)}")));
            Assert.Equal(expected.Count, page["totalCount"]!.GetValue<int>());
            listed.AddRange(page["items"]!.AsArray().Select(i => i!["id"]!.GetValue<long>()));
            cursor = page["nextCursor"]?.GetValue<string>();
        } while (cursor is not null);
        Assert.Equal(expected, listed);
    }

    /// <summary>Each status's read in a merged page walks that status's index in the sort's order (no sort of all its issues).</summary>
    [Fact]
    public async Task AMergedPage_WalksEachStatussIndex()
    {
        var sort = new SortSpec<RegulatoryIssueStore.IssueRow>(RegulatoryIssueStore.SortFields.Single(f => f.Name == "dueAt"), false);
        var sql = Keyset.MergedSql("SELECT i.id, i.title_ko, i.next_due_at FROM regulatory_issues i", [], ["i.status = 'submitted'", "i.status = 'accepted'"],
            null, sort, "i.id", "LIMIT 51");
        var plan = await PlanOf(sql);
        Assert.Equal(2, plan.Count(d => d.Contains("USING INDEX ix_ri_status_due (status=?)")));
        // The engine merges the two reads; each sorts only its own at most 51 rows for the merge (a status's whole set
        // of issues sorted would add a third and fourth).
        Assert.Contains(plan, d => d.Contains("MERGE (UNION ALL)"));
        Assert.Equal(2, plan.Count(d => d.Contains("TEMP B-TREE")));
    }

    /// <summary>
    /// A list page names each issue's clusters from the copy of their ids on the issue's row; raising and editing keep
    /// that copy in step with the links, so the list names what the detail names, ordered by code.
    /// </summary>
    [Fact]
    public async Task TheListsClusters_FollowEveryEdit()
    {
        var op = await factory.Party("kbiohealth");
        var marker = $"클러스터사본{Guid.NewGuid():N}"[..14];
        var (id, etag) = await factory.Raise(op, IssuesFactory.NewIssue(title: $"{marker} 과제", clusters: ["osong", "daegu-gyeongbuk"]));
        async Task<string[]> Listed(string query) =>
            (await Json(await op.GetAsync($"/api/v1/regulatory-issues?q={Uri.EscapeDataString(marker)}&{query}")))["items"]!.AsArray()
                .Single()!["clusters"]!.AsArray().Select(c => c!["code"]!.GetValue<string>()).ToArray();
        async Task<string[]> Detailed() =>
            (await Json(await op.GetAsync($"/api/v1/regulatory-issues/{id}")))["clusters"]!.AsArray().Select(c => c!["code"]!.GetValue<string>()).ToArray();
        Assert.Equal(["daegu-gyeongbuk", "osong"], await Listed("limit=10"));
        Assert.Equal(await Detailed(), await Listed("limit=10"));

        var body = new { titleKo = $"{marker} 수정", problemKo = "현행 규정의 문제를 더 구체적으로 적습니다.", proposalKo = "개선안도 구체적으로 적습니다.",
            category = "licensing_approval", clusterCodes = new[] { "gwanggyo", "osong" }, priority = "high" };
        etag = (await op.Send(HttpMethod.Put, $"/api/v1/regulatory-issues/{id}", Http.Body(body), etag)).ETag();
        Assert.Equal(["gwanggyo", "osong"], await Listed("limit=10"));
        Assert.Equal(["gwanggyo", "osong"], await Listed("limit=10&sort=-updatedAt"));
        await op.Send(HttpMethod.Put, $"/api/v1/regulatory-issues/{id}", Http.Body(body with { clusterCodes = new[] { "gwanggyo" } }), etag);
        Assert.Equal(["gwanggyo"], await Listed("limit=10"));
        Assert.Equal(await Detailed(), await Listed("limit=10"));
        Assert.Equal(0, await IssuesFactory.ClusterCopiesOutOfStep(factory));
    }

    /// <summary>Migration 0010 fills each existing issue's copy of its cluster ids from its links.</summary>
    [Fact]
    public async Task Migration0010_CopiesEachIssuesClusterIdsFromItsLinks()
    {
        var op = await factory.Party("kbiohealth");
        await factory.Raise(op, IssuesFactory.NewIssue(clusters: ["osong", "daegu-gyeongbuk", "gwanggyo"]));
        await factory.Raise(op, IssuesFactory.NewIssue(clusters: ["gwanggyo"]));
        var copy = Path.Combine(Path.GetTempPath(), $"biocluster-0010-{Guid.NewGuid():N}.db");
        try
        {
            await using (var source = factory.OpenDatabase()) await source.ExecuteAsync($"VACUUM INTO '{copy}'");
            await using var db = new Microsoft.Data.Sqlite.SqliteConnection($"Data Source={copy};Pooling=False");
            await db.ExecuteAsync("UPDATE regulatory_issues SET cluster_ids = ''"); // as before the migration
            var script = Migrator.Scripts(DatabaseProvider.Sqlite).Single(s => s.Number == 10).Sql;
            var backfill = script[script.IndexOf("UPDATE regulatory_issues", StringComparison.Ordinal)..];
            await db.ExecuteAsync(backfill[..(backfill.IndexOf(';') + 1)]);
            var links = (await db.QueryAsync<(long Issue, long Cluster)>("SELECT issue_id, cluster_id FROM regulatory_issue_clusters")).ToLookup(l => l.Issue, l => l.Cluster);
            var copies = (await db.QueryAsync<(long Id, string Ids)>("SELECT id, cluster_ids FROM regulatory_issues")).ToList();
            Assert.Contains(copies, c => c.Ids.Split(',').Length == 3);
            foreach (var (issue, ids) in copies)
                Assert.Equal(string.Join(",", links[issue].Order()), ids);
        }
        finally
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            File.Delete(copy);
        }
    }
}
