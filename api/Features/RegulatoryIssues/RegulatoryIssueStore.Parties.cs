using Dapper;

namespace BioCluster.Api.Features.RegulatoryIssues;

/// <summary>The agencies that work an issue, for the questions other features ask about it (documents attached to it).</summary>
public sealed partial class RegulatoryIssueStore
{
    /// <summary>
    /// The agencies that may change the issue besides the secretariat: the raising agency, the lead and co-ministries and
    /// the operators of its clusters. Null when there is no such issue.
    /// </summary>
    public async Task<IReadOnlySet<long>?> WorkingAgenciesAsync(long id, CancellationToken ct)
    {
        await using var connection = await db.OpenAsync(ct);
        var agencies = (await connection.QueryAsync<long>("""
            SELECT raised_by_id FROM regulatory_issues WHERE id = @id
            UNION ALL SELECT lead_ministry_id FROM regulatory_issues WHERE id = @id AND lead_ministry_id IS NOT NULL
            UNION ALL SELECT agency_id FROM regulatory_issue_co_ministries WHERE issue_id = @id
            UNION ALL SELECT c.operator_id FROM regulatory_issue_clusters ic JOIN clusters c ON c.id = ic.cluster_id WHERE ic.issue_id = @id
            """, new { id })).ToHashSet();
        // raised_by_id is never null: an issue that exists names at least its raiser.
        return agencies.Count == 0 ? null : agencies;
    }

    public async Task<bool> ExistsAsync(long id, CancellationToken ct)
    {
        await using var connection = await db.OpenAsync(ct);
        return await connection.ExecuteScalarAsync<int>("SELECT COUNT(*) FROM regulatory_issues WHERE id = @id", new { id }) > 0;
    }
}
