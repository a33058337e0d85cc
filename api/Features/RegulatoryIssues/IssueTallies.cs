using System.Data.Common;
using BioCluster.Api.Infrastructure.Data;
using Dapper;

namespace BioCluster.Api.Features.RegulatoryIssues;

/// <summary>
/// Keeps the running counts behind the statistics, inside the caller's transaction: every change to an
/// issue's lead ministry, status, category or clusters moves one from the old key to the new.
/// </summary>
public static class IssueTallies
{
    public static async Task MoveAsync(DbConnection connection, DbTransaction tx, SqlDialect dialect,
        (long? Lead, string Status, string Category)? from, (long? Lead, string Status, string Category)? to)
    {
        if (from == to) return;
        if (from is { } f) await AddAsync(connection, tx, dialect, f.Lead ?? 0, f.Status, f.Category, -1);
        if (to is { } t) await AddAsync(connection, tx, dialect, t.Lead ?? 0, t.Status, t.Category, +1);
    }

    public static async Task ClustersAsync(DbConnection connection, DbTransaction tx, SqlDialect dialect, IEnumerable<long> removed, IEnumerable<long> added)
    {
        foreach (var cluster in removed)
            await connection.ExecuteAsync("UPDATE regulatory_issue_cluster_tallies SET issues = issues - 1 WHERE cluster_id = @cluster", new { cluster }, tx);
        foreach (var cluster in added)
            await UpsertAsync(connection, tx, dialect,
                "UPDATE regulatory_issue_cluster_tallies SET issues = issues + 1 WHERE cluster_id = @cluster",
                "INSERT INTO regulatory_issue_cluster_tallies (cluster_id, issues) VALUES (@cluster, 1)", new { cluster });
    }

    /// <summary><paramref name="delta"/> issues more (or fewer) under one key: an import adds its new issues in one go.</summary>
    public static Task AddAsync(DbConnection connection, DbTransaction tx, SqlDialect dialect, long? lead, string status, string category, int delta) =>
        AddAsync(connection, tx, dialect, lead ?? 0, status, category, delta);

    /// <summary><paramref name="delta"/> more issues affecting one cluster.</summary>
    public static Task AddToClusterAsync(DbConnection connection, DbTransaction tx, SqlDialect dialect, long cluster, int delta) =>
        UpsertAsync(connection, tx, dialect,
            "UPDATE regulatory_issue_cluster_tallies SET issues = issues + @delta WHERE cluster_id = @cluster",
            "INSERT INTO regulatory_issue_cluster_tallies (cluster_id, issues) VALUES (@cluster, @delta)", new { cluster, delta });

    private static Task AddAsync(DbConnection connection, DbTransaction tx, SqlDialect dialect, long lead, string status, string category, int delta) =>
        UpsertAsync(connection, tx, dialect,
            "UPDATE regulatory_issue_tallies SET issues = issues + @delta WHERE lead_ministry_id = @lead AND status = @status AND category = @category",
            "INSERT INTO regulatory_issue_tallies (lead_ministry_id, status, category, issues) VALUES (@lead, @status, @category, @delta)",
            new { lead, status, category, delta });

    /// <summary>Update the row, or insert it the first time; if another writer inserted it meanwhile, update after all.</summary>
    private static async Task UpsertAsync(DbConnection connection, DbTransaction tx, SqlDialect dialect, string update, string insert, object p)
    {
        if (await connection.ExecuteAsync(update, p, tx) > 0) return;
        try
        {
            await connection.ExecuteAsync(insert, p, tx);
        }
        catch (DbException e) when (dialect.IsUniqueViolation(e))
        {
            await connection.ExecuteAsync(update, p, tx);
        }
    }
}
