using System.Data.Common;
using BioCluster.Api.Features.Access;
using BioCluster.Api.Features.Actors;
using BioCluster.Api.Features.Audit;
using BioCluster.Api.Infrastructure.Data;
using BioCluster.Api.Infrastructure.Http;
using BioCluster.Contracts.Common;
using BioCluster.Contracts.Registry;
using Dapper;

namespace BioCluster.Api.Features.Agencies;

/// <summary>Filters of the agency list, already checked by the endpoint.</summary>
public sealed record AgencyFilter(
    IReadOnlyList<string> Kinds,
    IReadOnlyList<string> Sectors,
    IReadOnlyList<string> Statuses,
    string? Query,
    string? ClusterCode = null);

/// <summary>All SQL about agencies.</summary>
public sealed class AgencyStore(DbConnectionFactory db, TimeProvider clock, AuditStore audit)
{
    public const string EntityType = "agency";

    public sealed class AgencyRow
    {
        public long Id { get; set; }
        public string Code { get; set; } = "";
        public string NameKo { get; set; } = "";
        public string? NameEn { get; set; }
        public string Kind { get; set; } = "";
        public string? Sector { get; set; }
        public long? ParentId { get; set; }
        public string? ParentCode { get; set; }
        public string? ParentNameKo { get; set; }
        public string? ParentNameEn { get; set; }
        public long? ClusterId { get; set; }
        public string? ClusterCode { get; set; }
        public string? ClusterNameKo { get; set; }
        public string? ClusterNameEn { get; set; }
        public string? Website { get; set; }
        public string Status { get; set; } = "";
        public long Version { get; set; }
        public DateTimeOffset CreatedAt { get; set; }
        public DateTimeOffset UpdatedAt { get; set; }

        public AgencyDto ToDto(IReadOnlyList<ClusterRef> operated) => new(
            Id, Code, NameKo, NameEn, WireNames.Parse<AgencyKind>(Kind),
            Sector is null ? null : WireNames.Parse<Sector>(Sector),
            ParentId is { } pid ? new AgencyRef(pid, ParentCode!, ParentNameKo!, ParentNameEn) : null,
            ClusterId is { } cid ? new ClusterRef(cid, ClusterCode!, ClusterNameKo!, ClusterNameEn) : null,
            Website, WireNames.Parse<RecordStatus>(Status), operated, CreatedAt, UpdatedAt);
    }

    private sealed class OperatedRow
    {
        public long OperatorId { get; set; }
        public long Id { get; set; }
        public string Code { get; set; } = "";
        public string NameKo { get; set; } = "";
        public string? NameEn { get; set; }
    }

    public static readonly IReadOnlyList<SortField<AgencyRow>> SortFields =
    [
        new("code", "g.code", r => r.Code, Keyset.Text),
        new("nameKo", "g.name_ko", r => r.NameKo, Keyset.Text),
        new("kind", "g.kind", r => r.Kind, Keyset.Text),
        new("id", "g.id", r => r.Id, Keyset.WholeNumber),
    ];

    private const string Select = """
        SELECT g.id, g.code, g.name_ko, g.name_en, g.kind, g.sector, g.parent_id,
               p.code AS parent_code, p.name_ko AS parent_name_ko, p.name_en AS parent_name_en,
               g.cluster_id, k.code AS cluster_code, k.name_ko AS cluster_name_ko, k.name_en AS cluster_name_en,
               g.website, g.status, g.version, g.created_at, g.updated_at
        FROM agencies g
        LEFT JOIN agencies p ON p.id = g.parent_id
        LEFT JOIN clusters k ON k.id = g.cluster_id
        """;

    public async Task<Versioned<AgencyDto>?> GetAsync(long id, CancellationToken ct)
    {
        await using var connection = await db.OpenAsync(ct);
        return await GetAsync(connection, null, "g.id = @key", id);
    }

    public async Task<Versioned<AgencyDto>?> GetByCodeAsync(string code, CancellationToken ct)
    {
        await using var connection = await db.OpenAsync(ct);
        return await GetAsync(connection, null, "g.code = @key", code);
    }

    internal static async Task<Versioned<AgencyDto>?> GetAsync(DbConnection connection, DbTransaction? tx, string predicate, object key)
    {
        var row = await connection.QuerySingleOrDefaultAsync<AgencyRow>($"{Select} WHERE {predicate}", new { key }, tx);
        if (row is null) return null;
        var operated = await OperatedAsync(connection, tx, [row.Id]);
        return new Versioned<AgencyDto>(row.ToDto(operated[row.Id].ToList()), row.Version);
    }

    /// <summary>The clusters each agency operates (archived clusters left out), keyed by agency id.</summary>
    private static async Task<ILookup<long, ClusterRef>> OperatedAsync(DbConnection connection, DbTransaction? tx, IReadOnlyList<long> agencyIds)
    {
        if (agencyIds.Count == 0) return Array.Empty<ClusterRef>().ToLookup(_ => 0L);
        var rows = await connection.QueryAsync<OperatedRow>(
            "SELECT operator_id, id, code, name_ko, name_en FROM clusters WHERE operator_id IN @agencyIds AND status <> 'archived' ORDER BY code",
            new { agencyIds }, tx);
        return rows.ToLookup(r => r.OperatorId, r => new ClusterRef(r.Id, r.Code, r.NameKo, r.NameEn));
    }

    private static (IReadOnlyList<string> Where, DynamicParameters Parameters) Where(AgencyFilter filter)
    {
        var where = new List<string>();
        var p = new DynamicParameters();
        if (filter.Kinds.Count > 0)
        {
            where.Add("g.kind IN @Kinds");
            p.Add("Kinds", filter.Kinds);
        }
        if (filter.Sectors.Count > 0)
        {
            where.Add("g.sector IN @Sectors");
            p.Add("Sectors", filter.Sectors);
        }
        if (filter.Statuses.Count > 0)
        {
            where.Add("g.status IN @Statuses");
            p.Add("Statuses", filter.Statuses);
        }
        else
        {
            where.Add("g.status <> 'archived'");
        }
        if (filter.ClusterCode is not null)
        {
            // Resolved to an id first so the count and the page both seek ix_agencies_cluster.
            where.Add("g.cluster_id = (SELECT id FROM clusters WHERE code = @ClusterCode)");
            p.Add("ClusterCode", filter.ClusterCode);
        }
        if (filter.Query is not null)
        {
            where.Add(@"(g.name_ko LIKE @Q ESCAPE '\' OR g.name_en LIKE @Q ESCAPE '\' OR g.code LIKE @Q ESCAPE '\')");
            p.Add("Q", Keyset.Contains(filter.Query));
        }

        return (where, p);
    }

    public async Task<Page<AgencyDto>> ListAsync(AgencyFilter filter, SortSpec<AgencyRow> sort, KeysetCursor? cursor, int limit, CancellationToken ct)
    {
        var (where, p) = Where(filter);
        await using var connection = await db.OpenAsync(ct);
        var (page, next, total) = await Keyset.PageAsync(connection, db.Dialect, Select, "agencies g", where, p, sort, cursor, limit, "g.id", r => r.Id);
        var operated = await OperatedAsync(connection, null, page.Select(r => r.Id).ToList());
        return new Page<AgencyDto>(page.Select(r => r.ToDto(operated[r.Id].ToList())).ToList(), next, total);
    }

    /// <summary>Every agency matching the filter, in id order, read 500 at a time, so an export of any size streams.</summary>
    public IAsyncEnumerable<AgencyDto> StreamAsync(AgencyFilter filter, CancellationToken ct) =>
        Keyset.StreamAsync(db, Select, "agencies g", () => Where(filter), SortFields.Single(f => f.Name == "id"), "g.id", r => r.Id,
            async (connection, rows) =>
            {
                var operated = await OperatedAsync(connection, null, rows.Select(r => r.Id).ToList());
                return (IReadOnlyList<AgencyDto>)rows.Select(r => r.ToDto(operated[r.Id].ToList())).ToList();
            }, ct);

    public async Task<StoreResult<Versioned<AgencyDto>>> CreateAsync(CreateAgencyRequest r, Actor actor, CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        await using var connection = await db.OpenAsync(ct);
        await using var tx = await connection.BeginTransactionAsync(ct);
        var parent = await ResolveParentAsync(connection, tx, r.ParentCode, selfId: null, currentParentCode: null);
        if (parent.Refusal is { } noParent) return noParent;
        var cluster = await ResolveClusterAsync(connection, tx, r.ClusterCode, current: null);
        if (cluster.Refusal is { } noCluster) return noCluster;
        var (parentId, clusterId) = (parent.Value, cluster.Value);
        long id;
        try
        {
            id = await connection.ExecuteScalarAsync<long>($"""
                INSERT INTO agencies (code, name_ko, name_en, kind, sector, parent_id, cluster_id, website, status, version, created_at, updated_at)
                VALUES (@Code, @NameKo, @NameEn, @Kind, @Sector, @ParentId, @ClusterId, @Website, 'active', 1, @Now, @Now);
                {db.Dialect.SelectNewId}
                """,
                new { r.Code, r.NameKo, r.NameEn, Kind = WireNames.Of(r.Kind), Sector = WireNames.Of(r.Sector), ParentId = parentId, ClusterId = clusterId, r.Website, Now = now },
                tx);
        }
        catch (DbException e) when (db.Dialect.IsUniqueViolation(e))
        {
            return Refusal.Conflict(Text.Of($"코드 '{r.Code}'인 기관이 이미 있습니다.", $"An agency with code '{r.Code}' already exists."));
        }
        if (clusterId is not null) await HomeCluster.PlaceAsync(connection, tx, db.Dialect, [id]);
        var created = (await GetAsync(connection, tx, "g.id = @key", id))!;
        await audit.WriteAsync(connection, tx, actor, "create", EntityType, id, null, created.Value);
        await tx.CommitAsync(ct);
        return created;
    }

    public async Task<WriteResult<AgencyDto>> UpdateAsync(long id, long expectedVersion, UpdateAgencyRequest r, Actor actor, CancellationToken ct)
    {
        await using var connection = await db.OpenAsync(ct);
        await using var tx = await connection.BeginTransactionAsync(ct);
        var before = await GetAsync(connection, tx, "g.id = @key", id);
        if (before is null) return WriteResult<AgencyDto>.NotFound;
        var parent = await ResolveParentAsync(connection, tx, r.ParentCode, selfId: id, currentParentCode: before.Value.Parent?.Code);
        if (parent.Refusal is { } noParent) return noParent;
        var parentId = parent.Value;
        if (AgencyRules.ChangesAccess(WireNames.Of(before.Value.Kind), WireNames.Of(r.Kind))
            && await connection.ExecuteScalarAsync<int>($"SELECT COUNT(*) FROM agencies g WHERE g.id = @id AND {AgencyRules.HasBoundAccess}",
                new { id, Now = clock.GetUtcNow() }, tx) > 0)
            return Refusal.Invalid("kind", AgencyRules.KindChangesAccess());
        var cluster = await ResolveClusterAsync(connection, tx, r.ClusterCode, current: before.Value.Cluster);
        if (cluster.Refusal is { } noCluster) return noCluster;
        var clusterId = cluster.Value;
        if (r.Kind != AgencyKind.ClusterOperator)
        {
            var operates = await connection.ExecuteScalarAsync<int>(
                "SELECT COUNT(*) FROM clusters WHERE operator_id = @id AND status <> 'archived'", new { id }, tx);
            if (operates > 0)
                return Refusal.Invalid("kind", Text.Of("이 기관은 클러스터를 운영하므로, 다른 운영기관이 정해질 때까지 cluster_operator로 남아야 합니다.",
                    "This agency operates clusters, so it must stay a cluster_operator until they have another operator."));
        }
        var changed = await connection.ExecuteAsync("""
            UPDATE agencies
            SET name_ko = @NameKo, name_en = @NameEn, kind = @Kind, sector = @Sector, parent_id = @ParentId,
                cluster_id = @ClusterId, website = @Website, version = version + 1, updated_at = @Now
            WHERE id = @Id AND version = @ExpectedVersion
            """,
            new
            {
                Id = id, ExpectedVersion = expectedVersion, r.NameKo, r.NameEn, Kind = WireNames.Of(r.Kind),
                Sector = WireNames.Of(r.Sector), ParentId = parentId, ClusterId = clusterId, r.Website, Now = clock.GetUtcNow(),
            }, tx);
        if (changed > 0 && clusterId is not null) await HomeCluster.PlaceAsync(connection, tx, db.Dialect, [id]);
        return await FinishWriteAsync(connection, tx, actor, "update", before, changed, ct);
    }

    public async Task<WriteResult<AgencyDto>> ArchiveAsync(long id, long expectedVersion, Actor actor, CancellationToken ct)
    {
        await using var connection = await db.OpenAsync(ct);
        await using var tx = await connection.BeginTransactionAsync(ct);
        var before = await GetAsync(connection, tx, "g.id = @key", id);
        if (before is null) return WriteResult<AgencyDto>.NotFound;
        var changed = await connection.ExecuteAsync(
            "UPDATE agencies SET status = 'archived', version = version + 1, updated_at = @Now WHERE id = @Id AND version = @ExpectedVersion",
            new { Id = id, ExpectedVersion = expectedVersion, Now = clock.GetUtcNow() }, tx);
        if (changed > 0)
        {
            var operates = await connection.ExecuteScalarAsync<int>(
                "SELECT COUNT(*) FROM clusters WHERE operator_id = @id AND status <> 'archived'", new { id }, tx);
            if (operates > 0)
                return Refusal.Conflict(Text.Of("이 기관은 아직 클러스터를 운영합니다. 먼저 다른 운영기관을 정하거나 클러스터를 보관하십시오.",
                    "This agency still operates clusters; give them another operator or archive them first."));
        }
        return await FinishWriteAsync(connection, tx, actor, "archive", before, changed, ct);
    }

    /// <summary>
    /// Brings an archived agency back: it is offered in pickers and may be routed issues again. Its references and history
    /// were kept while it was archived, so nothing else changes.
    /// </summary>
    public async Task<WriteResult<AgencyDto>> UnarchiveAsync(long id, long expectedVersion, Actor actor, CancellationToken ct)
    {
        await using var connection = await db.OpenAsync(ct);
        await using var tx = await connection.BeginTransactionAsync(ct);
        var before = await GetAsync(connection, tx, "g.id = @key", id);
        if (before is null) return WriteResult<AgencyDto>.NotFound;
        if (before.Version != expectedVersion) return WriteResult<AgencyDto>.Stale;
        if (before.Value.Status != RecordStatus.Archived) return Refusal.Conflict(AgencyRules.NotArchived(before.Value.Code));
        var changed = await connection.ExecuteAsync(
            "UPDATE agencies SET status = 'active', version = version + 1, updated_at = @Now WHERE id = @Id AND version = @ExpectedVersion",
            new { Id = id, ExpectedVersion = expectedVersion, Now = clock.GetUtcNow() }, tx);
        return await FinishWriteAsync(connection, tx, actor, "unarchive", before, changed, ct);
    }

    private async Task<WriteResult<AgencyDto>> FinishWriteAsync(DbConnection connection, DbTransaction tx, Actor actor, string action,
        Versioned<AgencyDto> before, int changed, CancellationToken ct)
    {
        if (changed == 0) return WriteResult<AgencyDto>.Stale;
        var after = (await GetAsync(connection, tx, "g.id = @key", before.Value.Id))!;
        await audit.WriteAsync(connection, tx, actor, action, EntityType, before.Value.Id, before.Value, after.Value);
        await tx.CommitAsync(ct);
        return WriteResult<AgencyDto>.Done(after);
    }

    private sealed class ClusterStatusRow
    {
        public long Id { get; set; }
        public string Status { get; set; } = "";
    }

    /// <summary>
    /// The id of the cluster the agency is located in; refuses unknown codes, and archived clusters unless
    /// the agency is already there (so an agency in a cluster archived later can still be edited).
    /// </summary>
    private static async Task<StoreResult<long?>> ResolveClusterAsync(DbConnection connection, DbTransaction tx, string? clusterCode, ClusterRef? current)
    {
        if (clusterCode is null) return (long?)null;
        var found = await connection.QuerySingleOrDefaultAsync<ClusterStatusRow>(
            "SELECT id, status FROM clusters WHERE code = @clusterCode", new { clusterCode }, tx);
        if (found is null) return Refusal.Invalid("clusterCode", Text.Of($"코드 '{clusterCode}'인 클러스터가 없습니다.", $"No cluster has the code '{clusterCode}'."));
        if (found.Status == "archived" && current?.Id != found.Id)
            return Refusal.Invalid("clusterCode", Text.Of($"클러스터 '{clusterCode}'은(는) 보관되었습니다.", $"Cluster '{clusterCode}' is archived."));
        return found.Id;
    }

    private sealed class ParentRow
    {
        public long Id { get; set; }
        public string Status { get; set; } = "";
    }

    /// <summary>
    /// The parent's id; refuses unknown parents, archived ones (unless the agency already has it: an agency under a parent
    /// archived later can still be edited) and any parent that would make the hierarchy a loop.
    /// </summary>
    private static async Task<StoreResult<long?>> ResolveParentAsync(DbConnection connection, DbTransaction tx, string? parentCode, long? selfId,
        string? currentParentCode)
    {
        if (parentCode is null) return (long?)null;
        var parent = await connection.QuerySingleOrDefaultAsync<ParentRow>("SELECT id, status FROM agencies WHERE code = @parentCode", new { parentCode }, tx);
        if (parent is null) return Refusal.Invalid("parentCode", Text.Of($"코드 '{parentCode}'인 기관이 없습니다.", $"No agency has the code '{parentCode}'."));
        if (parent.Status == "archived" && parentCode != currentParentCode) return Refusal.Invalid("parentCode", AgencyRules.ParentArchived(parentCode));
        var parentId = parent.Id;
        if (selfId is null) return (long?)parentId;

        // Walk up from the new parent; meeting ourselves means a loop. Depth is bounded by the table size.
        var seen = new HashSet<long>();
        for (long? at = parentId; at is { } current; at = await connection.ExecuteScalarAsync<long?>(
                 "SELECT parent_id FROM agencies WHERE id = @current", new { current }, tx))
        {
            if (current == selfId)
                return Refusal.Invalid("parentCode", Text.Of("기관은 자기 자신이나 자기 상위 기관의 상위 기관이 될 수 없습니다.",
                    "An agency cannot be its own parent or the parent of its own parent."));
            if (!seen.Add(current)) break;
        }
        return (long?)parentId;
    }
}
