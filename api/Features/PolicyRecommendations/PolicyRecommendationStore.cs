using System.Data.Common;
using System.Text.Json;
using BioCluster.Api.Features.Access;
using BioCluster.Api.Features.Audit;
using BioCluster.Api.Features.Holidays;
using BioCluster.Api.Features.RegulatoryIssues;
using BioCluster.Api.Infrastructure.Data;
using BioCluster.Api.Infrastructure.Http;
using BioCluster.Api.Infrastructure.Workflow;
using BioCluster.Contracts.Access;
using BioCluster.Contracts.Common;
using BioCluster.Contracts.PolicyRecommendations;
using BioCluster.Contracts.RegulatoryIssues;
using Dapper;

namespace BioCluster.Api.Features.PolicyRecommendations;

/// <summary>Filters of the recommendation list, already checked by the endpoint.</summary>
public sealed record RecommendationFilter(IReadOnlyList<RecommendationState> States, string? MinistryCode, string? ClusterCode, string? RaisedByCode,
    long? MeetingId, bool? Overdue);

/// <summary>All SQL about policy recommendations (정책 제언): the record, its addressed ministries and clusters, its moves and timeline.</summary>
public sealed class PolicyRecommendationStore(DbConnectionFactory db, TimeProvider clock, AuditStore audit, IConfiguration configuration,
    HolidayStore holidays, RegulatoryIssueStore issues, Notifications.NotificationStore notifications)
{
    public const string EntityType = "policy_recommendation";
    private const string Ministry = "ministry";

    public sealed class RecommendationRow
    {
        public long Id { get; set; }
        public string ThemeKo { get; set; } = "";
        public string? ThemeEn { get; set; }
        public string Content { get; set; } = "";
        public long RaisedById { get; set; }
        public string RaisedByCode { get; set; } = "";
        public string RaisedByNameKo { get; set; } = "";
        public string? RaisedByNameEn { get; set; }
        public long LeadMinistryId { get; set; }
        public string LeadMinistryCode { get; set; } = "";
        public string LeadMinistryNameKo { get; set; } = "";
        public string? LeadMinistryNameEn { get; set; }
        public long? SourceMeetingId { get; set; }
        public int? MeetingNumber { get; set; }
        public string? MeetingTitleKo { get; set; }
        public DateTimeOffset? MeetingStartsAt { get; set; }
        public long? SourceAgendaItemId { get; set; }
        public string? AgendaTitleKo { get; set; }
        public string? AgendaVisibility { get; set; }
        public string State { get; set; } = "";
        public DateTimeOffset? RoutedAt { get; set; }
        public DateTimeOffset? ResponseDueAt { get; set; }
        public DateTimeOffset? AnsweredAt { get; set; }
        public string? Answer { get; set; }
        public string? AcceptedPart { get; set; }
        public DateOnly? PlannedCompletionOn { get; set; }
        public DateOnly? ReviewOn { get; set; }
        public string? Justification { get; set; }
        public int? ProgressPercent { get; set; }
        public string? ProgressNote { get; set; }
        public DateOnly? CompletedOn { get; set; }
        public string? Evidence { get; set; }
        public string? WithdrawalReason { get; set; }
        public long? IssueId { get; set; }
        public string? IssueTitleKo { get; set; }
        public string? IssueTitleEn { get; set; }
        public string? IssueStatus { get; set; }
        public long Version { get; set; }
        public DateTimeOffset CreatedAt { get; set; }
        public DateTimeOffset UpdatedAt { get; set; }

        public RecommendationState StateValue => WireNames.Parse<RecommendationState>(State);
    }

    private sealed class LinkRow
    {
        public long OwnerId { get; set; }
        public long Id { get; set; }
        public string Code { get; set; } = "";
        public string NameKo { get; set; } = "";
        public string? NameEn { get; set; }
    }

    private sealed class TransitionRow
    {
        public string? FromState { get; set; }
        public string ToState { get; set; } = "";
        public string? Move { get; set; }
        public string ActorName { get; set; } = "";
        public DateTimeOffset OccurredAt { get; set; }
        public string? Comment { get; set; }
        public string FieldsJson { get; set; } = "{}";
    }

    private sealed class RefRow
    {
        public long Id { get; set; }
        public string ThemeKo { get; set; } = "";
        public string? ThemeEn { get; set; }
        public string State { get; set; } = "";
    }

    public static readonly IReadOnlyList<SortField<RecommendationRow>> SortFields =
    [
        SortField<RecommendationRow>.Instant("createdAt", "r.created_at", r => r.CreatedAt),
        new("id", "r.id", r => r.Id, Keyset.WholeNumber),
    ];

    private const string Select = """
        SELECT r.id, r.theme_ko, r.theme_en, r.content, r.raised_by_id, rb.code AS raised_by_code, rb.name_ko AS raised_by_name_ko, rb.name_en AS raised_by_name_en,
               r.lead_ministry_id, lm.code AS lead_ministry_code, lm.name_ko AS lead_ministry_name_ko, lm.name_en AS lead_ministry_name_en,
               r.source_meeting_id, m.number AS meeting_number, m.title_ko AS meeting_title_ko, m.starts_at AS meeting_starts_at,
               r.source_agenda_item_id, a.title_ko AS agenda_title_ko, a.visibility AS agenda_visibility,
               r.state, r.routed_at, r.response_due_at, r.answered_at, r.answer, r.accepted_part, r.planned_completion_on, r.review_on,
               r.justification, r.progress_percent, r.progress_note, r.completed_on, r.evidence, r.withdrawal_reason,
               r.issue_id, i.title_ko AS issue_title_ko, i.title_en AS issue_title_en, i.status AS issue_status,
               r.version, r.created_at, r.updated_at
        FROM policy_recommendations r
        JOIN agencies rb ON rb.id = r.raised_by_id
        JOIN agencies lm ON lm.id = r.lead_ministry_id
        LEFT JOIN meetings m ON m.id = r.source_meeting_id
        LEFT JOIN agenda_items a ON a.id = r.source_agenda_item_id
        LEFT JOIN regulatory_issues i ON i.id = r.issue_id
        """;

    private const string From = """
        policy_recommendations r JOIN agencies rb ON rb.id = r.raised_by_id JOIN agencies lm ON lm.id = r.lead_ministry_id
        """;

    private int ResponseDays => configuration.GetValue("Workflow:ResponseDays", 14);

    private static bool Manages(Actor actor) => actor.Role is Role.Admin or Role.Secretariat;

    /// <summary>The caller's part in a recommendation, which the workflow table judges moves by.</summary>
    public static RecommendationParty PartyOf(Actor actor, RecommendationRow row)
    {
        var party = RecommendationParty.None;
        if (actor.Role == Role.Admin) party |= RecommendationParty.Admin;
        if (actor.Role == Role.Secretariat) party |= RecommendationParty.Secretariat;
        if (actor.Role == Role.MinistryReviewer && actor.AgencyId is { } m && m == row.LeadMinistryId) party |= RecommendationParty.LeadMinistry;
        if (actor.AgencyId is { } a && a == row.RaisedById && actor.Role is Role.ClusterOperator or Role.Secretariat or Role.Admin)
            party |= RecommendationParty.Raiser;
        return party;
    }

    private async Task<IReadOnlyList<PolicyRecommendationDto>> ToDtosAsync(DbConnection connection, DbTransaction? tx, IReadOnlyList<RecommendationRow> rows, Actor actor)
    {
        if (rows.Count == 0) return [];
        var ids = rows.Select(r => r.Id).ToList();
        var ministries = (await connection.QueryAsync<LinkRow>("""
            SELECT pm.recommendation_id AS owner_id, g.id, g.code, g.name_ko, g.name_en
            FROM policy_recommendation_ministries pm JOIN agencies g ON g.id = pm.agency_id
            WHERE pm.recommendation_id IN @ids ORDER BY g.code
            """, new { ids }, tx)).ToLookup(l => l.OwnerId, l => new AgencyRef(l.Id, l.Code, l.NameKo, l.NameEn));
        var clusters = (await connection.QueryAsync<LinkRow>("""
            SELECT pc.recommendation_id AS owner_id, c.id, c.code, c.name_ko, c.name_en
            FROM policy_recommendation_clusters pc JOIN clusters c ON c.id = pc.cluster_id
            WHERE pc.recommendation_id IN @ids ORDER BY c.code
            """, new { ids }, tx)).ToLookup(l => l.OwnerId, l => new ClusterRef(l.Id, l.Code, l.NameKo, l.NameEn));
        var now = clock.GetUtcNow();
        return rows.Select(r =>
        {
            var state = r.StateValue;
            var (overdue, kind, late) = RecommendationWorkflow.Deadline(state, r.ResponseDueAt, r.ReviewOn, r.PlannedCompletionOn, now);
            var party = PartyOf(actor, r);
            var converted = r.IssueId is not null;
            var showItem = r.AgendaVisibility is null or "public" || Manages(actor);
            return new PolicyRecommendationDto(r.Id, r.ThemeKo, r.ThemeEn, r.Content,
                new AgencyRef(r.RaisedById, r.RaisedByCode, r.RaisedByNameKo, r.RaisedByNameEn),
                new AgencyRef(r.LeadMinistryId, r.LeadMinistryCode, r.LeadMinistryNameKo, r.LeadMinistryNameEn),
                ministries[r.Id].ToList(), clusters[r.Id].ToList(),
                r.SourceMeetingId is { } meeting
                    ? new RecommendationSourceDto(meeting, r.MeetingNumber, r.MeetingTitleKo!, r.MeetingStartsAt!.Value,
                        showItem ? r.SourceAgendaItemId : null, showItem ? r.AgendaTitleKo : null)
                    : null,
                state, r.RoutedAt, r.ResponseDueAt, r.AnsweredAt, r.Answer, r.AcceptedPart, r.PlannedCompletionOn, r.ReviewOn, r.Justification,
                r.ProgressPercent, r.ProgressNote, r.CompletedOn, r.Evidence, r.WithdrawalReason,
                r.IssueId is { } issue ? new RecommendationIssueRef(issue, r.IssueTitleKo!, r.IssueTitleEn, WireNames.Parse<IssueStatus>(r.IssueStatus!)) : null,
                overdue, kind, late, RecommendationWorkflow.MovesFor(state, party, converted), RecommendationWorkflow.MoveFormsFor(state, party, converted),
                r.CreatedAt, r.UpdatedAt);
        }).ToList();
    }

    /// <summary>Short references to recommendations by id (the regulatory issue shows the one it came from).</summary>
    internal static async Task<Dictionary<long, RecommendationRef>> RefsAsync(DbConnection connection, DbTransaction? tx, IReadOnlyList<long> ids)
    {
        if (ids.Count == 0) return [];
        return (await connection.QueryAsync<RefRow>("SELECT id, theme_ko, theme_en, state FROM policy_recommendations WHERE id IN @ids", new { ids }, tx))
            .ToDictionary(r => r.Id, r => new RecommendationRef(r.Id, r.ThemeKo, r.ThemeEn, WireNames.Parse<RecommendationState>(r.State)));
    }

    private static Task<RecommendationRow?> RowAsync(DbConnection connection, DbTransaction? tx, long id) =>
        connection.QuerySingleOrDefaultAsync<RecommendationRow>($"{Select} WHERE r.id = @id", new { id }, tx);

    private async Task<Versioned<PolicyRecommendationDto>> VersionedAsync(DbConnection connection, DbTransaction? tx, RecommendationRow row, Actor actor) =>
        new((await ToDtosAsync(connection, tx, [row], actor))[0], row.Version);

    public async Task<Versioned<PolicyRecommendationDto>?> GetAsync(long id, Actor actor, CancellationToken ct)
    {
        await using var connection = await db.OpenAsync(ct);
        return await RowAsync(connection, null, id) is { } row ? await VersionedAsync(connection, null, row, actor) : null;
    }

    private (IReadOnlyList<string> Where, DynamicParameters Parameters) Where(RecommendationFilter filter)
    {
        var p = new DynamicParameters();
        var where = new List<string>();
        if (filter.States is { Count: > 0 } states) { where.Add("r.state IN @states"); p.Add("states", states.Select(s => WireNames.Of(s)).ToList()); }
        if (filter.MinistryCode is { } ministry)
        {
            where.Add("""
                (lm.code = @ministry OR EXISTS (SELECT 1 FROM policy_recommendation_ministries pm JOIN agencies pg ON pg.id = pm.agency_id
                                               WHERE pm.recommendation_id = r.id AND pg.code = @ministry))
                """);
            p.Add("ministry", ministry);
        }
        if (filter.ClusterCode is { } cluster)
        {
            where.Add("EXISTS (SELECT 1 FROM policy_recommendation_clusters pc JOIN clusters c ON c.id = pc.cluster_id WHERE pc.recommendation_id = r.id AND c.code = @cluster)");
            p.Add("cluster", cluster);
        }
        if (filter.RaisedByCode is { } raiser) { where.Add("rb.code = @raiser"); p.Add("raiser", raiser); }
        if (filter.MeetingId is { } meeting) { where.Add("r.source_meeting_id = @meeting"); p.Add("meeting", meeting); }
        if (filter.Overdue is { } overdue)
        {
            const string late = """
                ((r.state = 'routed' AND r.response_due_at < @now) OR (r.state = 'long_term_review' AND r.review_on < @today)
                 OR (r.state IN ('accepted', 'partially_accepted', 'in_progress') AND r.planned_completion_on < @today))
                """;
            where.Add(overdue ? late : $"NOT {late}");
            var now = clock.GetUtcNow();
            p.Add("now", now);
            p.Add("today", Council.DayOf(now));
        }
        return (where, p);
    }

    public async Task<Page<PolicyRecommendationDto>> ListAsync(RecommendationFilter filter, Actor actor, SortSpec<RecommendationRow> sort, KeysetCursor? cursor, int limit,
        CancellationToken ct)
    {
        var (where, p) = Where(filter);
        await using var connection = await db.OpenAsync(ct);
        var (rows, next, total) = await Keyset.PageAsync(connection, db.Dialect, Select, From, where, p, sort, cursor, limit, "r.id", r => r.Id);
        return new Page<PolicyRecommendationDto>(await ToDtosAsync(connection, null, rows, actor), next, total);
    }

    /// <summary>Every recommendation the filters match, by id, 500 at a time (the export).</summary>
    public IAsyncEnumerable<PolicyRecommendationDto> StreamAsync(RecommendationFilter filter, Actor actor, CancellationToken ct) =>
        Keyset.StreamAsync<RecommendationRow, PolicyRecommendationDto>(db, Select, From, () => Where(filter), SortFields.Single(f => f.Name == "id"), "r.id", r => r.Id,
            async (connection, rows) => await ToDtosAsync(connection, null, rows, actor), ct);

    /// <summary>
    /// Matters arising (계속 안건) for a meeting: the recommendations raised at earlier meetings of the same body that still
    /// await an answer (submitted, routed, or in long-term review), oldest first. Null when there is no such meeting.
    /// </summary>
    public async Task<IReadOnlyList<PolicyRecommendationDto>?> CarriedOverAsync(long meetingId, Actor actor, CancellationToken ct)
    {
        await using var connection = await db.OpenAsync(ct);
        if (await connection.ExecuteScalarAsync<long?>("SELECT id FROM meetings WHERE id = @meetingId", new { meetingId }) is null) return null;
        var rows = (await connection.QueryAsync<RecommendationRow>($"""
            {Select}
            JOIN meetings here ON here.id = @meetingId
            WHERE m.body_id = here.body_id AND m.starts_at < here.starts_at AND r.state IN @states
            ORDER BY m.starts_at, r.id
            """, new { meetingId, states = RecommendationWorkflow.Unanswered.Select(s => WireNames.Of(s)).ToList() })).AsList();
        return await ToDtosAsync(connection, null, rows, actor);
    }

    private sealed record Resolved(long Lead, List<long> Others, List<long> Clusters);

    private static async Task<StoreResult<long>> MinistryAsync(DbConnection connection, DbTransaction tx, string code, string field)
    {
        var agency = await connection.QuerySingleOrDefaultAsync<AgencyKindRow>("SELECT id, kind, status FROM agencies WHERE code = @code", new { code }, tx);
        if (agency is not { Kind: Ministry, Status: "active" })
            return Refusal.Invalid(field, Text.Of($"'{code}'은(는) 활성 상태인 부처(ministry)가 아닙니다.", $"'{code}' is not an active agency of kind ministry."));
        return agency.Id;
    }

    private static async Task<StoreResult<Resolved>> ResolveAsync(DbConnection connection, DbTransaction tx, string leadCode, IReadOnlyList<string>? otherCodes,
        IReadOnlyList<string>? clusterCodes)
    {
        var lead = await MinistryAsync(connection, tx, leadCode, "leadMinistryCode");
        if (lead.Refusal is { } noLead) return noLead;
        var others = new List<long>();
        foreach (var code in (otherCodes ?? []).Distinct())
        {
            var other = await MinistryAsync(connection, tx, code, "otherMinistryCodes");
            if (other.Refusal is { } noOther) return noOther;
            if (other.Value == lead.Value)
                return Refusal.Invalid("otherMinistryCodes", Text.Of("주관 부처를 다른 부처로 다시 적을 수 없습니다.", "The lead ministry cannot also be one of the others."));
            others.Add(other.Value);
        }
        var clusters = await RegulatoryIssueStore.ResolveClustersAsync(connection, tx, clusterCodes ?? []);
        if (clusters.Refusal is { } noClusters) return noClusters;
        return new Resolved(lead.Value, others, clusters.Value!);
    }

    private static async Task ReplaceLinksAsync(DbConnection connection, DbTransaction tx, long id, Resolved resolved)
    {
        await connection.ExecuteAsync("DELETE FROM policy_recommendation_ministries WHERE recommendation_id = @id", new { id }, tx);
        await connection.ExecuteAsync("DELETE FROM policy_recommendation_clusters WHERE recommendation_id = @id", new { id }, tx);
        foreach (var agencyId in resolved.Others)
            await connection.ExecuteAsync("INSERT INTO policy_recommendation_ministries (recommendation_id, agency_id) VALUES (@id, @agencyId)", new { id, agencyId }, tx);
        foreach (var clusterId in resolved.Clusters)
            await connection.ExecuteAsync("INSERT INTO policy_recommendation_clusters (recommendation_id, cluster_id) VALUES (@id, @clusterId)", new { id, clusterId }, tx);
    }

    /// <summary>Raises a recommendation for <paramref name="raisedById"/> (a cluster operator), in <c>submitted</c>, with the first timeline entry.</summary>
    public async Task<StoreResult<Versioned<PolicyRecommendationDto>>> CreateAsync(CreatePolicyRecommendationRequest r, long raisedById, Actor actor, CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        await using var connection = await db.OpenAsync(ct);
        await using var tx = await connection.BeginTransactionAsync(ct);
        var resolved = await ResolveAsync(connection, tx, r.LeadMinistryCode, r.OtherMinistryCodes, r.ClusterCodes);
        if (resolved.Refusal is { } refusal) return refusal;
        var meetingId = r.SourceMeetingId;
        if (r.SourceAgendaItemId is { } itemId)
        {
            var itemMeeting = await connection.ExecuteScalarAsync<long?>("SELECT meeting_id FROM agenda_items WHERE id = @itemId", new { itemId }, tx);
            if (itemMeeting is null)
                return Refusal.Invalid("sourceAgendaItemId", Text.Of($"안건 {itemId}이(가) 없습니다.", $"There is no agenda item {itemId}."));
            if (meetingId is { } given && given != itemMeeting)
                return Refusal.Invalid("sourceAgendaItemId", Text.Of("안건이 지정한 회의의 안건이 아닙니다.", "The agenda item is not one of that meeting's."));
            meetingId = itemMeeting;
        }
        else if (meetingId is { } m && await connection.ExecuteScalarAsync<long?>("SELECT id FROM meetings WHERE id = @m", new { m }, tx) is null)
            return Refusal.Invalid("sourceMeetingId", Text.Of($"회의 {m}이(가) 없습니다.", $"There is no meeting {m}."));
        var id = await connection.ExecuteScalarAsync<long>($"""
            INSERT INTO policy_recommendations (theme_ko, theme_en, content, raised_by_id, lead_ministry_id, source_meeting_id, source_agenda_item_id,
                state, version, created_at, updated_at)
            VALUES (@ThemeKo, @ThemeEn, @Content, @raisedById, @Lead, @meetingId, @SourceAgendaItemId, 'submitted', 1, @now, @now);
            {db.Dialect.SelectNewId}
            """, new
        {
            ThemeKo = r.ThemeKo.Trim(), ThemeEn = ListRules.Normal(r.ThemeEn), Content = r.Text.Trim(), raisedById, resolved.Value!.Lead, meetingId,
            r.SourceAgendaItemId, now,
        }, tx);
        await ReplaceLinksAsync(connection, tx, id, resolved.Value);
        await RecordMoveAsync(connection, tx, id, null, RecommendationState.Submitted, null, actor, null,
            meetingId is { } source ? new Dictionary<string, string?> { ["sourceMeetingId"] = source.ToString(System.Globalization.CultureInfo.InvariantCulture) } : [], now);
        var created = await VersionedAsync(connection, tx, (await RowAsync(connection, tx, id))!, actor);
        await audit.WriteAsync(connection, tx, actor, "create", EntityType, id, null, created.Value);
        await tx.CommitAsync(ct);
        return created;
    }

    /// <summary>Replaces the description while the recommendation waits to be routed; the raiser or the secretariat.</summary>
    public async Task<WriteResult<PolicyRecommendationDto>> UpdateAsync(long id, long expectedVersion, UpdatePolicyRecommendationRequest r, Actor actor, CancellationToken ct)
    {
        await using var connection = await db.OpenAsync(ct);
        await using var tx = await connection.BeginTransactionAsync(ct);
        var row = await RowAsync(connection, tx, id);
        if (row is null) return Refusal.NotFound;
        if (row.Version != expectedVersion) return Refusal.Stale;
        if (row.StateValue != RecommendationState.Submitted)
            return Refusal.Conflict(Text.Of("접수(submitted) 상태의 제언만 고칠 수 있습니다.", "A recommendation can be edited only while it is submitted."));
        if (!Manages(actor) && (PartyOf(actor, row) & RecommendationParty.Raiser) == 0)
            return Refusal.Forbidden(Text.Of("제언을 제기한 기관이나 간사(사무국)만 고칠 수 있습니다.", "Only the raising agency or the secretariat may edit this recommendation."));
        var resolved = await ResolveAsync(connection, tx, r.LeadMinistryCode, r.OtherMinistryCodes, r.ClusterCodes);
        if (resolved.Refusal is { } refusal) return refusal;
        var before = (await ToDtosAsync(connection, tx, [row], actor))[0];
        var now = clock.GetUtcNow();
        await connection.ExecuteAsync("""
            UPDATE policy_recommendations SET theme_ko = @ThemeKo, theme_en = @ThemeEn, content = @Content, lead_ministry_id = @Lead,
                version = version + 1, updated_at = @now
            WHERE id = @id
            """, new { id, ThemeKo = r.ThemeKo.Trim(), ThemeEn = ListRules.Normal(r.ThemeEn), Content = r.Text.Trim(), resolved.Value!.Lead, now }, tx);
        await ReplaceLinksAsync(connection, tx, id, resolved.Value);
        return await FinishAsync(connection, tx, id, actor, "update", before, ct);
    }

    /// <summary>A workflow move: 404 → 412 → 409 → 403 → 400, then plan → apply → timeline → audit, all in one transaction.</summary>
    public async Task<WriteResult<PolicyRecommendationDto>> MoveAsync(long id, long expectedVersion, RecommendationTransitionRequest r, Actor actor, CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        await using var connection = await db.OpenAsync(ct);
        await using var tx = await connection.BeginTransactionAsync(ct);
        var row = await RowAsync(connection, tx, id);
        if (row is null) return Refusal.NotFound;
        if (row.Version != expectedVersion) return Refusal.Stale;
        var from = row.StateValue;
        var name = r.Move is { } move ? WireNames.Of(move) : null;
        switch (RecommendationWorkflow.CanMove(from, r.To, PartyOf(actor, row), row.IssueId is not null, name))
        {
            case MoveVerdict.NotFromThisState:
                return Refusal.Conflict(Text.Of($"{WireNames.Of(from)} 상태의 제언은 {name ?? WireNames.Of(r.To)}(으)로 옮길 수 없습니다.",
                    $"A recommendation that is {WireNames.Of(from)} cannot move to {name ?? WireNames.Of(r.To)}."));
            case MoveVerdict.NotForThisCaller:
                return Refusal.Forbidden(Text.Of("이 제언의 이 단계는 귀하의 몫이 아닙니다.", "This move of this recommendation is not yours to make."));
        }
        var definition = RecommendationWorkflow.Definition(RecommendationWorkflow.Table.Row(from, r.To, name)!.Move);
        var errors = definition.Check(r, Council.DayOf(now), GivenFields<RecommendationTransitionRequest>.Of(r, "to", "move", "comment"), name ?? WireNames.Of(r.To));
        if (errors.Count > 0) return Refusal.Invalid(errors);
        var before = (await ToDtosAsync(connection, tx, [row], actor))[0];
        var context = new RecommendationMoveContext(now, ResponseDays, await holidays.WorkingDaysAsync(ct),
            (rec, request) => ConvertAsync(connection, tx, rec, request, actor, now));
        var planned = await definition.PlanAsync(row, r, context);
        if (planned.Refusal is { } refusal) return refusal;
        var plan = planned.Value!;
        var p = new DynamicParameters(new { id, To = WireNames.Of(r.To), now });
        await connection.ExecuteAsync($"UPDATE policy_recommendations SET state = @To, version = version + 1, updated_at = @now{plan.Assignments(p)} WHERE id = @id", p, tx);
        await RecordMoveAsync(connection, tx, id, from, r.To, name, actor, ListRules.Normal(r.Comment), plan.Timeline, now);
        // The outbox, in the move's transaction (ADR 0018): routed → the addressed ministries; every move → the raiser.
        await notifications.NotifyRecommendationMovedAsync(connection, tx, id, WireNames.Of(from), WireNames.Of(r.To), name,
            routed: r.To == RecommendationState.Routed && from != RecommendationState.Routed, actor, now);
        return await FinishAsync(connection, tx, id, actor, "transition:" + (name ?? WireNames.Of(r.To)), before, ct);
    }

    /// <summary>Creates the regulatory issue a recommendation becomes: raised by the same operator, for its clusters (or the clusters it operates).</summary>
    private async Task<StoreResult<long>> ConvertAsync(DbConnection connection, DbTransaction tx, RecommendationRow row, RecommendationTransitionRequest r, Actor actor,
        DateTimeOffset now)
    {
        var clusterIds = (await connection.QueryAsync<long>("SELECT cluster_id FROM policy_recommendation_clusters WHERE recommendation_id = @Id ORDER BY cluster_id",
            new { row.Id }, tx)).AsList();
        if (clusterIds.Count == 0)
            clusterIds = (await connection.QueryAsync<long>("SELECT id FROM clusters WHERE operator_id = @RaisedById AND status <> 'archived' ORDER BY id",
                new { row.RaisedById }, tx)).AsList();
        if (clusterIds.Count == 0)
            return Refusal.Conflict(Text.Of("과제에는 클러스터가 필요합니다. 제언에 클러스터를 지정한 뒤 다시 시도하세요.",
                "An issue needs a cluster: name one on the recommendation first."));
        var source = row.SourceMeetingId is null ? null : $"{(row.MeetingNumber is { } n ? $"제{n}차 " : "")}{row.MeetingTitleKo}";
        var request = new CreateRegulatoryIssueRequest(row.ThemeKo, row.Content, r.ProposalKo!.Trim(), r.Category!.Value, [],
            TitleEn: row.ThemeEn, LawName: ListRules.Normal(r.LawName), SourceMeeting: source is null ? null : source[..Math.Min(source.Length, 200)]);
        return await issues.CreateFromRecommendationAsync(connection, tx, request, row.RaisedById, clusterIds, row.Id, actor, now);
    }

    private async Task<WriteResult<PolicyRecommendationDto>> FinishAsync(DbConnection connection, DbTransaction tx, long id, Actor actor, string action,
        PolicyRecommendationDto before, CancellationToken ct)
    {
        var after = await VersionedAsync(connection, tx, (await RowAsync(connection, tx, id))!, actor);
        await audit.WriteAsync(connection, tx, actor, action, EntityType, id, before, after.Value);
        await tx.CommitAsync(ct);
        return after;
    }

    private static Task RecordMoveAsync(DbConnection connection, DbTransaction tx, long id, RecommendationState? from, RecommendationState to, string? move, Actor actor,
        string? comment, IReadOnlyDictionary<string, string?> fields, DateTimeOffset now) =>
        connection.ExecuteAsync("""
            INSERT INTO policy_recommendation_transitions (recommendation_id, from_state, to_state, move, actor_name, occurred_at, comment, fields_json)
            VALUES (@id, @From, @To, @move, @ActorName, @now, @comment, @Fields)
            """, new
        {
            id, From = from is { } f ? WireNames.Of(f) : null, To = WireNames.Of(to), move, ActorName = actor.DisplayName, now, comment,
            Fields = JsonSerializer.Serialize(fields),
        }, tx);

    /// <summary>The recommendation's timeline, oldest first; null when there is no such recommendation.</summary>
    public async Task<IReadOnlyList<RecommendationTransitionDto>?> HistoryAsync(long id, CancellationToken ct)
    {
        await using var connection = await db.OpenAsync(ct);
        if (await connection.ExecuteScalarAsync<long?>("SELECT id FROM policy_recommendations WHERE id = @id", new { id }) is null) return null;
        var rows = await connection.QueryAsync<TransitionRow>("""
            SELECT from_state, to_state, move, actor_name, occurred_at, comment, fields_json
            FROM policy_recommendation_transitions WHERE recommendation_id = @id ORDER BY id
            """, new { id });
        return rows.Select(t => new RecommendationTransitionDto(t.FromState is null ? null : WireNames.Parse<RecommendationState>(t.FromState),
            WireNames.Parse<RecommendationState>(t.ToState), t.Move, t.ActorName, t.OccurredAt, t.Comment,
            JsonSerializer.Deserialize<Dictionary<string, string?>>(t.FieldsJson) ?? [])).ToList();
    }
}
