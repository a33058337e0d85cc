using System.Data.Common;
using BioCluster.Api.Features.Access;
using BioCluster.Api.Features.Audit;
using BioCluster.Api.Infrastructure.Data;
using BioCluster.Api.Infrastructure.Http;
using BioCluster.Api.Infrastructure.Workflow;
using BioCluster.Contracts.Access;
using BioCluster.Contracts.CollaborationProjects;
using BioCluster.Contracts.Common;
using Dapper;

namespace BioCluster.Api.Features.CollaborationProjects;

/// <summary>Filters of the collaboration-project list, already checked by the endpoint.</summary>
public sealed record CollaborationFilter(IReadOnlyList<CollaborationState> States, long? ClusterId, string? ClusterCode, string? AgencyCode, string? Query,
    long? MeetingId, long? AgendaItemId);

/// <summary>All SQL about collaboration projects (협력 사업, ADR 0025): the record, its partners, its moves.</summary>
public sealed class CollaborationProjectStore(DbConnectionFactory db, TimeProvider clock, AuditStore audit)
{
    public const string EntityType = "collaboration_project";
    public const string AddPartnerAction = "add_partner";
    public const string RemovePartnerAction = "remove_partner";

    public sealed class ProjectRow
    {
        public long Id { get; set; }
        public string TitleKo { get; set; } = "";
        public string? TitleEn { get; set; }
        public string Summary { get; set; } = "";
        public DateOnly? StartsOn { get; set; }
        public DateOnly? EndsOn { get; set; }
        public long? BudgetKrw { get; set; }
        public string State { get; set; } = "";
        public string? StateNote { get; set; }
        public string? Outcomes { get; set; }
        public long? SourceMeetingId { get; set; }
        public int? MeetingNumber { get; set; }
        public string? MeetingTitleKo { get; set; }
        public DateTimeOffset? MeetingStartsAt { get; set; }
        public long? SourceAgendaItemId { get; set; }
        public string? AgendaTitleKo { get; set; }
        public string? AgendaVisibility { get; set; }
        public string? ExternalRef { get; set; }
        public long Version { get; set; }
        public DateTimeOffset CreatedAt { get; set; }
        public DateTimeOffset UpdatedAt { get; set; }

        public CollaborationState StateValue => WireNames.Parse<CollaborationState>(State);
    }

    private sealed class PartnerRow
    {
        public long PartnerId { get; set; }
        public long ProjectId { get; set; }
        public long? ClusterId { get; set; }
        public long? AgencyId { get; set; }
        public string Code { get; set; } = "";
        public string NameKo { get; set; } = "";
        public string? NameEn { get; set; }
        public string Role { get; set; } = "";
        public long? OperatorId { get; set; }

        public CollaborationPartnerDto ToDto() => new(PartnerId, ClusterId is null ? PartnerKind.Agency : PartnerKind.Cluster, ClusterId ?? AgencyId!.Value,
            Code, NameKo, NameEn, WireNames.Parse<PartnerRole>(Role));
    }

    public static readonly IReadOnlyList<SortField<ProjectRow>> SortFields =
    [
        SortField<ProjectRow>.Instant("createdAt", "r.created_at", r => r.CreatedAt),
        new("titleKo", "r.title_ko", r => r.TitleKo, Keyset.Text),
        new("id", "r.id", r => r.Id, Keyset.WholeNumber),
    ];

    private const string Select = """
        SELECT r.id, r.title_ko, r.title_en, r.summary, r.starts_on, r.ends_on, r.budget_krw, r.state, r.state_note, r.outcomes,
               r.source_meeting_id, m.number AS meeting_number, m.title_ko AS meeting_title_ko, m.starts_at AS meeting_starts_at,
               r.source_agenda_item_id, a.title_ko AS agenda_title_ko, a.visibility AS agenda_visibility,
               r.external_ref, r.version, r.created_at, r.updated_at
        FROM collaboration_projects r
        LEFT JOIN meetings m ON m.id = r.source_meeting_id
        LEFT JOIN agenda_items a ON a.id = r.source_agenda_item_id
        """;

    private const string From = "collaboration_projects r";

    /// <summary>The secretariat, administrators and the registry's write keys keep every project.</summary>
    public static bool Manages(Actor actor) => actor.Can(Permissions.RegistryWrite);

    /// <summary>The caller's part in a project, given the operators of its partner clusters.</summary>
    public static CollaborationParty PartyOf(Actor actor, IEnumerable<long?> clusterOperators)
    {
        var party = CollaborationParty.None;
        if (actor.Role == Role.Admin) party |= CollaborationParty.Admin;
        if (Manages(actor)) party |= CollaborationParty.Secretariat;
        if (actor.Can(Permissions.ClusterEditOwn) && actor.AgencyId is { } own && clusterOperators.Any(o => o == own)) party |= CollaborationParty.PartnerOperator;
        return party;
    }

    private static async Task<ILookup<long, PartnerRow>> PartnersAsync(DbConnection connection, DbTransaction? tx, IReadOnlyList<long> ids)
    {
        if (ids.Count == 0) return Array.Empty<PartnerRow>().ToLookup(p => p.ProjectId);
        var rows = await connection.QueryAsync<PartnerRow>("""
            SELECT p.id AS partner_id, p.project_id, p.cluster_id, p.agency_id, COALESCE(c.code, g.code) AS code,
                   COALESCE(c.name_ko, g.name_ko) AS name_ko, COALESCE(c.name_en, g.name_en) AS name_en, p.role, c.operator_id
            FROM collaboration_partners p
            LEFT JOIN clusters c ON c.id = p.cluster_id
            LEFT JOIN agencies g ON g.id = p.agency_id
            WHERE p.project_id IN @ids
            ORDER BY p.project_id, p.id
            """, new { ids }, tx);
        return rows.ToLookup(p => p.ProjectId);
    }

    private static async Task<IReadOnlyList<CollaborationProjectDto>> ToDtosAsync(DbConnection connection, DbTransaction? tx, IReadOnlyList<ProjectRow> rows,
        Actor actor)
    {
        if (rows.Count == 0) return [];
        var partners = await PartnersAsync(connection, tx, rows.Select(r => r.Id).ToList());
        return rows.Select(r =>
        {
            var mine = partners[r.Id].ToList();
            var party = PartyOf(actor, mine.Select(p => p.OperatorId));
            var state = r.StateValue;
            var showItem = r.AgendaVisibility is null or "public" || actor.Can(Permissions.CouncilManage);
            return new CollaborationProjectDto(r.Id, r.TitleKo, r.TitleEn, r.Summary, mine.Select(p => p.ToDto()).ToList(), r.StartsOn, r.EndsOn, r.BudgetKrw,
                state, r.StateNote, r.Outcomes,
                r.SourceMeetingId is { } meeting
                    ? new CollaborationSourceDto(meeting, r.MeetingNumber, r.MeetingTitleKo!, r.MeetingStartsAt!.Value,
                        showItem ? r.SourceAgendaItemId : null, showItem ? r.AgendaTitleKo : null)
                    : null,
                r.ExternalRef, party != CollaborationParty.None,
                CollaborationWorkflow.MovesFor(state, party), CollaborationWorkflow.MoveFormsFor(state, party), r.CreatedAt, r.UpdatedAt);
        }).ToList();
    }

    private static Task<ProjectRow?> RowAsync(DbConnection connection, DbTransaction? tx, long id) =>
        connection.QuerySingleOrDefaultAsync<ProjectRow>($"{Select} WHERE r.id = @id", new { id }, tx);

    private static async Task<Versioned<CollaborationProjectDto>> VersionedAsync(DbConnection connection, DbTransaction? tx, ProjectRow row, Actor actor) =>
        new((await ToDtosAsync(connection, tx, [row], actor))[0], row.Version);

    public async Task<Versioned<CollaborationProjectDto>?> GetAsync(long id, Actor actor, CancellationToken ct)
    {
        await using var connection = await db.OpenAsync(ct);
        return await RowAsync(connection, null, id) is { } row ? await VersionedAsync(connection, null, row, actor) : null;
    }

    public async Task<bool> ExistsAsync(long id, CancellationToken ct)
    {
        await using var connection = await db.OpenAsync(ct);
        return await connection.ExecuteScalarAsync<long?>("SELECT id FROM collaboration_projects WHERE id = @id", new { id }) is not null;
    }

    /// <summary>Whether the caller may change the project (the secretariat; an operator of one of its partner clusters).</summary>
    public async Task<bool> MayEditAsync(long id, Actor actor, CancellationToken ct)
    {
        await using var connection = await db.OpenAsync(ct);
        if (await connection.ExecuteScalarAsync<long?>("SELECT id FROM collaboration_projects WHERE id = @id", new { id }) is null) return false;
        return PartyOf(actor, (await PartnersAsync(connection, null, [id]))[id].Select(p => p.OperatorId)) != CollaborationParty.None;
    }

    private static (IReadOnlyList<string> Where, DynamicParameters Parameters) Where(CollaborationFilter filter)
    {
        var p = new DynamicParameters();
        var where = new List<string>();
        if (filter.States.Count > 0) { where.Add("r.state IN @states"); p.Add("states", filter.States.Select(s => WireNames.Of(s)).ToList()); }
        if (filter.ClusterId is { } clusterId)
        {
            where.Add("EXISTS (SELECT 1 FROM collaboration_partners pc WHERE pc.project_id = r.id AND pc.cluster_id = @clusterId)");
            p.Add("clusterId", clusterId);
        }
        if (filter.ClusterCode is { } cluster)
        {
            where.Add("EXISTS (SELECT 1 FROM collaboration_partners pc JOIN clusters c ON c.id = pc.cluster_id WHERE pc.project_id = r.id AND c.code = @cluster)");
            p.Add("cluster", cluster);
        }
        if (filter.AgencyCode is { } agency)
        {
            where.Add("EXISTS (SELECT 1 FROM collaboration_partners pa JOIN agencies g ON g.id = pa.agency_id WHERE pa.project_id = r.id AND g.code = @agency)");
            p.Add("agency", agency);
        }
        if (filter.Query is { } q)
        {
            where.Add(@"(r.title_ko LIKE @q ESCAPE '\' OR r.title_en LIKE @q ESCAPE '\' OR r.summary LIKE @q ESCAPE '\')");
            p.Add("q", Keyset.Contains(q));
        }
        if (filter.MeetingId is { } meeting) { where.Add("r.source_meeting_id = @meeting"); p.Add("meeting", meeting); }
        if (filter.AgendaItemId is { } item) { where.Add("r.source_agenda_item_id = @item"); p.Add("item", item); }
        return (where, p);
    }

    public async Task<Page<CollaborationProjectDto>> ListAsync(CollaborationFilter filter, Actor actor, SortSpec<ProjectRow> sort, KeysetCursor? cursor, int limit,
        CancellationToken ct)
    {
        var (where, p) = Where(filter);
        await using var connection = await db.OpenAsync(ct);
        var (rows, next, total) = await Keyset.PageAsync(connection, db.Dialect, Select, From, where, p, sort, cursor, limit, "r.id", r => r.Id);
        return new Page<CollaborationProjectDto>(await ToDtosAsync(connection, null, rows, actor), next, total);
    }

    /// <summary>Every project the filters match, by id, 500 at a time (the export).</summary>
    public IAsyncEnumerable<CollaborationProjectDto> StreamAsync(CollaborationFilter filter, Actor actor, CancellationToken ct) =>
        Keyset.StreamAsync<ProjectRow, CollaborationProjectDto>(db, Select, From, () => Where(filter), SortFields.Single(f => f.Name == "id"), "r.id", r => r.Id,
            async (connection, rows) => await ToDtosAsync(connection, null, rows, actor), ct);

    /// <summary>A partner resolved to its cluster or agency.</summary>
    public sealed record ResolvedPartner(long? ClusterId, long? AgencyId, string Role, long? OperatorId);

    private sealed class ClusterRow
    {
        public long Id { get; set; }
        public long? OperatorId { get; set; }
        public string Status { get; set; } = "";
    }

    private sealed class AgencyRow
    {
        public long Id { get; set; }
        public string Status { get; set; } = "";
    }

    private static async Task<StoreResult<ResolvedPartner>> ResolvePartnerAsync(DbConnection connection, DbTransaction tx, CollaborationPartnerRequest r, string field)
    {
        var role = WireNames.Of(r.Role);
        if (ListRules.Normal(r.ClusterCode) is { } clusterCode)
        {
            var cluster = await connection.QuerySingleOrDefaultAsync<ClusterRow>("SELECT id, operator_id, status FROM clusters WHERE code = @clusterCode",
                new { clusterCode }, tx);
            if (cluster is null) return Refusal.Invalid(field, Text.Of($"코드 '{clusterCode}'인 클러스터가 없습니다.", $"No cluster has the code '{clusterCode}'."));
            if (cluster.Status == "archived")
                return Refusal.Invalid(field, Text.Of($"클러스터 '{clusterCode}'은(는) 보관되었습니다.", $"Cluster '{clusterCode}' is archived."));
            return new ResolvedPartner(cluster.Id, null, role, cluster.OperatorId);
        }
        var agencyCode = ListRules.Normal(r.AgencyCode)!;
        var agency = await connection.QuerySingleOrDefaultAsync<AgencyRow>("SELECT id, status FROM agencies WHERE code = @agencyCode", new { agencyCode }, tx);
        if (agency is null) return Refusal.Invalid(field, Text.Of($"코드 '{agencyCode}'인 기관이 없습니다.", $"No agency has the code '{agencyCode}'."));
        if (agency.Status == "archived")
            return Refusal.Invalid(field, Text.Of($"기관 '{agencyCode}'은(는) 보관되었습니다.", $"Agency '{agencyCode}' is archived."));
        return new ResolvedPartner(null, agency.Id, role, null);
    }

    /// <summary>The partners of a new project: each one once, at least one cluster, at most one lead.</summary>
    private static async Task<StoreResult<List<ResolvedPartner>>> ResolvePartnersAsync(DbConnection connection, DbTransaction tx,
        IReadOnlyList<CollaborationPartnerRequest> partners)
    {
        var resolved = new List<ResolvedPartner>();
        foreach (var partner in partners)
        {
            var one = await ResolvePartnerAsync(connection, tx, partner, "partners");
            if (one.Refusal is { } refusal) return refusal;
            if (resolved.Any(p => Same(p, one.Value!)))
                return Refusal.Invalid("partners", Text.Of("같은 협력 기관을 두 번 적을 수 없습니다.", "A partner cannot be named twice."));
            resolved.Add(one.Value!);
        }
        if (resolved.All(p => p.ClusterId is null))
            return Refusal.Invalid("partners", Text.Of("협력 기관 중 하나 이상은 클러스터여야 합니다.", "At least one partner must be a cluster."));
        if (resolved.Count(p => p.Role == "lead") > 1)
            return Refusal.Invalid("partners", Text.Of("주관 기관은 하나만 둘 수 있습니다.", "A project has at most one lead."));
        return resolved;
    }

    private static bool Same(ResolvedPartner a, ResolvedPartner b) => a.ClusterId == b.ClusterId && a.AgencyId == b.AgencyId;

    private static Task InsertPartnerAsync(DbConnection connection, DbTransaction tx, long id, ResolvedPartner p) =>
        connection.ExecuteAsync("INSERT INTO collaboration_partners (project_id, cluster_id, agency_id, role) VALUES (@id, @ClusterId, @AgencyId, @Role)",
            new { id, p.ClusterId, p.AgencyId, p.Role }, tx);

    /// <summary>The source meeting of an agenda item (which must belong to the meeting named, if one is), or the meeting itself.</summary>
    private static async Task<StoreResult<long?>> SourceAsync(DbConnection connection, DbTransaction tx, long? meetingId, long? itemId)
    {
        if (itemId is { } item)
        {
            var itemMeeting = await connection.ExecuteScalarAsync<long?>("SELECT meeting_id FROM agenda_items WHERE id = @item", new { item }, tx);
            if (itemMeeting is null)
                return Refusal.Invalid("sourceAgendaItemId", Text.Of($"안건 {item}이(가) 없습니다.", $"There is no agenda item {item}."));
            if (meetingId is { } given && given != itemMeeting)
                return Refusal.Invalid("sourceAgendaItemId", Text.Of("안건이 지정한 회의의 안건이 아닙니다.", "The agenda item is not one of that meeting's."));
            return itemMeeting;
        }
        if (meetingId is { } m && await connection.ExecuteScalarAsync<long?>("SELECT id FROM meetings WHERE id = @m", new { m }, tx) is null)
            return Refusal.Invalid("sourceMeetingId", Text.Of($"회의 {m}이(가) 없습니다.", $"There is no meeting {m}."));
        return meetingId;
    }

    private static async Task<Refusal?> ExternalRefTakenAsync(DbConnection connection, DbTransaction tx, string? externalRef, long? id)
    {
        if (externalRef is null) return null;
        var other = await connection.ExecuteScalarAsync<long?>("SELECT id FROM collaboration_projects WHERE external_ref = @externalRef", new { externalRef }, tx);
        return other is { } o && o != id
            ? Refusal.Conflict(Text.Of($"외부 참조 '{externalRef}'은(는) 이미 협력 사업 {o}에 쓰였습니다.", $"The external reference '{externalRef}' is already used by collaboration project {o}."))
            : null;
    }

    private static Refusal NotYours => Refusal.Forbidden(Text.Of(
        "협의체 간사(사무국)나 협력 클러스터의 운영기관만 이 협력 사업을 고칠 수 있습니다.",
        "Only the secretariat or an operator of one of the partner clusters may change this collaboration project."));

    /// <summary>Registers a project in <c>planned</c>. An operator must name one of the clusters it operates among the partners.</summary>
    public async Task<StoreResult<Versioned<CollaborationProjectDto>>> CreateAsync(CreateCollaborationProjectRequest r, Actor actor, CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        await using var connection = await db.OpenAsync(ct);
        await using var tx = await connection.BeginTransactionAsync(ct);
        var partners = await ResolvePartnersAsync(connection, tx, r.Partners);
        if (partners.Refusal is { } badPartners) return badPartners;
        if (PartyOf(actor, partners.Value!.Select(p => p.OperatorId)) == CollaborationParty.None)
            return Refusal.Forbidden(Text.Of("운영기관은 자기 클러스터가 참여하는 협력 사업만 등록할 수 있습니다.",
                "A cluster operator registers only projects one of its own clusters takes part in."));
        var source = await SourceAsync(connection, tx, r.SourceMeetingId, r.SourceAgendaItemId);
        if (source.Refusal is { } badSource) return badSource;
        var externalRef = ListRules.Normal(r.ExternalRef);
        if (await ExternalRefTakenAsync(connection, tx, externalRef, null) is { } taken) return taken;
        var id = await connection.ExecuteScalarAsync<long>($"""
            INSERT INTO collaboration_projects (title_ko, title_en, summary, starts_on, ends_on, budget_krw, state, outcomes,
                source_meeting_id, source_agenda_item_id, external_ref, version, created_at, updated_at)
            VALUES (@TitleKo, @TitleEn, @Summary, @StartsOn, @EndsOn, @BudgetKrw, 'planned', @Outcomes, @meetingId, @SourceAgendaItemId, @externalRef, 1, @now, @now);
            {db.Dialect.SelectNewId}
            """, new
        {
            TitleKo = r.TitleKo.Trim(), TitleEn = ListRules.Normal(r.TitleEn), Summary = r.Summary.Trim(), r.StartsOn, r.EndsOn, r.BudgetKrw,
            Outcomes = ListRules.Normal(r.Outcomes), meetingId = source.Value, r.SourceAgendaItemId, externalRef, now,
        }, tx);
        foreach (var partner in partners.Value!) await InsertPartnerAsync(connection, tx, id, partner);
        var created = await VersionedAsync(connection, tx, (await RowAsync(connection, tx, id))!, actor);
        await audit.WriteAsync(connection, tx, actor, "create", EntityType, id, null, created.Value);
        await tx.CommitAsync(ct);
        return created;
    }

    /// <summary>Loads a project for a change: 404 → 412 → 403.</summary>
    private static async Task<StoreResult<ProjectRow>> ForChangeAsync(DbConnection connection, DbTransaction tx, long id, long expectedVersion, Actor actor)
    {
        var row = await RowAsync(connection, tx, id);
        if (row is null) return Refusal.NotFound;
        if (row.Version != expectedVersion) return Refusal.Stale;
        var partners = (await PartnersAsync(connection, tx, [id]))[id];
        if (PartyOf(actor, partners.Select(p => p.OperatorId)) == CollaborationParty.None) return NotYours;
        return row;
    }

    /// <summary>Replaces the editable fields (If-Match).</summary>
    public async Task<WriteResult<CollaborationProjectDto>> UpdateAsync(long id, long expectedVersion, UpdateCollaborationProjectRequest r, Actor actor,
        CancellationToken ct)
    {
        await using var connection = await db.OpenAsync(ct);
        await using var tx = await connection.BeginTransactionAsync(ct);
        var loaded = await ForChangeAsync(connection, tx, id, expectedVersion, actor);
        if (loaded.Refusal is { } refusal) return refusal;
        var source = await SourceAsync(connection, tx, r.SourceMeetingId, r.SourceAgendaItemId);
        if (source.Refusal is { } badSource) return badSource;
        var externalRef = ListRules.Normal(r.ExternalRef);
        if (await ExternalRefTakenAsync(connection, tx, externalRef, id) is { } taken) return taken;
        var before = (await ToDtosAsync(connection, tx, [loaded.Value!], actor))[0];
        await connection.ExecuteAsync("""
            UPDATE collaboration_projects SET title_ko = @TitleKo, title_en = @TitleEn, summary = @Summary, starts_on = @StartsOn, ends_on = @EndsOn,
                budget_krw = @BudgetKrw, outcomes = @Outcomes, source_meeting_id = @meetingId, source_agenda_item_id = @SourceAgendaItemId,
                external_ref = @externalRef, version = version + 1, updated_at = @now
            WHERE id = @id
            """, new
        {
            id, TitleKo = r.TitleKo.Trim(), TitleEn = ListRules.Normal(r.TitleEn), Summary = r.Summary.Trim(), r.StartsOn, r.EndsOn, r.BudgetKrw,
            Outcomes = ListRules.Normal(r.Outcomes), meetingId = source.Value, r.SourceAgendaItemId, externalRef, now = clock.GetUtcNow(),
        }, tx);
        return await FinishAsync(connection, tx, id, actor, "update", before, ct);
    }

    /// <summary>Adds a partner (If-Match); a partner already there is a conflict, a second lead a 400.</summary>
    public async Task<WriteResult<CollaborationProjectDto>> AddPartnerAsync(long id, long expectedVersion, CollaborationPartnerRequest r, Actor actor,
        CancellationToken ct)
    {
        await using var connection = await db.OpenAsync(ct);
        await using var tx = await connection.BeginTransactionAsync(ct);
        var loaded = await ForChangeAsync(connection, tx, id, expectedVersion, actor);
        if (loaded.Refusal is { } refusal) return refusal;
        var partner = await ResolvePartnerAsync(connection, tx, r, r.ClusterCode is null ? "agencyCode" : "clusterCode");
        if (partner.Refusal is { } badPartner) return badPartner;
        var current = (await PartnersAsync(connection, tx, [id]))[id].ToList();
        if (current.Any(p => p.ClusterId == partner.Value!.ClusterId && p.AgencyId == partner.Value.AgencyId))
            return Refusal.Conflict(Text.Of("이미 이 사업의 협력 기관입니다.", "Already a partner of this project."));
        if (partner.Value!.Role == "lead" && current.Any(p => p.Role == "lead"))
            return Refusal.Invalid("role", Text.Of("주관 기관은 하나만 둘 수 있습니다.", "A project has at most one lead."));
        var before = (await ToDtosAsync(connection, tx, [loaded.Value!], actor))[0];
        await InsertPartnerAsync(connection, tx, id, partner.Value);
        await connection.ExecuteAsync("UPDATE collaboration_projects SET version = version + 1, updated_at = @now WHERE id = @id", new { id, now = clock.GetUtcNow() }, tx);
        return await FinishAsync(connection, tx, id, actor, AddPartnerAction, before, ct);
    }

    /// <summary>Removes a partner (If-Match); the last cluster partner stays (409).</summary>
    public async Task<WriteResult<CollaborationProjectDto>> RemovePartnerAsync(long id, long partnerId, long expectedVersion, Actor actor, CancellationToken ct)
    {
        await using var connection = await db.OpenAsync(ct);
        await using var tx = await connection.BeginTransactionAsync(ct);
        var loaded = await ForChangeAsync(connection, tx, id, expectedVersion, actor);
        if (loaded.Refusal is { } refusal) return refusal;
        var current = (await PartnersAsync(connection, tx, [id]))[id].ToList();
        var gone = current.SingleOrDefault(p => p.PartnerId == partnerId);
        if (gone is null) return Refusal.NotFound;
        if (gone.ClusterId is not null && current.Count(p => p.ClusterId is not null) == 1)
            return Refusal.Conflict(Text.Of("마지막 협력 클러스터는 뺄 수 없습니다.", "The last partner cluster cannot be removed."));
        var before = (await ToDtosAsync(connection, tx, [loaded.Value!], actor))[0];
        await connection.ExecuteAsync("DELETE FROM collaboration_partners WHERE id = @partnerId AND project_id = @id", new { partnerId, id }, tx);
        await connection.ExecuteAsync("UPDATE collaboration_projects SET version = version + 1, updated_at = @now WHERE id = @id", new { id, now = clock.GetUtcNow() }, tx);
        return await FinishAsync(connection, tx, id, actor, RemovePartnerAction, before, ct);
    }

    /// <summary>A workflow move: 404 → 412 → 409 → 403 → 400, then plan → apply → audit, in one transaction.</summary>
    public async Task<WriteResult<CollaborationProjectDto>> MoveAsync(long id, long expectedVersion, CollaborationTransitionRequest r, Actor actor, CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        await using var connection = await db.OpenAsync(ct);
        await using var tx = await connection.BeginTransactionAsync(ct);
        var row = await RowAsync(connection, tx, id);
        if (row is null) return Refusal.NotFound;
        if (row.Version != expectedVersion) return Refusal.Stale;
        var from = row.StateValue;
        var partners = (await PartnersAsync(connection, tx, [id]))[id];
        switch (CollaborationWorkflow.CanMove(from, r.To, PartyOf(actor, partners.Select(p => p.OperatorId))))
        {
            case MoveVerdict.NotFromThisState:
                return Refusal.Conflict(Text.Of($"{WireNames.Of(from)} 상태의 협력 사업은 {WireNames.Of(r.To)}(으)로 옮길 수 없습니다.",
                    $"A collaboration project that is {WireNames.Of(from)} cannot move to {WireNames.Of(r.To)}."));
            case MoveVerdict.NotForThisCaller:
                return Refusal.Forbidden(Text.Of("이 협력 사업의 이 단계는 귀하의 몫이 아닙니다.", "This move of this collaboration project is not yours to make."));
        }
        var definition = CollaborationWorkflow.Definition(CollaborationWorkflow.Table.Row(from, r.To)!.Move);
        var errors = definition.Check(r, Council.DayOf(now), GivenFields<CollaborationTransitionRequest>.Of(r, "to"), WireNames.Of(r.To));
        if (errors.Count > 0) return Refusal.Invalid(errors);
        var before = (await ToDtosAsync(connection, tx, [row], actor))[0];
        var planned = await definition.PlanAsync(row, r, new CollaborationMoveContext(now));
        if (planned.Refusal is { } refusal) return refusal;
        var p = new DynamicParameters(new { id, To = WireNames.Of(r.To), now });
        await connection.ExecuteAsync($"UPDATE collaboration_projects SET state = @To, version = version + 1, updated_at = @now{planned.Value!.Assignments(p)} WHERE id = @id",
            p, tx);
        return await FinishAsync(connection, tx, id, actor, "transition:" + WireNames.Of(r.To), before, ct);
    }

    private async Task<WriteResult<CollaborationProjectDto>> FinishAsync(DbConnection connection, DbTransaction tx, long id, Actor actor, string action,
        CollaborationProjectDto before, CancellationToken ct)
    {
        var after = await VersionedAsync(connection, tx, (await RowAsync(connection, tx, id))!, actor);
        await audit.WriteAsync(connection, tx, actor, action, EntityType, id, before, after.Value);
        await tx.CommitAsync(ct);
        return after;
    }
}
