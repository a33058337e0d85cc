using BioCluster.Api.Infrastructure.Http;
using BioCluster.Contracts.Common;
using BioCluster.Contracts.RegulatoryIssues;
using Dapper;

namespace BioCluster.Api.Features.RegulatoryIssues;

/// <summary>The pipeline statistics.</summary>
public sealed partial class RegulatoryIssueStore
{

    private sealed class GroupRow
    {
        public long? Key { get; set; }
        public string? Name { get; set; }
        public string? Status { get; set; }
        public int Count { get; set; }
    }

    /// <summary>
    /// The pipeline at a glance, computed in SQL with index scans only. The independent counts run at the
    /// same time on their own connections (SQLite's WAL and SQL Server both let readers work side by side).
    /// </summary>
    public async Task<RegulatoryIssueStatsDto> StatsAsync(CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        var yearStart = new DateOnly(IssueWorkflow.DayOf(now).Year, 1, 1);
        async Task<List<GroupRow>> Rows(string sql, object? p = null)
        {
            await using var c = await db.OpenAsync(ct);
            return (await c.QueryAsync<GroupRow>(sql, p)).ToList();
        }
        async Task<int> Count(string sql, object? p = null)
        {
            await using var c = await db.OpenAsync(ct);
            return await c.ExecuteScalarAsync<int>(sql, p);
        }

        // The running tallies hold the per-ministry, per-status, per-category and per-cluster counts.
        var talliesTask = Rows("SELECT lead_ministry_id AS \"key\", status, category AS name, issues AS count FROM regulatory_issue_tallies WHERE issues <> 0");
        var byClusterTask = Rows("SELECT cluster_id AS \"key\", issues AS count FROM regulatory_issue_cluster_tallies WHERE issues <> 0");
        var overdueTask = Rows("SELECT lead_ministry_id AS \"key\", COUNT(*) AS count FROM regulatory_issues WHERE next_due_at < @now GROUP BY lead_ministry_id", new { now });
        var answersTask = Rows("SELECT answer AS name, COUNT(*) AS count FROM regulatory_issues WHERE answer IS NOT NULL GROUP BY answer");
        // Only the completion move sets completed_on, and completed is final, so the date alone says it (an index-only count).
        var completedTask = Count("SELECT COUNT(*) FROM regulatory_issues WHERE completed_on >= @yearStart", new { yearStart });
        var percentilesTask = PercentilesAsync();
        await Task.WhenAll(talliesTask, byClusterTask, overdueTask, answersTask, completedTask, percentilesTask);
        var tallies = talliesTask.Result;
        var byMinistry = tallies.Where(t => t.Key is not 0).GroupBy(t => (t.Key, t.Status))
            .Select(g => new GroupRow { Key = g.Key.Key, Status = g.Key.Status, Count = g.Sum(x => x.Count) }).ToList();
        var byStatus = tallies.GroupBy(t => t.Status!).Select(g => new GroupRow { Status = g.Key, Count = g.Sum(x => x.Count) }).ToList();
        var byCategory = tallies.GroupBy(t => t.Name!).Select(g => new GroupRow { Name = g.Key, Count = g.Sum(x => x.Count) }).ToList();
        var (byCluster, overdue, answers) = (byClusterTask.Result, overdueTask.Result, answersTask.Result);
        var completedThisYear = completedTask.Result;
        var (median, p90) = percentilesTask.Result;

        // Nearest-rank percentiles of days from assignment to answer, read straight off the answer_days index.
        async Task<(double?, double?)> PercentilesAsync()
        {
            await using var c = await db.OpenAsync(ct);
            var n = await c.ExecuteScalarAsync<int>("SELECT COUNT(*) FROM regulatory_issues WHERE answer_days IS NOT NULL");
            if (n == 0) return (null, null);
            async Task<double?> At(double p) => await c.ExecuteScalarAsync<double?>(
                $"SELECT answer_days FROM regulatory_issues WHERE answer_days IS NOT NULL ORDER BY answer_days {db.Dialect.OffsetLimit("@offset", "@one")}",
                new { offset = Math.Max(0, (int)Math.Ceiling(p * n) - 1), one = 1 });
            return (await At(0.5), await At(0.9));
        }

        await using var connection = await db.OpenAsync(ct);
        var agencyIds = byMinistry.Select(m => m.Key!.Value).Concat(overdue.Where(o => o.Key is not null).Select(o => o.Key!.Value)).Distinct().ToList();
        var agencies = (await connection.QueryAsync<LinkRow>("SELECT id, code, name_ko, name_en FROM agencies WHERE id IN @agencyIds", new { agencyIds }))
            .ToDictionary(a => a.Id, a => new AgencyRef(a.Id, a.Code, a.NameKo, a.NameEn));
        var clusterIds = byCluster.Select(c => c.Key!.Value).ToList();
        var clusters = (await connection.QueryAsync<LinkRow>("SELECT id, code, name_ko, name_en FROM clusters WHERE id IN @clusterIds", new { clusterIds }))
            .ToDictionary(c => c.Id, c => new ClusterRef(c.Id, c.Code, c.NameKo, c.NameEn));

        var accepted = answers.Where(a => a.Name is "accepted" or "partially_accepted").Sum(a => a.Count);
        var answered = answers.Sum(a => a.Count);
        return new RegulatoryIssueStatsDto(
            byStatus.Sum(s => s.Count),
            overdue.Sum(o => o.Count),
            byStatus.Select(s => new StatusCount(WireNames.Parse<IssueStatus>(s.Status!), s.Count)).OrderBy(s => s.Status).ToList(),
            byMinistry.Select(m => new MinistryStatusCount(agencies[m.Key!.Value], WireNames.Parse<IssueStatus>(m.Status!), m.Count))
                .OrderBy(m => m.Ministry.Code).ThenBy(m => m.Status).ToList(),
            byCluster.Select(c => new ClusterCount(clusters[c.Key!.Value], c.Count)).OrderByDescending(c => c.Count).ThenBy(c => c.Cluster.Code).ToList(),
            byCategory.Select(c => new CategoryCount(WireNames.Parse<IssueCategory>(c.Name!), c.Count)).OrderBy(c => c.Category).ToList(),
            overdue.Where(o => o.Key is not null).Select(o => new MinistryOverdue(agencies[o.Key!.Value], o.Count)).OrderByDescending(o => o.Overdue).ToList(),
            answered == 0 ? null : Math.Round((double)accepted / answered, 4),
            median,
            p90,
            completedThisYear,
            now);
    }
}
