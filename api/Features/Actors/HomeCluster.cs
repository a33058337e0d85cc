using System.Data.Common;
using BioCluster.Api.Infrastructure.Data;
using Dapper;

namespace BioCluster.Api.Features.Actors;

/// <summary>
/// An agency given a home cluster is located there as an actor: the agency form calls this in its transaction, and the
/// agency import does the same row by row through its own prepared statement (AgencyImport) (migration 0028 replaced
/// the triggers of 0026, whose insert trigger made every agency insert four times slower on SQLite). Taking an actor out of a cluster clears its home cluster
/// if it was that one (<see cref="ActorStore"/>), so the two stay in step.
/// </summary>
public static class HomeCluster
{
    /// <summary>Places these agencies in their home clusters where they are not yet (those without one are left alone).</summary>
    public static async Task PlaceAsync(DbConnection connection, DbTransaction tx, SqlDialect dialect, IReadOnlyCollection<long> agencyIds)
    {
        var sql = $"""
            INSERT INTO cluster_actors (cluster_id, agency_id, added_at)
            SELECT g.cluster_id, g.id, g.updated_at FROM agencies g
            WHERE g.id IN ({dialect.IdsIn("@Ids")}) AND g.cluster_id IS NOT NULL
              AND NOT EXISTS (SELECT 1 FROM cluster_actors m WHERE m.cluster_id = g.cluster_id AND m.agency_id = g.id)
            """;
        foreach (var chunk in agencyIds.Chunk(1000))
            await connection.ExecuteAsync(sql, new { Ids = SqlDialect.IdList(chunk) }, tx);
    }
}
