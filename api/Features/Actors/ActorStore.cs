using System.Data.Common;
using System.Text.Json;
using BioCluster.Api.Features.Access;
using BioCluster.Api.Features.Agencies;
using BioCluster.Api.Features.Audit;
using BioCluster.Api.Features.Clusters;
using BioCluster.Api.Infrastructure.Data;
using BioCluster.Api.Infrastructure.Http;
using BioCluster.Contracts.Actors;
using BioCluster.Contracts.Common;
using BioCluster.Contracts.Registry;
using Dapper;

namespace BioCluster.Api.Features.Actors;

/// <summary>Filters of the actor list (partner search), already checked by the endpoint.</summary>
public sealed record ActorFilter(
    IReadOnlyList<string> Sectors,
    IReadOnlyList<string> Regions,
    IReadOnlyList<string> Kinds,
    string? Specialization,
    string? ClusterCode,
    string? Query);

/// <summary>
/// All SQL about innovation actors: agencies located in clusters (<c>cluster_actors</c>), their actor profile (sector,
/// specializations, region, on the agency) and the counts by sector per cluster.
/// </summary>
public sealed class ActorStore(DbConnectionFactory db, TimeProvider clock, AuditStore audit)
{
    /// <summary>Adding and removing an actor is a change to the cluster: its history shows who came and went.</summary>
    public const string AddAction = "add_actor", RemoveAction = "remove_actor";

    private static readonly JsonSerializerOptions ReadableJson = new() { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.Create(System.Text.Unicode.UnicodeRanges.All) };

    /// <summary>Specializations as stored: a JSON array with Korean kept as written, so a LIKE on the column finds it.</summary>
    internal static string SpecializationsJson(IEnumerable<string>? specializations) => JsonSerializer.Serialize(specializations ?? [], ReadableJson);

    public sealed class ActorRow
    {
        public long Id { get; set; }
        public string Code { get; set; } = "";
        public string NameKo { get; set; } = "";
        public string? NameEn { get; set; }
        public string Kind { get; set; } = "";
        public string? Sector { get; set; }
        public string Specializations { get; set; } = "[]";
        public string? Region { get; set; }
        public string? Website { get; set; }
        public string Status { get; set; } = "";
        public long Version { get; set; }

        public ActorDto ToDto(IReadOnlyList<ClusterRef> clusters) => new(
            Id, Code, NameKo, NameEn, WireNames.Parse<AgencyKind>(Kind),
            Sector is null ? null : WireNames.Parse<Sector>(Sector),
            JsonSerializer.Deserialize<List<string>>(Specializations) ?? [],
            Region is null ? null : WireNames.Parse<Region>(Region),
            Website, clusters, WireNames.Parse<RecordStatus>(Status));
    }

    private sealed class PlaceRow
    {
        public long AgencyId { get; set; }
        public long Id { get; set; }
        public string Code { get; set; } = "";
        public string NameKo { get; set; } = "";
        public string? NameEn { get; set; }
    }

    public static readonly IReadOnlyList<SortField<ActorRow>> SortFields =
    [
        new("nameKo", "g.name_ko", r => r.NameKo, Keyset.Text),
        new("code", "g.code", r => r.Code, Keyset.Text),
        new("id", "g.id", r => r.Id, Keyset.WholeNumber),
    ];

    private const string Select = """
        SELECT g.id, g.code, g.name_ko, g.name_en, g.kind, g.sector, g.specializations, g.region, g.website, g.status, g.version
        FROM agencies g
        """;

    private static (IReadOnlyList<string> Where, DynamicParameters Parameters) Where(ActorFilter filter)
    {
        var where = new List<string> { "g.status <> 'archived'" };
        var p = new DynamicParameters();
        if (filter.ClusterCode is not null)
        {
            where.Add("EXISTS (SELECT 1 FROM cluster_actors m WHERE m.agency_id = g.id AND m.cluster_id = (SELECT id FROM clusters WHERE code = @ClusterCode))");
            p.Add("ClusterCode", filter.ClusterCode);
        }
        else
        {
            where.Add("EXISTS (SELECT 1 FROM cluster_actors m WHERE m.agency_id = g.id)");
        }
        if (filter.Sectors.Count > 0)
        {
            where.Add("g.sector IN @Sectors");
            p.Add("Sectors", filter.Sectors);
        }
        if (filter.Regions.Count > 0)
        {
            where.Add("g.region IN @Regions");
            p.Add("Regions", filter.Regions);
        }
        if (filter.Kinds.Count > 0)
        {
            where.Add("g.kind IN @Kinds");
            p.Add("Kinds", filter.Kinds);
        }
        if (filter.Specialization is not null)
        {
            where.Add(@"g.specializations LIKE @Specialization ESCAPE '\'");
            p.Add("Specialization", Keyset.Contains(filter.Specialization));
        }
        if (filter.Query is not null)
        {
            where.Add(@"(g.name_ko LIKE @Q ESCAPE '\' OR g.name_en LIKE @Q ESCAPE '\' OR g.code LIKE @Q ESCAPE '\' OR g.specializations LIKE @Q ESCAPE '\')");
            p.Add("Q", Keyset.Contains(filter.Query));
        }
        return (where, p);
    }

    public async Task<Page<ActorDto>> ListAsync(ActorFilter filter, SortSpec<ActorRow> sort, KeysetCursor? cursor, int limit, CancellationToken ct)
    {
        var (where, p) = Where(filter);
        await using var connection = await db.OpenAsync(ct);
        var (page, next, total) = await Keyset.PageAsync(connection, db.Dialect, Select, "agencies g", where, p, sort, cursor, limit, "g.id", r => r.Id);
        var places = await PlacesAsync(connection, null, page.Select(r => r.Id).ToList());
        return new Page<ActorDto>(page.Select(r => r.ToDto(places[r.Id].ToList())).ToList(), next, total);
    }

    /// <summary>Every actor matching the filter, in id order, read 500 at a time (the export).</summary>
    public IAsyncEnumerable<ActorDto> StreamAsync(ActorFilter filter, CancellationToken ct) =>
        Keyset.StreamAsync(db, Select, "agencies g", () => Where(filter), SortFields.Single(f => f.Name == "id"), "g.id", r => r.Id,
            async (connection, rows) =>
            {
                var places = await PlacesAsync(connection, null, rows.Select(r => r.Id).ToList());
                return (IReadOnlyList<ActorDto>)rows.Select(r => r.ToDto(places[r.Id].ToList())).ToList();
            }, ct);

    /// <summary>The clusters each agency is located in (archived clusters left out), keyed by agency id.</summary>
    private static async Task<ILookup<long, ClusterRef>> PlacesAsync(DbConnection connection, DbTransaction? tx, IReadOnlyList<long> agencyIds)
    {
        if (agencyIds.Count == 0) return Array.Empty<ClusterRef>().ToLookup(_ => 0L);
        var rows = await connection.QueryAsync<PlaceRow>("""
            SELECT m.agency_id, c.id, c.code, c.name_ko, c.name_en
            FROM cluster_actors m JOIN clusters c ON c.id = m.cluster_id
            WHERE m.agency_id IN @agencyIds AND c.status <> 'archived'
            ORDER BY c.code
            """, new { agencyIds }, tx);
        return rows.ToLookup(r => r.AgencyId, r => new ClusterRef(r.Id, r.Code, r.NameKo, r.NameEn));
    }

    public async Task<Versioned<ActorDto>?> GetAsync(long agencyId, CancellationToken ct)
    {
        await using var connection = await db.OpenAsync(ct);
        return await GetAsync(connection, null, agencyId);
    }

    internal static async Task<Versioned<ActorDto>?> GetAsync(DbConnection connection, DbTransaction? tx, long agencyId)
    {
        var row = await connection.QuerySingleOrDefaultAsync<ActorRow>($"{Select} WHERE g.id = @agencyId", new { agencyId }, tx);
        if (row is null) return null;
        var places = await PlacesAsync(connection, tx, [row.Id]);
        return new Versioned<ActorDto>(row.ToDto(places[row.Id].ToList()), row.Version);
    }

    private sealed class CountRow
    {
        public long ClusterId { get; set; }
        public string? Sector { get; set; }
        public int Actors { get; set; }
    }

    private sealed class ClusterRow
    {
        public long Id { get; set; }
        public string Code { get; set; } = "";
        public string NameKo { get; set; } = "";
        public string? NameEn { get; set; }
    }

    /// <summary>
    /// Active actors by sector for every active cluster (or one): one GROUP BY over the membership's primary key, which
    /// holds (cluster, agency), joined to the agency by its key. Clusters with no actors answer with zeros.
    /// </summary>
    public async Task<IReadOnlyList<ClusterSectorCountsDto>> CountsAsync(string? clusterCode, CancellationToken ct)
    {
        await using var connection = await db.OpenAsync(ct);
        var clusters = (await connection.QueryAsync<ClusterRow>(
            "SELECT id, code, name_ko, name_en FROM clusters WHERE status <> 'archived' AND (@clusterCode IS NULL OR code = @clusterCode) ORDER BY code",
            new { clusterCode })).ToList();
        var counts = (await connection.QueryAsync<CountRow>("""
            SELECT m.cluster_id, g.sector, COUNT(*) AS actors
            FROM cluster_actors m JOIN agencies g ON g.id = m.agency_id
            WHERE g.status <> 'archived' AND (@clusterCode IS NULL OR m.cluster_id = (SELECT id FROM clusters WHERE code = @clusterCode))
            GROUP BY m.cluster_id, g.sector
            """, new { clusterCode })).ToLookup(c => c.ClusterId);
        return clusters.Select(c =>
        {
            var of = counts[c.Id].ToDictionary(r => r.Sector ?? "", r => r.Actors);
            int N(string sector) => of.TryGetValue(sector, out var n) ? n : 0;
            return new ClusterSectorCountsDto(new ClusterRef(c.Id, c.Code, c.NameKo, c.NameEn),
                N("industry"), N("academia"), N("research"), N("hospital"), N(""), of.Values.Sum());
        }).ToList();
    }

    private sealed class ClusterOwnerRow
    {
        public long Id { get; set; }
        public string Code { get; set; } = "";
        public long OperatorId { get; set; }
        public string Status { get; set; } = "";
    }

    private sealed class AgencyStateRow
    {
        public long Id { get; set; }
        public string Code { get; set; } = "";
        public string NameKo { get; set; } = "";
        public string? Sector { get; set; }
        public string Status { get; set; } = "";
        public long? ClusterId { get; set; }
    }

    /// <summary>What an audit entry of a cluster records of an actor that came or went.</summary>
    private static object Trace(AgencyStateRow a) => new { actor = new { a.Id, a.Code, a.NameKo } };

    /// <summary>
    /// Places an agency in a cluster as one of its actors. Refuses clusters the operator does not run (not found), archived
    /// clusters and agencies, and agencies with no sector yet (set the actor profile first). Placing it again changes nothing.
    /// </summary>
    /// <param name="onlyOperatedBy">For a cluster operator: the agency whose clusters alone it may change.</param>
    public async Task<WriteResult<ActorDto>> AddAsync(long clusterId, long agencyId, Actor actor, long? onlyOperatedBy, CancellationToken ct)
    {
        await using var connection = await db.OpenAsync(ct);
        await using var tx = await connection.BeginTransactionAsync(ct);
        var (cluster, agency, refusal) = await ResolveAsync(connection, tx, clusterId, agencyId, onlyOperatedBy);
        if (refusal is not null) return refusal;
        if (cluster!.Status == "archived") return Refusal.Conflict(Text.Of($"클러스터 '{cluster.Code}'은(는) 보관되었습니다.", $"Cluster '{cluster.Code}' is archived."));
        if (agency!.Status == "archived") return Refusal.Conflict(AgencyRules.Archived(agency.Code));
        if (agency.Sector is null)
            return Refusal.Invalid("sector", Text.Of(
                $"기관 '{agency.Code}'에는 아직 부문(산·학·연·병)이 없습니다. 먼저 혁신 주체 정보에서 부문을 정하십시오.",
                $"Agency '{agency.Code}' has no sector (industry, academia, research, hospital) yet; set its actor profile first."));
        var added = await connection.ExecuteAsync("""
            INSERT INTO cluster_actors (cluster_id, agency_id, added_at)
            SELECT @clusterId, @agencyId, @Now
            WHERE NOT EXISTS (SELECT 1 FROM cluster_actors WHERE cluster_id = @clusterId AND agency_id = @agencyId)
            """, new { clusterId, agencyId, Now = clock.GetUtcNow() }, tx);
        if (added > 0) await audit.WriteAsync(connection, tx, actor, AddAction, ClusterStore.EntityType, clusterId, null, Trace(agency));
        var after = (await GetAsync(connection, tx, agencyId))!;
        await tx.CommitAsync(ct);
        return WriteResult<ActorDto>.Done(after);
    }

    /// <summary>
    /// Takes an agency out of a cluster's actors; if that cluster was its home cluster, the agency has none afterwards
    /// (audited as a change to the agency too). Taking out one that is not there is "not found".
    /// </summary>
    public async Task<WriteResult<ActorDto>> RemoveAsync(long clusterId, long agencyId, Actor actor, long? onlyOperatedBy, CancellationToken ct)
    {
        await using var connection = await db.OpenAsync(ct);
        await using var tx = await connection.BeginTransactionAsync(ct);
        var (_, agency, refusal) = await ResolveAsync(connection, tx, clusterId, agencyId, onlyOperatedBy);
        if (refusal is not null) return refusal;
        var removed = await connection.ExecuteAsync("DELETE FROM cluster_actors WHERE cluster_id = @clusterId AND agency_id = @agencyId",
            new { clusterId, agencyId }, tx);
        if (removed == 0) return Refusal.NotFound;
        if (agency!.ClusterId == clusterId)
        {
            var before = (await AgencyStore.GetAsync(connection, tx, "g.id = @key", agencyId))!;
            await connection.ExecuteAsync("UPDATE agencies SET cluster_id = NULL, version = version + 1, updated_at = @Now WHERE id = @agencyId",
                new { agencyId, Now = clock.GetUtcNow() }, tx);
            var afterAgency = (await AgencyStore.GetAsync(connection, tx, "g.id = @key", agencyId))!;
            await audit.WriteAsync(connection, tx, actor, "update", AgencyStore.EntityType, agencyId, before.Value, afterAgency.Value);
        }
        await audit.WriteAsync(connection, tx, actor, RemoveAction, ClusterStore.EntityType, clusterId, Trace(agency), null);
        var after = (await GetAsync(connection, tx, agencyId))!;
        await tx.CommitAsync(ct);
        return WriteResult<ActorDto>.Done(after);
    }

    private static async Task<(ClusterOwnerRow? Cluster, AgencyStateRow? Agency, Refusal? Refusal)> ResolveAsync(
        DbConnection connection, DbTransaction tx, long clusterId, long agencyId, long? onlyOperatedBy)
    {
        var cluster = await connection.QuerySingleOrDefaultAsync<ClusterOwnerRow>(
            "SELECT id, code, operator_id, status FROM clusters WHERE id = @clusterId", new { clusterId }, tx);
        if (cluster is null || (onlyOperatedBy is { } own && cluster.OperatorId != own)) return (null, null, Refusal.NotFound);
        var agency = await connection.QuerySingleOrDefaultAsync<AgencyStateRow>(
            "SELECT id, code, name_ko, sector, status, cluster_id FROM agencies WHERE id = @agencyId", new { agencyId }, tx);
        if (agency is null) return (cluster, null, Refusal.NotFound);
        return (cluster, agency, null);
    }

    /// <summary>
    /// Replaces an agency's actor profile (sector, specializations, region), If-Match on the agency's version. A cluster
    /// operator may change only actors located in a cluster it operates.
    /// </summary>
    public async Task<WriteResult<ActorDto>> UpdateProfileAsync(long agencyId, long expectedVersion, UpdateActorProfileRequest r, Actor actor,
        long? onlyOperatedBy, CancellationToken ct)
    {
        await using var connection = await db.OpenAsync(ct);
        await using var tx = await connection.BeginTransactionAsync(ct);
        var before = await AgencyStore.GetAsync(connection, tx, "g.id = @key", agencyId);
        if (before is null) return WriteResult<ActorDto>.NotFound;
        if (onlyOperatedBy is { } own && await connection.ExecuteScalarAsync<int>("""
                SELECT COUNT(*) FROM cluster_actors m JOIN clusters c ON c.id = m.cluster_id
                WHERE m.agency_id = @agencyId AND c.operator_id = @own
                """, new { agencyId, own }, tx) == 0)
            return WriteResult<ActorDto>.NotFound;
        var profileBefore = (await GetAsync(connection, tx, agencyId))!;
        var changed = await connection.ExecuteAsync("""
            UPDATE agencies SET sector = @Sector, specializations = @Specializations, region = @Region, version = version + 1, updated_at = @Now
            WHERE id = @agencyId AND version = @expectedVersion
            """,
            new
            {
                agencyId, expectedVersion, Sector = WireNames.Of(r.Sector),
                Specializations = SpecializationsJson(r.Specializations),
                Region = r.Region is { } region ? WireNames.Of(region) : null, Now = clock.GetUtcNow(),
            }, tx);
        if (changed == 0) return WriteResult<ActorDto>.Stale;
        var after = (await GetAsync(connection, tx, agencyId))!;
        await audit.WriteAsync(connection, tx, actor, "update", AgencyStore.EntityType, agencyId, profileBefore.Value, after.Value);
        await tx.CommitAsync(ct);
        return WriteResult<ActorDto>.Done(after);
    }
}
