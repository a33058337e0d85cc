using System.Data.Common;
using BioCluster.Api.Features.Access;
using BioCluster.Api.Features.Agencies;
using BioCluster.Api.Features.Audit;
using BioCluster.Api.Infrastructure.Data;
using BioCluster.Api.Infrastructure.Http;
using BioCluster.Contracts.Common;
using BioCluster.Contracts.SiteProjects;
using Dapper;

namespace BioCluster.Api.Features.SiteProjects;

/// <summary>Filters of the site-project list, already checked by the endpoint.</summary>
public sealed record SiteProjectFilter(IReadOnlyList<string> States, string? ClusterCode);

/// <summary>All SQL about site projects (the buildings and sites developed in a cluster) and their stages.</summary>
public sealed class SiteProjectStore(DbConnectionFactory db, TimeProvider clock, AuditStore audit)
{
    public const string EntityType = "site_project";

    public sealed class ProjectRow
    {
        public long Id { get; set; }
        public long ClusterId { get; set; }
        public string ClusterCode { get; set; } = "";
        public string ClusterNameKo { get; set; } = "";
        public string? ClusterNameEn { get; set; }
        public long ClusterOperatorId { get; set; }
        public string NameKo { get; set; } = "";
        public string? NameEn { get; set; }
        public string? Address { get; set; }
        public double? Latitude { get; set; }
        public double? Longitude { get; set; }
        public double? LandAreaM2 { get; set; }
        public double? FloorAreaM2 { get; set; }
        public int? FloorsBelow { get; set; }
        public int? FloorsAbove { get; set; }
        public long? DeveloperId { get; set; }
        public string? DeveloperCode { get; set; }
        public string? DeveloperNameKo { get; set; }
        public string? DeveloperNameEn { get; set; }
        public string State { get; set; } = "";
        public string? Description { get; set; }
        public string? ExternalRef { get; set; }
        public long Version { get; set; }
        public DateTimeOffset CreatedAt { get; set; }
        public DateTimeOffset UpdatedAt { get; set; }

        public SiteProjectDto ToDto(IReadOnlyList<SiteProjectStage> stages) => new(
            Id, new ClusterRef(ClusterId, ClusterCode, ClusterNameKo, ClusterNameEn), NameKo, NameEn, Address, Latitude, Longitude,
            LandAreaM2, FloorAreaM2, FloorsBelow, FloorsAbove,
            DeveloperId is { } d ? new AgencyRef(d, DeveloperCode!, DeveloperNameKo!, DeveloperNameEn) : null,
            WireNames.Parse<SiteProjectState>(State), Description, stages, CreatedAt, UpdatedAt, ExternalRef);
    }

    private sealed class StageRow
    {
        public long ProjectId { get; set; }
        public int Position { get; set; }
        public string NameKo { get; set; } = "";
        public string? NameEn { get; set; }
        public DateOnly? PlannedStart { get; set; }
        public DateOnly? PlannedEnd { get; set; }
        public DateOnly? ActualStart { get; set; }
        public DateOnly? ActualEnd { get; set; }
    }

    public static readonly IReadOnlyList<SortField<ProjectRow>> SortFields =
    [
        new("id", "p.id", r => r.Id, Keyset.WholeNumber),
        new("nameKo", "p.name_ko", r => r.NameKo, Keyset.Text),
    ];

    private const string Select = """
        SELECT p.id, p.cluster_id, c.code AS cluster_code, c.name_ko AS cluster_name_ko, c.name_en AS cluster_name_en,
               c.operator_id AS cluster_operator_id, p.name_ko, p.name_en, p.address, p.latitude, p.longitude,
               p.land_area_m2, p.floor_area_m2, p.floors_below, p.floors_above, p.developer_id,
               d.code AS developer_code, d.name_ko AS developer_name_ko, d.name_en AS developer_name_en,
               p.state, p.description, p.external_ref, p.version, p.created_at, p.updated_at
        FROM site_projects p
        JOIN clusters c ON c.id = p.cluster_id
        LEFT JOIN agencies d ON d.id = p.developer_id
        """;

    private static async Task<ILookup<long, SiteProjectStage>> StagesAsync(DbConnection connection, DbTransaction? tx, IReadOnlyList<long> ids)
    {
        if (ids.Count == 0) return Array.Empty<SiteProjectStage>().ToLookup(_ => 0L);
        var rows = await connection.QueryAsync<StageRow>("""
            SELECT project_id, position, name_ko, name_en, planned_start, planned_end, actual_start, actual_end
            FROM site_project_stages WHERE project_id IN @ids ORDER BY project_id, position
            """, new { ids }, tx);
        return rows.ToLookup(r => r.ProjectId, r => new SiteProjectStage(r.NameKo, r.NameEn, r.PlannedStart, r.PlannedEnd, r.ActualStart, r.ActualEnd));
    }

    private static (IReadOnlyList<string> Where, DynamicParameters Parameters) Where(SiteProjectFilter filter)
    {
        var where = new List<string>();
        var p = new DynamicParameters();
        if (filter.ClusterCode is not null)
        {
            where.Add("p.cluster_id = (SELECT id FROM clusters WHERE code = @ClusterCode)");
            p.Add("ClusterCode", filter.ClusterCode);
        }
        if (filter.States.Count > 0)
        {
            where.Add("p.state IN @States");
            p.Add("States", filter.States);
        }
        return (where, p);
    }

    public async Task<Page<SiteProjectDto>> ListAsync(SiteProjectFilter filter, SortSpec<ProjectRow> sort, KeysetCursor? cursor, int limit, CancellationToken ct)
    {
        var (where, p) = Where(filter);
        await using var connection = await db.OpenAsync(ct);
        var (page, next, total) = await Keyset.PageAsync(connection, db.Dialect, Select, "site_projects p", where, p, sort, cursor, limit, "p.id", r => r.Id);
        var stages = await StagesAsync(connection, null, page.Select(r => r.Id).ToList());
        return new Page<SiteProjectDto>(page.Select(r => r.ToDto(stages[r.Id].ToList())).ToList(), next, total);
    }

    /// <summary>Every site project the filters match, by id, 500 at a time (the export).</summary>
    public IAsyncEnumerable<SiteProjectDto> StreamAsync(SiteProjectFilter filter, CancellationToken ct) =>
        Keyset.StreamAsync<ProjectRow, SiteProjectDto>(db, Select, "site_projects p", () => Where(filter), SortFields.Single(f => f.Name == "id"), "p.id", r => r.Id,
            async (connection, rows) =>
            {
                var stages = await StagesAsync(connection, null, rows.Select(r => r.Id).ToList());
                return rows.Select(r => r.ToDto(stages[r.Id].ToList())).ToList();
            }, ct);

    public async Task<Versioned<SiteProjectDto>?> GetAsync(long id, CancellationToken ct)
    {
        await using var connection = await db.OpenAsync(ct);
        return (await GetRowAsync(connection, null, id))?.Project;
    }

    internal static async Task<Versioned<SiteProjectDto>?> GetAsync(DbConnection connection, DbTransaction? tx, long id) =>
        (await GetRowAsync(connection, tx, id))?.Project;

    private static async Task<(Versioned<SiteProjectDto> Project, long OperatorId)?> GetRowAsync(DbConnection connection, DbTransaction? tx, long id)
    {
        var row = await connection.QuerySingleOrDefaultAsync<ProjectRow>($"{Select} WHERE p.id = @id", new { id }, tx);
        if (row is null) return null;
        var stages = await StagesAsync(connection, tx, [row.Id]);
        return (new Versioned<SiteProjectDto>(row.ToDto(stages[row.Id].ToList()), row.Version), row.ClusterOperatorId);
    }

    private sealed class ClusterRow
    {
        public long Id { get; set; }
        public long OperatorId { get; set; }
        public string Status { get; set; } = "";
    }

    /// <summary>
    /// Registers a site project in a cluster. A cluster operator may register projects only in the clusters it operates:
    /// another cluster is refused as forbidden (it can see them, but not change them).
    /// </summary>
    public async Task<StoreResult<Versioned<SiteProjectDto>>> CreateAsync(CreateSiteProjectRequest r, Actor actor, long? onlyOperatedBy, CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        await using var connection = await db.OpenAsync(ct);
        await using var tx = await connection.BeginTransactionAsync(ct);
        var cluster = await connection.QuerySingleOrDefaultAsync<ClusterRow>(
            "SELECT id, operator_id, status FROM clusters WHERE code = @ClusterCode", new { r.ClusterCode }, tx);
        if (cluster is null)
            return Refusal.Invalid("clusterCode", Text.Of($"코드 '{r.ClusterCode}'인 클러스터가 없습니다.", $"No cluster has the code '{r.ClusterCode}'."));
        if (onlyOperatedBy is { } own && cluster.OperatorId != own)
            return Refusal.Forbidden(Text.Of("운영기관은 자기 클러스터의 현장 사업만 등록할 수 있습니다.",
                "A cluster operator registers site projects only in the clusters it operates."));
        if (cluster.Status == "archived")
            return Refusal.Invalid("clusterCode", Text.Of($"클러스터 '{r.ClusterCode}'은(는) 보관되었습니다.", $"Cluster '{r.ClusterCode}' is archived."));
        var developer = await ResolveDeveloperAsync(connection, tx, r.DeveloperCode, currentCode: null);
        if (developer.Refusal is { } noDeveloper) return noDeveloper;
        var id = await connection.ExecuteScalarAsync<long>($"""
            INSERT INTO site_projects (cluster_id, name_ko, name_en, address, latitude, longitude, land_area_m2, floor_area_m2,
                                       floors_below, floors_above, developer_id, state, description, version, created_at, updated_at)
            VALUES (@ClusterId, @NameKo, @NameEn, @Address, @Latitude, @Longitude, @LandAreaM2, @FloorAreaM2,
                    @FloorsBelow, @FloorsAbove, @DeveloperId, @State, @Description, 1, @Now, @Now);
            {db.Dialect.SelectNewId}
            """, Fields(r, developer.Value, now, new { ClusterId = cluster.Id }), tx);
        await WriteStagesAsync(connection, tx, id, r.Stages);
        var created = (await GetRowAsync(connection, tx, id))!.Value.Project;
        await audit.WriteAsync(connection, tx, actor, "create", EntityType, id, null, created.Value);
        await tx.CommitAsync(ct);
        return created;
    }

    /// <summary>Replaces a site project's fields and stages (If-Match). To an operator, other clusters' projects do not exist.</summary>
    public async Task<WriteResult<SiteProjectDto>> UpdateAsync(long id, long expectedVersion, UpdateSiteProjectRequest r, Actor actor, long? onlyOperatedBy,
        CancellationToken ct)
    {
        await using var connection = await db.OpenAsync(ct);
        await using var tx = await connection.BeginTransactionAsync(ct);
        var before = await GetRowAsync(connection, tx, id);
        if (before is null || (onlyOperatedBy is { } own && before.Value.OperatorId != own)) return WriteResult<SiteProjectDto>.NotFound;
        var developer = await ResolveDeveloperAsync(connection, tx, r.DeveloperCode, before.Value.Project.Value.Developer?.Code);
        if (developer.Refusal is { } noDeveloper) return noDeveloper;
        var changed = await connection.ExecuteAsync("""
            UPDATE site_projects
            SET name_ko = @NameKo, name_en = @NameEn, address = @Address, latitude = @Latitude, longitude = @Longitude,
                land_area_m2 = @LandAreaM2, floor_area_m2 = @FloorAreaM2, floors_below = @FloorsBelow, floors_above = @FloorsAbove,
                developer_id = @DeveloperId, state = @State, description = @Description, version = version + 1, updated_at = @Now
            WHERE id = @Id AND version = @ExpectedVersion
            """, Fields(r, developer.Value, clock.GetUtcNow(), new { Id = id, ExpectedVersion = expectedVersion }), tx);
        if (changed == 0) return WriteResult<SiteProjectDto>.Stale;
        await connection.ExecuteAsync("DELETE FROM site_project_stages WHERE project_id = @id", new { id }, tx);
        await WriteStagesAsync(connection, tx, id, r.Stages);
        var after = (await GetRowAsync(connection, tx, id))!.Value.Project;
        await audit.WriteAsync(connection, tx, actor, "update", EntityType, id, before.Value.Project.Value, after.Value);
        await tx.CommitAsync(ct);
        return after;
    }

    /// <summary>Deletes a site project and its stages (If-Match); the audit trail keeps what it was.</summary>
    public async Task<WriteResult<SiteProjectDto>> DeleteAsync(long id, long expectedVersion, Actor actor, long? onlyOperatedBy, CancellationToken ct)
    {
        await using var connection = await db.OpenAsync(ct);
        await using var tx = await connection.BeginTransactionAsync(ct);
        var before = await GetRowAsync(connection, tx, id);
        if (before is null || (onlyOperatedBy is { } own && before.Value.OperatorId != own)) return WriteResult<SiteProjectDto>.NotFound;
        if (before.Value.Project.Version != expectedVersion) return WriteResult<SiteProjectDto>.Stale;
        await connection.ExecuteAsync("DELETE FROM site_project_stages WHERE project_id = @id", new { id }, tx);
        var deleted = await connection.ExecuteAsync("DELETE FROM site_projects WHERE id = @id AND version = @expectedVersion", new { id, expectedVersion }, tx);
        if (deleted == 0) return WriteResult<SiteProjectDto>.Stale;
        await audit.WriteAsync(connection, tx, actor, "delete", EntityType, id, before.Value.Project.Value, null);
        await tx.CommitAsync(ct);
        return before.Value.Project;
    }

    private static DynamicParameters Fields(ISiteProjectFields r, long? developerId, DateTimeOffset now, object extra)
    {
        var p = new DynamicParameters(extra);
        p.AddDynamicParams(new
        {
            r.NameKo, r.NameEn, r.Address, r.Latitude, r.Longitude, r.LandAreaM2, r.FloorAreaM2, r.FloorsBelow, r.FloorsAbove,
            DeveloperId = developerId, State = WireNames.Of(r.State), r.Description, Now = now,
        });
        return p;
    }

    private static async Task WriteStagesAsync(DbConnection connection, DbTransaction tx, long id, IReadOnlyList<SiteProjectStage>? stages)
    {
        var position = 0;
        foreach (var s in stages ?? [])
            await connection.ExecuteAsync("""
                INSERT INTO site_project_stages (project_id, position, name_ko, name_en, planned_start, planned_end, actual_start, actual_end)
                VALUES (@id, @position, @NameKo, @NameEn, @PlannedStart, @PlannedEnd, @ActualStart, @ActualEnd)
                """, new { id, position = ++position, s.NameKo, s.NameEn, s.PlannedStart, s.PlannedEnd, s.ActualStart, s.ActualEnd }, tx);
    }

    private sealed class AgencyStateRow
    {
        public long Id { get; set; }
        public string Status { get; set; } = "";
    }

    /// <summary>The developer's id; refuses unknown codes, and archived agencies unless the project already has it.</summary>
    private static async Task<StoreResult<long?>> ResolveDeveloperAsync(DbConnection connection, DbTransaction tx, string? code, string? currentCode)
    {
        if (code is null) return (long?)null;
        var found = await connection.QuerySingleOrDefaultAsync<AgencyStateRow>("SELECT id, status FROM agencies WHERE code = @code", new { code }, tx);
        if (found is null) return Refusal.Invalid("developerCode", Text.Of($"코드 '{code}'인 기관이 없습니다.", $"No agency has the code '{code}'."));
        if (found.Status == "archived" && code != currentCode) return Refusal.Invalid("developerCode", AgencyRules.Archived(code));
        return (long?)found.Id;
    }
}
