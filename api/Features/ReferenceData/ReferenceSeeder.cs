using System.Data.Common;
using System.Text.Json;
using BioCluster.Api.Features.Access;
using BioCluster.Api.Features.Agencies;
using BioCluster.Api.Features.Audit;
using BioCluster.Api.Features.Clusters;
using BioCluster.Api.Infrastructure.Data;
using BioCluster.Api.Infrastructure.Http;
using Dapper;

namespace BioCluster.Api.Features.ReferenceData;

/// <summary>
/// Seeds the reference records once. Each record's seed key is logged in <c>reference_seed</c> when it
/// is seeded, and a logged key is never seeded again: a record an official renamed, re-coded or
/// archived stays as they left it, and a second run changes nothing.
/// </summary>
public sealed class ReferenceSeeder(DbConnectionFactory db, TimeProvider clock, AuditStore audit, ILogger<ReferenceSeeder> logger)
{
    public async Task<int> SeedAsync(CancellationToken ct = default)
    {
        var now = clock.GetUtcNow();
        await using var connection = await db.OpenAsync(ct);
        await using var tx = await connection.BeginTransactionAsync(ct);
        var done = (await connection.QueryAsync<string>("SELECT seed_key FROM reference_seed", transaction: tx)).ToHashSet();
        var inserted = 0;
        // Each seeded record starts its history with a "create" by BioCluster itself, like any other record.
        var seedActor = Actor.System("reference-data");

        foreach (var a in ReferenceData.Agencies.Where(a => !done.Contains("agency:" + a.Code)))
        {
            var added = await connection.ExecuteAsync("""
                INSERT INTO agencies (code, name_ko, name_en, kind, sector, parent_id, status, version, created_at, updated_at)
                SELECT @Code, @NameKo, @NameEn, @Kind, @Sector, (SELECT p.id FROM agencies p WHERE p.code = @ParentCode), 'active', 1, @Now, @Now
                WHERE NOT EXISTS (SELECT 1 FROM agencies WHERE code = @Code)
                """,
                new { a.Code, a.NameKo, a.NameEn, Kind = WireNames.Of(a.Kind), Sector = WireNames.Of(a.Sector), a.ParentCode, Now = now }, tx);
            if (added > 0 && await AgencyStore.GetAsync(connection, tx, "g.code = @key", a.Code) is { } agency)
                await audit.WriteAsync(connection, tx, seedActor, "create", AgencyStore.EntityType, agency.Value.Id, null, agency.Value);
            inserted += added;
            await LogAsync(connection, tx, "agency:" + a.Code, now);
        }

        foreach (var c in ReferenceData.Clusters.Where(c => !done.Contains("cluster:" + c.Code)))
        {
            // The operator is found by code; if an official re-coded it, the cluster waits for a later run.
            var added = await connection.ExecuteAsync("""
                INSERT INTO clusters (code, name_ko, name_en, region, operator_id, designation, specializations,
                                      latitude, longitude, status, version, created_at, updated_at)
                SELECT @Code, @NameKo, @NameEn, @Region, a.id, @Designation, @Specializations,
                       @Latitude, @Longitude, 'active', 1, @Now, @Now
                FROM agencies a
                WHERE a.code = @OperatorCode
                  AND NOT EXISTS (SELECT 1 FROM clusters WHERE code = @Code)
                """,
                new
                {
                    c.Code, c.NameKo, c.NameEn, Region = WireNames.Of(c.Region), c.OperatorCode, c.Designation,
                    Specializations = JsonSerializer.Serialize(c.Specializations), c.Latitude, c.Longitude, Now = now,
                }, tx);
            if (added > 0)
            {
                var id = await connection.ExecuteScalarAsync<long>("SELECT id FROM clusters WHERE code = @Code", new { c.Code }, tx);
                if (await ClusterStore.GetAsync(connection, tx, id) is { } cluster)
                    await audit.WriteAsync(connection, tx, seedActor, "create", ClusterStore.EntityType, id, null, cluster.Value);
            }
            inserted += added;
            await LogAsync(connection, tx, "cluster:" + c.Code, now);
        }

        inserted += await CouncilSeed.SeedAsync(connection, tx, done, now);
        inserted += await ClusterSiteSeed.SeedAsync(connection, tx, done, audit, seedActor, now, db.Dialect);
        await tx.CommitAsync(ct);
        if (inserted > 0) logger.LogInformation("Seeded {Count} reference records", inserted);
        return inserted;
    }

    private static Task LogAsync(DbConnection connection, DbTransaction tx, string key, DateTimeOffset now) =>
        connection.ExecuteAsync("INSERT INTO reference_seed (seed_key, applied_at) VALUES (@key, @now)", new { key, now }, tx);
}
