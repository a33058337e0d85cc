using System.Data.Common;
using System.Text.Json;
using BioCluster.Api.Features.Access;
using BioCluster.Api.Features.Audit;
using BioCluster.Api.Infrastructure.Data;
using BioCluster.Api.Infrastructure.Http;
using BioCluster.Contracts.Common;
using BioCluster.Contracts.Registry;
using Dapper;

namespace BioCluster.Api.Features.Clusters;

/// <summary>Filters of the cluster list, already checked by the endpoint.</summary>
public sealed record ClusterFilter(
    IReadOnlyList<string> Regions,
    string? OperatorCode,
    IReadOnlyList<string> Statuses,
    string? Query);

/// <summary>All SQL about clusters.</summary>
public sealed class ClusterStore(DbConnectionFactory db, TimeProvider clock, AuditStore audit)
{
    public const string EntityType = "cluster";

    public sealed class ClusterRow
    {
        public long Id { get; set; }
        public string Code { get; set; } = "";
        public string NameKo { get; set; } = "";
        public string? NameEn { get; set; }
        public string Region { get; set; } = "";
        public long OperatorId { get; set; }
        public string OperatorCode { get; set; } = "";
        public string OperatorNameKo { get; set; } = "";
        public string? OperatorNameEn { get; set; }
        public string? Designation { get; set; }
        public string Specializations { get; set; } = "[]";
        public int? EstablishedYear { get; set; }
        public double? AreaKm2 { get; set; }
        public double? Latitude { get; set; }
        public double? Longitude { get; set; }
        public string? Website { get; set; }
        public string Status { get; set; } = "";
        public long Version { get; set; }
        public DateTimeOffset CreatedAt { get; set; }
        public DateTimeOffset UpdatedAt { get; set; }

        public ClusterDto ToDto() => new(
            Id, Code, NameKo, NameEn, WireNames.Parse<Region>(Region),
            new AgencyRef(OperatorId, OperatorCode, OperatorNameKo, OperatorNameEn),
            Designation, JsonSerializer.Deserialize<List<string>>(Specializations) ?? [],
            EstablishedYear, AreaKm2, Latitude, Longitude, Website,
            WireNames.Parse<ClusterStatus>(Status), CreatedAt, UpdatedAt);
    }

    public static readonly IReadOnlyList<SortField<ClusterRow>> SortFields =
    [
        new("code", "c.code", r => r.Code, Keyset.Text),
        new("nameKo", "c.name_ko", r => r.NameKo, Keyset.Text),
        new("region", "c.region", r => r.Region, Keyset.Text),
        new("id", "c.id", r => r.Id, Keyset.WholeNumber),
    ];

    private const string Select = """
        SELECT c.id, c.code, c.name_ko, c.name_en, c.region, c.operator_id,
               a.code AS operator_code, a.name_ko AS operator_name_ko, a.name_en AS operator_name_en,
               c.designation, c.specializations, c.established_year, c.area_km2, c.latitude, c.longitude,
               c.website, c.status, c.version, c.created_at, c.updated_at
        FROM clusters c
        JOIN agencies a ON a.id = c.operator_id
        """;

    public async Task<Versioned<ClusterDto>?> GetAsync(long id, CancellationToken ct)
    {
        await using var connection = await db.OpenAsync(ct);
        return await GetAsync(connection, null, id);
    }

    public async Task<Versioned<ClusterDto>?> GetByCodeAsync(string code, CancellationToken ct)
    {
        await using var connection = await db.OpenAsync(ct);
        var row = await connection.QuerySingleOrDefaultAsync<ClusterRow>($"{Select} WHERE c.code = @code", new { code });
        return row is null ? null : new Versioned<ClusterDto>(row.ToDto(), row.Version);
    }

    internal static async Task<Versioned<ClusterDto>?> GetAsync(DbConnection connection, DbTransaction? tx, long id)
    {
        var row = await connection.QuerySingleOrDefaultAsync<ClusterRow>($"{Select} WHERE c.id = @id", new { id }, tx);
        return row is null ? null : new Versioned<ClusterDto>(row.ToDto(), row.Version);
    }

    private static (IReadOnlyList<string> Where, DynamicParameters Parameters) Where(ClusterFilter filter)
    {
        var where = new List<string>();
        var p = new DynamicParameters();
        if (filter.Regions.Count > 0)
        {
            where.Add("c.region IN @Regions");
            p.Add("Regions", filter.Regions);
        }
        if (filter.OperatorCode is not null)
        {
            where.Add("a.code = @OperatorCode");
            p.Add("OperatorCode", filter.OperatorCode);
        }
        if (filter.Statuses.Count > 0)
        {
            where.Add("c.status IN @Statuses");
            p.Add("Statuses", filter.Statuses);
        }
        else
        {
            where.Add("c.status <> 'archived'");
        }
        if (filter.Query is not null)
        {
            where.Add(@"(c.name_ko LIKE @Q ESCAPE '\' OR c.name_en LIKE @Q ESCAPE '\' OR c.code LIKE @Q ESCAPE '\')");
            p.Add("Q", Keyset.Contains(filter.Query));
        }

        return (where, p);
    }

    public async Task<Page<ClusterDto>> ListAsync(ClusterFilter filter, SortSpec<ClusterRow> sort, KeysetCursor? cursor, int limit, CancellationToken ct)
    {
        var (where, p) = Where(filter);
        await using var connection = await db.OpenAsync(ct);
        var (page, next, total) = await Keyset.PageAsync(connection, db.Dialect, Select, "clusters c JOIN agencies a ON a.id = c.operator_id",
            where, p, sort, cursor, limit, "c.id", r => r.Id);
        return new Page<ClusterDto>(page.Select(r => r.ToDto()).ToList(), next, total);
    }

    /// <summary>Every cluster matching the filter, in id order, read 500 at a time, so an export of any size streams.</summary>
    public IAsyncEnumerable<ClusterDto> StreamAsync(ClusterFilter filter, CancellationToken ct) =>
        Keyset.StreamAsync(db, Select, "clusters c JOIN agencies a ON a.id = c.operator_id", () => Where(filter), SortFields.Single(f => f.Name == "id"),
            "c.id", r => r.Id, (_, rows) => Task.FromResult<IReadOnlyList<ClusterDto>>(rows.Select(r => r.ToDto()).ToList()), ct);

    public async Task<StoreResult<Versioned<ClusterDto>>> CreateAsync(CreateClusterRequest r, Actor actor, CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        await using var connection = await db.OpenAsync(ct);
        await using var tx = await connection.BeginTransactionAsync(ct);
        var resolved = await ResolveOperatorAsync(connection, tx, r.OperatorCode);
        if (resolved.Refusal is { } refused) return refused;
        var operatorId = resolved.Value;
        long id;
        try
        {
            id = await connection.ExecuteScalarAsync<long>($"""
                INSERT INTO clusters (code, name_ko, name_en, region, operator_id, designation, specializations,
                                      established_year, area_km2, latitude, longitude, website, status, version, created_at, updated_at)
                VALUES (@Code, @NameKo, @NameEn, @Region, @OperatorId, @Designation, @Specializations,
                        @EstablishedYear, @AreaKm2, @Latitude, @Longitude, @Website, @Status, 1, @Now, @Now);
                {db.Dialect.SelectNewId}
                """,
                new
                {
                    r.Code, r.NameKo, r.NameEn, Region = WireNames.Of(r.Region), OperatorId = operatorId, r.Designation,
                    Specializations = JsonSerializer.Serialize(r.Specializations ?? []),
                    r.EstablishedYear, r.AreaKm2, r.Latitude, r.Longitude, r.Website,
                    Status = WireNames.Of(r.Status ?? ClusterStatus.Active), Now = now,
                }, tx);
        }
        catch (DbException e) when (db.Dialect.IsUniqueViolation(e))
        {
            return Refusal.Conflict(Text.Of($"코드 '{r.Code}'인 클러스터가 이미 있습니다.", $"A cluster with code '{r.Code}' already exists."));
        }
        var created = (await GetAsync(connection, tx, id))!;
        await audit.WriteAsync(connection, tx, actor, "create", EntityType, id, null, created.Value);
        await tx.CommitAsync(ct);
        return created;
    }

    /// <param name="onlyOperatedBy">For a cluster operator: the agency whose clusters alone it may edit
    /// (others are "not found"), and which it may not hand over to another operator.</param>
    public async Task<WriteResult<ClusterDto>> UpdateAsync(long id, long expectedVersion, UpdateClusterRequest r, Actor actor,
        long? onlyOperatedBy, CancellationToken ct)
    {
        await using var connection = await db.OpenAsync(ct);
        await using var tx = await connection.BeginTransactionAsync(ct);
        var before = await GetAsync(connection, tx, id);
        if (before is null || (onlyOperatedBy is { } own && before.Value.Operator.Id != own)) return Refusal.NotFound;
        if (onlyOperatedBy is not null && r.OperatorCode != before.Value.Operator.Code)
            return Refusal.Invalid("operatorCode", Text.Of("운영기관은 클러스터를 다른 운영기관에 넘길 수 없습니다. 협의체 간사에게 요청하십시오.",
                "A cluster operator cannot hand its cluster to another operator; ask the secretariat."));
        // A record's status (under development, active, archived) is the registry's to set: the secretariat and admins.
        if (onlyOperatedBy is not null && r.Status != before.Value.Status)
            return Refusal.Forbidden(Text.Of(
                "클러스터의 상태(운영 중, 조성 중, 보관)는 협의체 간사와 관리자만 바꿀 수 있습니다. 상태는 그대로 두고 보내 주십시오.",
                "Only the secretariat and administrators change a cluster's status; send it unchanged."));
        var resolved = await ResolveOperatorAsync(connection, tx, r.OperatorCode);
        if (resolved.Refusal is { } refused) return refused;
        var operatorId = resolved.Value;
        var changed = await connection.ExecuteAsync("""
            UPDATE clusters
            SET name_ko = @NameKo, name_en = @NameEn, region = @Region, operator_id = @OperatorId,
                designation = @Designation, specializations = @Specializations, established_year = @EstablishedYear,
                area_km2 = @AreaKm2, latitude = @Latitude, longitude = @Longitude, website = @Website,
                status = @Status, version = version + 1, updated_at = @Now
            WHERE id = @Id AND version = @ExpectedVersion
            """,
            new
            {
                Id = id, ExpectedVersion = expectedVersion, r.NameKo, r.NameEn, Region = WireNames.Of(r.Region),
                OperatorId = operatorId, r.Designation, Specializations = JsonSerializer.Serialize(r.Specializations ?? []),
                r.EstablishedYear, r.AreaKm2, r.Latitude, r.Longitude, r.Website, Status = WireNames.Of(r.Status),
                Now = clock.GetUtcNow(),
            }, tx);
        return await FinishWriteAsync(connection, tx, actor, "update", before, changed, ct);
    }

    public async Task<WriteResult<ClusterDto>> ArchiveAsync(long id, long expectedVersion, Actor actor, CancellationToken ct)
    {
        await using var connection = await db.OpenAsync(ct);
        await using var tx = await connection.BeginTransactionAsync(ct);
        var before = await GetAsync(connection, tx, id);
        if (before is null) return WriteResult<ClusterDto>.NotFound;
        var changed = await connection.ExecuteAsync(
            "UPDATE clusters SET status = 'archived', version = version + 1, updated_at = @Now WHERE id = @Id AND version = @ExpectedVersion",
            new { Id = id, ExpectedVersion = expectedVersion, Now = clock.GetUtcNow() }, tx);
        return await FinishWriteAsync(connection, tx, actor, "archive", before, changed, ct);
    }

    /// <summary>
    /// Brings an archived cluster back as active: it is offered for new issues and figures again. Its operator must not be
    /// archived (the cluster would have an operator no picker offers); a cluster under development is set so afterwards
    /// with an edit.
    /// </summary>
    public async Task<WriteResult<ClusterDto>> UnarchiveAsync(long id, long expectedVersion, Actor actor, CancellationToken ct)
    {
        await using var connection = await db.OpenAsync(ct);
        await using var tx = await connection.BeginTransactionAsync(ct);
        var before = await GetAsync(connection, tx, id);
        if (before is null) return WriteResult<ClusterDto>.NotFound;
        if (before.Version != expectedVersion) return WriteResult<ClusterDto>.Stale;
        var c = before.Value;
        if (c.Status != ClusterStatus.Archived)
            return Refusal.Conflict(Text.Of($"클러스터 '{c.Code}'은(는) 보관되어 있지 않습니다.", $"Cluster '{c.Code}' is not archived."));
        var operatorStatus = await connection.ExecuteScalarAsync<string>("SELECT status FROM agencies WHERE id = @id", new { id = c.Operator.Id }, tx);
        if (operatorStatus == "archived")
            return Refusal.Conflict(Text.Of(
                $"운영기관 '{c.Operator.Code}'이(가) 보관되어 있어 클러스터를 되살릴 수 없습니다. 운영기관의 보관을 먼저 해제하십시오.",
                $"The operator '{c.Operator.Code}' is archived; unarchive the operator first."));
        var changed = await connection.ExecuteAsync(
            "UPDATE clusters SET status = 'active', version = version + 1, updated_at = @Now WHERE id = @Id AND version = @ExpectedVersion",
            new { Id = id, ExpectedVersion = expectedVersion, Now = clock.GetUtcNow() }, tx);
        return await FinishWriteAsync(connection, tx, actor, "unarchive", before, changed, ct);
    }

    private async Task<WriteResult<ClusterDto>> FinishWriteAsync(DbConnection connection, DbTransaction tx, Actor actor, string action,
        Versioned<ClusterDto> before, int changed, CancellationToken ct)
    {
        if (changed == 0) return WriteResult<ClusterDto>.Stale;
        var after = (await GetAsync(connection, tx, before.Value.Id))!;
        await audit.WriteAsync(connection, tx, actor, action, EntityType, before.Value.Id, before.Value, after.Value);
        await tx.CommitAsync(ct);
        return WriteResult<ClusterDto>.Done(after);
    }

    private static async Task<StoreResult<long>> ResolveOperatorAsync(DbConnection connection, DbTransaction tx, string code)
    {
        var found = await connection.QuerySingleOrDefaultAsync<AgencyKindRow>(
            "SELECT id, kind, status FROM agencies WHERE code = @code", new { code }, tx);
        return found switch
        {
            null => Refusal.Invalid("operatorCode", Text.Of($"코드 '{code}'인 기관이 없습니다.", $"No agency has the code '{code}'.")),
            { Kind: not "cluster_operator" } => Refusal.Invalid("operatorCode", Text.Of($"기관 '{code}'은(는) 클러스터 운영기관(cluster_operator)이 아닙니다.",
                $"Agency '{code}' is not a cluster operator (kind cluster_operator).")),
            { Status: "archived" } => Refusal.Invalid("operatorCode", Text.Of($"기관 '{code}'은(는) 보관되었습니다.", $"Agency '{code}' is archived.")),
            _ => found.Id,
        };
    }
}
