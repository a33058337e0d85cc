using System.Data.Common;
using System.Text.Json;
using BioCluster.Api.Features.Access;
using BioCluster.Api.Features.Actors;
using BioCluster.Api.Features.Agencies;
using BioCluster.Api.Features.Audit;
using BioCluster.Api.Features.Clusters;
using BioCluster.Api.Features.SiteProjects;
using BioCluster.Api.Infrastructure.Data;
using BioCluster.Api.Infrastructure.Http;
using BioCluster.Contracts.Registry;
using BioCluster.Contracts.SiteProjects;
using Dapper;

namespace BioCluster.Api.Features.ReferenceData;

/// <summary>
/// What ../docs/domain.md says of the Gyeonggi bio cluster at Gwanggyo: the innovation actors around it (GBSA, the Gyeonggi
/// Bio Center, the Advanced Institute of Convergence Technology, the Korea Advanced Nano Fab Center, Ajou University
/// Medical Center) and the Gwanggyo Techno Valley bio site Gyeonggi Province develops through GH. Nothing beyond the
/// public record is invented: the project has no stage dates because none were published.
/// </summary>
public static class ClusterSiteSeed
{
    public const string ClusterCode = "gwanggyo";

    /// <summary>The agencies the Gwanggyo paragraph names that the launch list lacks (GH develops the bio site).</summary>
    public static readonly IReadOnlyList<SeedAgency> Agencies =
    [
        new("gh", "경기주택도시공사", "Gyeonggi Housing & Urban Development Corporation (GH)", AgencyKind.PublicInstitution, null),
        new("gyeonggi-bio-center", "경기바이오센터", "Gyeonggi Bio Center", AgencyKind.ResearchInstitute, Sector.Research, "gbsa"),
        new("aict", "차세대융합기술연구원", "Advanced Institute of Convergence Technology (AICT)", AgencyKind.ResearchInstitute, Sector.Research),
        new("kanc", "한국나노기술원", "Korea Advanced Nano Fab Center (KANC)", AgencyKind.ResearchInstitute, Sector.Research),
        new("ajou-medical-center", "아주대학교병원", "Ajou University Medical Center", AgencyKind.Hospital, Sector.Hospital),
    ];

    /// <param name="Sector">Set only when the agency has none (GBSA, a cluster operator, is seeded without one).</param>
    private sealed record SeedActor(string Code, Sector Sector, string[] Specializations);

    private static readonly SeedActor[] Actors =
    [
        new("gbsa", Sector.Research, ["바이오 기업 지원", "기술사업화"]),
        new("gyeonggi-bio-center", Sector.Research, ["바이오 연구장비 지원", "바이오 기업 보육"]),
        new("aict", Sector.Research, ["융합기술 연구개발"]),
        new("kanc", Sector.Research, ["나노 팹", "반도체·바이오 소자"]),
        new("ajou-medical-center", Sector.Hospital, ["임상연구", "의료"]),
    ];

    public static async Task<int> SeedAsync(DbConnection connection, DbTransaction tx, ISet<string> done, AuditStore audit, Actor seedActor,
        DateTimeOffset now, SqlDialect dialect)
    {
        var clusterId = await connection.ExecuteScalarAsync<long?>("SELECT id FROM clusters WHERE code = @ClusterCode", new { ClusterCode }, tx);
        if (clusterId is null) return 0; // re-coded by an official: nothing to seed into
        var inserted = 0;
        foreach (var a in Actors.Where(a => !done.Contains($"actor:{ClusterCode}:{a.Code}")))
        {
            var agencyId = await connection.ExecuteScalarAsync<long?>("SELECT id FROM agencies WHERE code = @Code", new { a.Code }, tx);
            if (agencyId is { } id)
            {
                var before = (await AgencyStore.GetAsync(connection, tx, "g.id = @key", id))!.Value;
                var profiled = await connection.ExecuteAsync("""
                    UPDATE agencies
                    SET sector = COALESCE(sector, @Sector), specializations = @Specializations, region = @Region,
                        version = version + 1, updated_at = @Now
                    WHERE id = @id AND specializations = '[]' AND region IS NULL
                    """,
                    new { id, Sector = WireNames.Of(a.Sector), Specializations = ActorStore.SpecializationsJson(a.Specializations), Region = WireNames.Of(Region.Gyeonggi), Now = now },
                    tx);
                if (profiled > 0)
                    await audit.WriteAsync(connection, tx, seedActor, "update", AgencyStore.EntityType, id, before,
                        (await AgencyStore.GetAsync(connection, tx, "g.id = @key", id))!.Value);
                var added = await connection.ExecuteAsync("""
                    INSERT INTO cluster_actors (cluster_id, agency_id, added_at)
                    SELECT @clusterId, @id, @now
                    WHERE NOT EXISTS (SELECT 1 FROM cluster_actors WHERE cluster_id = @clusterId AND agency_id = @id)
                    """, new { clusterId, id, now }, tx);
                if (added > 0)
                    await audit.WriteAsync(connection, tx, seedActor, ActorStore.AddAction, ClusterStore.EntityType, clusterId.Value, null,
                        new { actor = new { Id = id, a.Code } });
                inserted += added;
            }
            await connection.ExecuteAsync("INSERT INTO reference_seed (seed_key, applied_at) VALUES (@key, @now)",
                new { key = $"actor:{ClusterCode}:{a.Code}", now }, tx);
        }

        const string siteKey = "site_project:gwanggyo-bio";
        if (!done.Contains(siteKey))
        {
            var developerId = await connection.ExecuteScalarAsync<long?>("SELECT id FROM agencies WHERE code = 'gh'", transaction: tx);
            var projectId = await connection.ExecuteScalarAsync<long>($"""
                INSERT INTO site_projects (cluster_id, name_ko, name_en, address, latitude, longitude, land_area_m2, floor_area_m2,
                                           floors_below, floors_above, developer_id, state, description, version, created_at, updated_at)
                VALUES (@clusterId, @NameKo, @NameEn, @Address, NULL, NULL, 25000, 145000, 4, 16, @developerId, @State, @Description, 1, @now, @now);
                {dialect.SelectNewId}
                """,
                new
                {
                    clusterId, developerId, now, State = WireNames.Of(SiteProjectState.Planned),
                    NameKo = "광교테크노밸리 바이오 부지 개발", NameEn = "Gwanggyo Techno Valley bio site",
                    Address = "경기도 수원시 영통구 이의동 919",
                    Description = "경기도가 경기주택도시공사(GH)를 통해 개발하는 바이오 종사자의 일터·주거·편의 복합시설 (대지 약 25,000㎡, 지하 4층·지상 16층, 연면적 약 145,000㎡). "
                        + "Work, housing and amenities for bio workers, developed by Gyeonggi Province through GH.",
                }, tx);
            var project = (await SiteProjectStore.GetAsync(connection, tx, projectId))!;
            await audit.WriteAsync(connection, tx, seedActor, "create", SiteProjectStore.EntityType, projectId, null, project.Value);
            await connection.ExecuteAsync("INSERT INTO reference_seed (seed_key, applied_at) VALUES (@key, @now)", new { key = siteKey, now }, tx);
            inserted++;
        }
        return inserted;
    }
}
