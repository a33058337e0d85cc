using System.Data.Common;
using System.Globalization;
using System.Text.Json;
using BioCluster.Api.Features.Access;
using BioCluster.Api.Features.Audit;
using BioCluster.Api.Features.Notifications;
using BioCluster.Api.Features.Holidays;
using BioCluster.Api.Infrastructure.Data;
using BioCluster.Api.Infrastructure.Http;
using BioCluster.Contracts.Access;
using BioCluster.Contracts.Common;
using BioCluster.Contracts.RegulatoryIssues;
using Dapper;
using Microsoft.AspNetCore.Http.Json;
using Microsoft.Extensions.Options;

namespace BioCluster.Api.Features.RegulatoryIssues;

/// <summary>Filters of the issue list and export, already checked by the endpoint.</summary>
public sealed record IssueFilter(
    IReadOnlyList<string> Statuses,
    IReadOnlyList<string> Categories,
    IReadOnlyList<int> Priorities,
    string? ClusterCode = null,
    string? RaisedByCode = null,
    string? LeadMinistryCode = null,
    bool? Overdue = null,
    DateTimeOffset? DueBefore = null,
    DateTimeOffset? CreatedFrom = null,
    DateTimeOffset? CreatedTo = null,
    string? Query = null,
    string? MinistryCode = null,
    MinistryRole? MinistryRole = null,
    bool? ChallengeOpen = null,
    bool? FinalAnswerOverdue = null,
    string? OperatorCode = null)
{
    /// <summary>
    /// Set by the store from the configured periods (<see cref="IssuePeriods"/>): a refusal answered at or after this instant
    /// is still open to challenge; a long-term review begun before this instant is past its final-answer deadline.
    /// </summary>
    internal DateTimeOffset? ChallengeAnsweredFrom { get; init; }
    internal DateTimeOffset? FinalAnswerBegunBefore { get; init; }
}

/// <summary>All SQL about regulatory issues: the record, its workflow moves, comments and statistics.</summary>
public sealed partial class RegulatoryIssueStore(DbConnectionFactory db, TimeProvider clock, AuditStore audit, IConfiguration configuration, IOptions<JsonOptions> json,
    NotificationStore notifications, HolidayStore holidays)
{
    public const string EntityType = "regulatory_issue";

    /// <summary>A cluster link, with the copy of its issue's state and time of last change that the operator's home reads (migration 0023;
    /// a trigger keeps the copy in step afterwards).</summary>
    internal const string InsertLink = """
        INSERT INTO regulatory_issue_clusters (issue_id, cluster_id, issue_status, issue_updated_at)
        SELECT id, @clusterId, status, updated_at FROM regulatory_issues WHERE id = @id
        """;
    /// <summary>next_due_at for issues that wait on no deadline.</summary>
    public static readonly DateTimeOffset NoDeadline = new(9999, 12, 31, 0, 0, 0, TimeSpan.Zero);

    private int ResponseDays => configuration.GetValue("Workflow:ResponseDays", 14);

    /// <summary>The challenge period and the long-term review period as configured, with the deadline counting.</summary>
    private async Task<IssuePeriods> PeriodsAsync() => IssuePeriods.Configured(await holidays.WorkingDaysAsync(CancellationToken.None), configuration);

    public static int RankOf(IssuePriority p) => (int)p + 1;
    public static IssuePriority PriorityOf(int rank) => (IssuePriority)(rank - 1);

    public sealed class IssueRow
    {
        public long Id { get; set; }
        public string TitleKo { get; set; } = "";
        public string? TitleEn { get; set; }
        public string ProblemKo { get; set; } = "";
        public string? ProblemEn { get; set; }
        public string ProposalKo { get; set; } = "";
        public string? ProposalEn { get; set; }
        public string Category { get; set; } = "";
        public string? LawName { get; set; }
        public string? LawArticle { get; set; }
        public long RaisedById { get; set; }
        public string RaisedByCode { get; set; } = "";
        public string RaisedByNameKo { get; set; } = "";
        public string? RaisedByNameEn { get; set; }
        public long? LeadMinistryId { get; set; }
        public string? LeadMinistryCode { get; set; }
        public string? LeadMinistryNameKo { get; set; }
        public string? LeadMinistryNameEn { get; set; }
        public string? OfficialName { get; set; }
        public string? OfficialDepartment { get; set; }
        public string? OfficialContact { get; set; }
        public int Priority { get; set; }
        public string? SourceMeeting { get; set; }
        public string Tags { get; set; } = "[]";
        public string? ExternalRef { get; set; }
        public string Status { get; set; } = "";
        public DateTimeOffset? AssignedAt { get; set; }
        public DateTimeOffset? ResponseDueAt { get; set; }
        public DateTimeOffset? AnsweredAt { get; set; }
        public string? Answer { get; set; }
        public double? AnswerDays { get; set; }
        public string? PlannedChange { get; set; }
        public string? Instrument { get; set; }
        public DateOnly? PlannedCompletionOn { get; set; }
        public DateOnly? ReviewOn { get; set; }
        public string? Justification { get; set; }
        public int? ProgressPercent { get; set; }
        public string? ProgressNote { get; set; }
        public DateOnly? CompletedOn { get; set; }
        public string? Evidence { get; set; }
        public string? WithdrawalReason { get; set; }
        public bool RereviewUsed { get; set; }
        public DateTimeOffset NextDueAt { get; set; }
        public long Version { get; set; }
        public DateTimeOffset CreatedAt { get; set; }
        public DateTimeOffset UpdatedAt { get; set; }
        public int DeadlineExtensions { get; set; }
        public string? RequestKind { get; set; }
        public string? RequestReason { get; set; }
        public long? RequestMinistryId { get; set; }
        public string? RequestMinistryCode { get; set; }
        public string? RequestMinistryNameKo { get; set; }
        public string? RequestMinistryNameEn { get; set; }
        public DateOnly? RequestDueOn { get; set; }
        public DateTimeOffset? RequestedAt { get; set; }
        /// <summary>The copy of the issue's cluster ids kept on its row (see <see cref="ClusterIdsText"/>).</summary>
        public string ClusterIds { get; set; } = "";
        /// <summary>The policy recommendation this issue was made from (migration 0027), if any.</summary>
        public long? SourceRecommendationId { get; set; }

        public IssueStatus StatusValue => WireNames.Parse<IssueStatus>(Status);

        public RegulatoryIssueSummaryDto ToSummary(AgencyRef raisedBy, AgencyRef? leadMinistry, IReadOnlyList<ClusterRef> clusters, DateTimeOffset now,
            IssuePeriods periods, MinistryRole? role = null)
        {
            var status = StatusValue;
            var (overdue, kind, remaining, late) = IssueWorkflow.Deadline(status, ResponseDueAt, ReviewOn, PlannedCompletionOn, now);
            var later = periods.Of(status, AnsweredAt, now);
            return new RegulatoryIssueSummaryDto(Id, TitleKo, TitleEn, WireNames.Parse<IssueCategory>(Category), raisedBy, clusters, leadMinistry,
                PriorityOf(Priority), status, ResponseDueAt, PlannedCompletionOn, ReviewOn, ProgressPercent, overdue, kind, remaining, late,
                CreatedAt, UpdatedAt, DeadlineExtensions, RequestKind is null ? null : WireNames.Parse<IssueRequestKind>(RequestKind),
                later.ChallengeDueOn, later.FinalAnswerDueOn, role);
        }

        /// <summary>The lead ministry's request waiting for the secretariat, if any.</summary>
        public IssuePendingRequestDto? PendingRequest() => RequestKind is null ? null : new IssuePendingRequestDto(
            WireNames.Parse<IssueRequestKind>(RequestKind), RequestReason ?? "",
            RequestMinistryId is { } m ? new AgencyRef(m, RequestMinistryCode!, RequestMinistryNameKo!, RequestMinistryNameEn) : null,
            RequestDueOn, RequestedAt ?? UpdatedAt);

        public RegulatoryIssueDto ToDto(IReadOnlyList<ClusterRef> clusters, IReadOnlyList<AgencyRef> coMinistries, IssueParty party, bool showContact,
            DateTimeOffset now, IssuePeriods periods)
        {
            var status = StatusValue;
            var later = periods.Of(status, AnsweredAt, now);
            var pending = RequestKind is not null;
            var (overdue, kind, remaining, late) = IssueWorkflow.Deadline(status, ResponseDueAt, ReviewOn, PlannedCompletionOn, now);
            return new RegulatoryIssueDto(
                Id, TitleKo, TitleEn, ProblemKo, ProblemEn, ProposalKo, ProposalEn, WireNames.Parse<IssueCategory>(Category),
                LawName, LawArticle, new AgencyRef(RaisedById, RaisedByCode, RaisedByNameKo, RaisedByNameEn), clusters,
                LeadMinistryId is { } lead ? new AgencyRef(lead, LeadMinistryCode!, LeadMinistryNameKo!, LeadMinistryNameEn) : null,
                coMinistries,
                OfficialName is null ? null : new ResponsibleOfficial(OfficialName, OfficialDepartment, showContact ? OfficialContact : null),
                PriorityOf(Priority), SourceMeeting, JsonSerializer.Deserialize<List<string>>(Tags) ?? [], ExternalRef, status,
                AssignedAt, ResponseDueAt, AnsweredAt, PlannedChange,
                Instrument is null ? null : WireNames.Parse<Instrument>(Instrument), PlannedCompletionOn, ReviewOn, Justification,
                ProgressPercent, ProgressNote, CompletedOn, Evidence, WithdrawalReason, RereviewUsed,
                overdue, kind, remaining, late, IssueWorkflow.MovesFor(status, party, RereviewUsed, pending),
                IssueWorkflow.MoveFormsFor(status, party, RereviewUsed, pending), CreatedAt, UpdatedAt, null, DeadlineExtensions, PendingRequest(),
                later.ChallengeDueOn, later.ChallengeOpen, later.FinalAnswerDueOn, later.FinalAnswerOverdue);
        }
    }

    private sealed class ClusterLinkRow
    {
        public long IssueId { get; set; }
        public long ClusterId { get; set; }
    }

    private sealed class RefRow
    {
        public long Id { get; set; }
        public string Code { get; set; } = "";
        public string NameKo { get; set; } = "";
        public string? NameEn { get; set; }
    }

    private sealed class LinkRow
    {
        public long IssueId { get; set; }
        public long Id { get; set; }
        public string Code { get; set; } = "";
        public string NameKo { get; set; } = "";
        public string? NameEn { get; set; }
    }


    private const string Select = """
        SELECT i.*, rb.code AS raised_by_code, rb.name_ko AS raised_by_name_ko, rb.name_en AS raised_by_name_en,
               lm.code AS lead_ministry_code, lm.name_ko AS lead_ministry_name_ko, lm.name_en AS lead_ministry_name_en,
               rq.code AS request_ministry_code, rq.name_ko AS request_ministry_name_ko, rq.name_en AS request_ministry_name_en
        FROM regulatory_issues i
        JOIN agencies rb ON rb.id = i.raised_by_id
        LEFT JOIN agencies lm ON lm.id = i.lead_ministry_id
        LEFT JOIN agencies rq ON rq.id = i.request_ministry_id
        """;

    /// <summary>The caller's part in an issue, which the workflow table judges moves by.</summary>
    public static IssueParty PartyOf(Actor actor, IssueRow issue)
    {
        var party = IssueParty.None;
        if (actor.Role == Role.Admin) party |= IssueParty.Admin;
        if (actor.Role == Role.Secretariat) party |= IssueParty.Secretariat;
        if (actor.Role == Role.MinistryReviewer && actor.AgencyId is { } m && m == issue.LeadMinistryId) party |= IssueParty.LeadMinistry;
        if (actor.AgencyId is { } a && a == issue.RaisedById && actor.Role is Role.ClusterOperator or Role.Secretariat or Role.Admin)
            party |= IssueParty.Raiser;
        return party;
    }

    /// <summary>
    /// The clusters of these issues, each issue's by code, for the detail page and exports (a list page reads the copy
    /// of the ids on each row): the links first, then each distinct cluster once (a page names a few clusters many
    /// times; joining every link to its cluster and sorting in SQL cost twice as much).
    /// </summary>
    private async Task<ILookup<long, ClusterRef>> ClustersOfAsync(DbConnection connection, DbTransaction? tx, IEnumerable<long> ids)
    {
        var links = await Rows.QueryAsync<ClusterLinkRow>(connection, $"""
            SELECT issue_id, cluster_id FROM regulatory_issue_clusters WHERE issue_id IN ({db.Dialect.IdsIn("@ids")})
            """, IdsParameter(ids), tx, 64);
        if (links.Count == 0) return Array.Empty<(long IssueId, ClusterRef Cluster)>().ToLookup(l => l.IssueId, l => l.Cluster);
        var clusters = await ClusterRefsAsync(connection, tx, links.Select(l => l.ClusterId).Distinct());
        return links.Select(l => (l.IssueId, Cluster: clusters[l.ClusterId])).OrderBy(l => l.Cluster.Code, StringComparer.Ordinal)
            .ToLookup(l => l.IssueId, l => l.Cluster);
    }

    /// <summary>The clusters with these ids, ordered by code (as the detail page lists them).</summary>
    private static List<ClusterRef> ByCode(List<long> ids, Dictionary<long, ClusterRef> clusters)
    {
        var refs = ids.ConvertAll(id => clusters[id]);
        if (refs.Count > 1) refs.Sort((a, b) => string.CompareOrdinal(a.Code, b.Code));
        return refs;
    }

    /// <summary>The agencies with these ids, by id.</summary>
    private Task<Dictionary<long, AgencyRef>> AgenciesAsync(DbConnection connection, IEnumerable<long> ids) =>
        RefsAsync(connection, null, "agencies", ids, (id, code, ko, en) => new AgencyRef(id, code, ko, en));

    /// <summary>The clusters with these ids, by id.</summary>
    private Task<Dictionary<long, ClusterRef>> ClusterRefsAsync(DbConnection connection, DbTransaction? tx, IEnumerable<long> ids) =>
        RefsAsync(connection, tx, "clusters", ids, (id, code, ko, en) => new ClusterRef(id, code, ko, en));

    /// <summary>The rows of a table of coded, named things (agencies, clusters) with these ids, as references, by id.</summary>
    private async Task<Dictionary<long, T>> RefsAsync<T>(DbConnection connection, DbTransaction? tx, string table, IEnumerable<long> ids,
        Func<long, string, string, string?, T> reference) =>
        (await Rows.QueryAsync<RefRow>(connection, $"SELECT id, code, name_ko, name_en FROM {table} WHERE id IN ({db.Dialect.IdsIn("@ids")})",
            IdsParameter(ids), tx)).ToDictionary(x => x.Id, x => reference(x.Id, x.Code, x.NameKo, x.NameEn));

    private static DynamicParameters IdsParameter(IEnumerable<long> ids)
    {
        var p = new DynamicParameters();
        p.Add("ids", SqlDialect.IdList(ids));
        return p;
    }

    private async Task<IReadOnlyList<RegulatoryIssueDto>> ToDtosAsync(DbConnection connection, DbTransaction? tx, IReadOnlyList<IssueRow> rows, Actor actor)
    {
        if (rows.Count == 0) return [];
        var ids = rows.Select(r => r.Id).ToList();
        var clusters = await ClustersOfAsync(connection, tx, ids);
        var co = (await connection.QueryAsync<LinkRow>($"""
            SELECT im.issue_id, a.id, a.code, a.name_ko, a.name_en
            FROM regulatory_issue_co_ministries im JOIN agencies a ON a.id = im.agency_id
            WHERE im.issue_id IN ({db.Dialect.IdsIn("@ids")}) ORDER BY a.code
            """, new { ids = SqlDialect.IdList(ids) }, tx)).ToLookup(l => l.IssueId, l => new AgencyRef(l.Id, l.Code, l.NameKo, l.NameEn));
        var now = clock.GetUtcNow();
        var periods = await PeriodsAsync();
        var meetings = await IssueDecisions.OfIssuesAsync(connection, tx, ids, actor.Role is Role.Admin or Role.Secretariat);
        var sources = await PolicyRecommendations.PolicyRecommendationStore.RefsAsync(connection, tx,
            rows.Select(r => r.SourceRecommendationId).OfType<long>().Distinct().ToList());
        return rows.Select(r => r.ToDto(clusters[r.Id].ToList(), co[r.Id].ToList(), PartyOf(actor, r),
            ContactVisibility.MaySee(actor, r.RaisedById, r.LeadMinistryId, co[r.Id].Select(m => m.Id)), now, periods) with
            {
                Meetings = meetings[r.Id].ToList(),
                SourceRecommendation = r.SourceRecommendationId is { } source ? sources.GetValueOrDefault(source) : null,
            }).ToList();
    }

    private static Task<IssueRow?> RowAsync(DbConnection connection, DbTransaction? tx, long id) =>
        connection.QuerySingleOrDefaultAsync<IssueRow>($"{Select} WHERE i.id = @id", new { id }, tx);

    private async Task<Versioned<RegulatoryIssueDto>?> GetAsync(DbConnection connection, DbTransaction? tx, long id, Actor actor) =>
        await RowAsync(connection, tx, id) is { } row ? await VersionedAsync(connection, tx, row, actor) : null;

    /// <summary>The DTO of a row already read, so a write reads its issue once before and once after.</summary>
    private async Task<Versioned<RegulatoryIssueDto>> VersionedAsync(DbConnection connection, DbTransaction? tx, IssueRow row, Actor actor) =>
        new((await ToDtosAsync(connection, tx, [row], actor))[0], row.Version);

    public async Task<Versioned<RegulatoryIssueDto>?> GetAsync(long id, Actor actor, CancellationToken ct)
    {
        await using var connection = await db.OpenAsync(ct);
        return await GetAsync(connection, null, id, actor);
    }


    public async Task<StoreResult<Versioned<RegulatoryIssueDto>>> CreateAsync(CreateRegulatoryIssueRequest r, long raisedById, Actor actor,
        CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        await using var connection = await db.OpenAsync(ct);
        await using var tx = await connection.BeginTransactionAsync(ct);
        var clusters = await ResolveClustersAsync(connection, tx, r.ClusterCodes);
        if (clusters.Refusal is { } noClusters) return noClusters;
        var inserted = await InsertAsync(connection, tx, r, raisedById, clusters.Value!, actor, now);
        if (inserted.Refusal is { } notInserted) return notInserted;
        var id = inserted.Value;
        var created = (await GetAsync(connection, tx, id, actor))!;
        await audit.WriteAsync(connection, tx, actor, "create", EntityType, id, null, created.Value);
        await tx.CommitAsync(ct);
        return created;
    }

    /// <summary>
    /// A new issue made from a policy recommendation (issue 20), in the recommendation's transaction: inserted as any new
    /// issue, marked with the recommendation it came from, audited as a create.
    /// </summary>
    internal async Task<StoreResult<long>> CreateFromRecommendationAsync(DbConnection connection, DbTransaction tx, CreateRegulatoryIssueRequest r,
        long raisedById, IReadOnlyList<long> clusterIds, long recommendationId, Actor actor, DateTimeOffset now)
    {
        var inserted = await InsertAsync(connection, tx, r, raisedById, clusterIds, actor, now);
        if (inserted.Refusal is { } refusal) return refusal;
        var id = inserted.Value;
        await connection.ExecuteAsync("UPDATE regulatory_issues SET source_recommendation_id = @recommendationId WHERE id = @id", new { id, recommendationId }, tx);
        var created = (await GetAsync(connection, tx, id, actor))!;
        await audit.WriteAsync(connection, tx, actor, "create", EntityType, id, null, created.Value);
        return id;
    }

    /// <summary>
    /// A new issue in <c>submitted</c>, with its clusters, tallies and the first entry of its timeline, in the
    /// caller's transaction (the API's create and the import share it; each writes its own audit entry).
    /// </summary>
    internal async Task<StoreResult<long>> InsertAsync(DbConnection connection, DbTransaction tx, CreateRegulatoryIssueRequest r, long raisedById,
        IReadOnlyList<long> clusterIds, Actor actor, DateTimeOffset now)
    {
        IssueDecisions.DecisionRow? decision = null;
        if (r.SourceAgendaItemId is { } itemId)
        {
            var decided = await IssueDecisions.DecidedAsync(connection, tx, itemId, "sourceAgendaItemId");
            if (decided.Refusal is { } notDecided) return notDecided;
            decision = decided.Value!;
            r = r with { SourceMeeting = r.SourceMeeting ?? decision.Label };
        }
        long id;
        try
        {
            id = await connection.ExecuteScalarAsync<long>($"""
                INSERT INTO regulatory_issues (title_ko, title_en, problem_ko, problem_en, proposal_ko, proposal_en, category, law_name, law_article,
                    raised_by_id, official_name, official_department, official_contact, priority, source_meeting, tags, external_ref,
                    status, rereview_used, next_due_at, version, created_at, updated_at, cluster_ids)
                VALUES (@TitleKo, @TitleEn, @ProblemKo, @ProblemEn, @ProposalKo, @ProposalEn, @Category, @LawName, @LawArticle,
                    @RaisedById, @OfficialName, @OfficialDepartment, @OfficialContact, @Priority, @SourceMeeting, @Tags, @ExternalRef,
                    'submitted', @False, @NoDeadline, 1, @Now, @Now, @ClusterIds);
                {db.Dialect.SelectNewId}
                """,
                new
                {
                    r.TitleKo, r.TitleEn, r.ProblemKo, r.ProblemEn, r.ProposalKo, r.ProposalEn, Category = WireNames.Of(r.Category),
                    r.LawName, r.LawArticle, RaisedById = raisedById, OfficialName = r.Official?.Name, OfficialDepartment = r.Official?.Department,
                    OfficialContact = r.Official?.Contact, Priority = RankOf(r.Priority ?? IssuePriority.Normal), r.SourceMeeting,
                    Tags = JsonSerializer.Serialize(r.Tags ?? []), r.ExternalRef, False = false, NoDeadline, Now = now,
                    ClusterIds = ClusterIdsText(clusterIds),
                }, tx);
        }
        catch (DbException e) when (db.Dialect.IsUniqueViolation(e))
        {
            return Refusal.Conflict(Text.Of($"externalRef가 '{r.ExternalRef}'인 과제가 이미 있습니다.", $"An issue with externalRef '{r.ExternalRef}' already exists."));
        }
        foreach (var clusterId in clusterIds)
            await connection.ExecuteAsync(InsertLink, new { id, clusterId }, tx);
        await IssueTallies.MoveAsync(connection, tx, db.Dialect, null, (null, "submitted", WireNames.Of(r.Category)));
        await IssueTallies.ClustersAsync(connection, tx, db.Dialect, [], clusterIds);
        var fields = new Dictionary<string, string?>();
        if (decision is not null)
        {
            await IssueDecisions.LinkAsync(connection, tx, decision.AgendaItemId, id);
            fields["decision"] = decision.Label;
        }
        await RecordMoveAsync(connection, tx, id, null, IssueStatus.Submitted, actor, null, fields, now);
        return id;
    }

    public async Task<WriteResult<RegulatoryIssueDto>> UpdateAsync(long id, long expectedVersion, UpdateRegulatoryIssueRequest r, Actor actor,
        Func<IssueRow, bool> mayEdit, CancellationToken ct)
    {
        await using var connection = await db.OpenAsync(ct);
        await using var tx = await connection.BeginTransactionAsync(ct);
        var row = await RowAsync(connection, tx, id);
        if (row is null) return WriteResult<RegulatoryIssueDto>.NotFound;
        if (!mayEdit(row))
            return Refusal.Forbidden(Text.Of("협의체 간사, 또는 배정되기 전까지는 과제를 제기한 기관만 고칠 수 있습니다.",
                "Only the secretariat, or the raising agency while the issue waits to be routed, may edit it."));
        if (row.Version != expectedVersion) return WriteResult<RegulatoryIssueDto>.Stale;
        var before = await VersionedAsync(connection, tx, row, actor);
        var clusters = await ResolveClustersAsync(connection, tx, r.ClusterCodes);
        if (clusters.Refusal is { } noClusters) return noClusters;
        if (await ReplaceAsync(connection, tx, id, expectedVersion, r, (row.LeadMinistryId, row.Status, row.Category), clusters.Value!, clock.GetUtcNow())
            is { } notReplaced)
            return notReplaced;
        var after = (await GetAsync(connection, tx, id, actor))!;
        await audit.WriteAsync(connection, tx, actor, "update", EntityType, id, before.Value, after.Value);
        await tx.CommitAsync(ct);
        return WriteResult<RegulatoryIssueDto>.Done(after);
    }

    /// <summary>
    /// Replaces an issue's description (not its workflow fields) if it is still at <paramref name="expectedVersion"/>, relinks
    /// its clusters and moves its tallies, in the caller's transaction; a refusal when the version no longer matches (stale)
    /// or another issue has its externalRef (conflict).
    /// </summary>
    internal async Task<Refusal?> ReplaceAsync(DbConnection connection, DbTransaction tx, long id, long expectedVersion, UpdateRegulatoryIssueRequest r,
        (long? Lead, string Status, string Category) key, IReadOnlyList<long> clusterIds, DateTimeOffset now)
    {
        int changed;
        try
        {
            changed = await connection.ExecuteAsync("""
                UPDATE regulatory_issues
                SET title_ko = @TitleKo, title_en = @TitleEn, problem_ko = @ProblemKo, problem_en = @ProblemEn, proposal_ko = @ProposalKo,
                    proposal_en = @ProposalEn, category = @Category, law_name = @LawName, law_article = @LawArticle,
                    official_name = @OfficialName, official_department = @OfficialDepartment, official_contact = @OfficialContact,
                    priority = @Priority, source_meeting = @SourceMeeting, tags = @Tags, external_ref = @ExternalRef,
                    cluster_ids = @ClusterIds, version = version + 1, updated_at = @Now
                WHERE id = @Id AND version = @ExpectedVersion
                """,
                new
                {
                    Id = id, ExpectedVersion = expectedVersion, r.TitleKo, r.TitleEn, r.ProblemKo, r.ProblemEn, r.ProposalKo, r.ProposalEn,
                    Category = WireNames.Of(r.Category), r.LawName, r.LawArticle, OfficialName = r.Official?.Name,
                    OfficialDepartment = r.Official?.Department, OfficialContact = r.Official?.Contact, Priority = RankOf(r.Priority),
                    r.SourceMeeting, Tags = JsonSerializer.Serialize(r.Tags ?? []), r.ExternalRef, Now = now,
                    ClusterIds = ClusterIdsText(clusterIds),
                }, tx);
        }
        catch (DbException e) when (db.Dialect.IsUniqueViolation(e))
        {
            return Refusal.Conflict(Text.Of($"externalRef가 '{r.ExternalRef}'인 과제가 이미 있습니다.", $"An issue with externalRef '{r.ExternalRef}' already exists."));
        }
        if (changed == 0) return Refusal.Stale;
        var previousClusters = (await connection.QueryAsync<long>("SELECT cluster_id FROM regulatory_issue_clusters WHERE issue_id = @id", new { id }, tx)).ToList();
        await connection.ExecuteAsync("DELETE FROM regulatory_issue_clusters WHERE issue_id = @id", new { id }, tx);
        foreach (var clusterId in clusterIds)
            await connection.ExecuteAsync(InsertLink, new { id, clusterId }, tx);
        await IssueTallies.ClustersAsync(connection, tx, db.Dialect, previousClusters.Except(clusterIds), clusterIds.Except(previousClusters));
        await IssueTallies.MoveAsync(connection, tx, db.Dialect, key, (key.Lead, key.Status, WireNames.Of(r.Category)));
        return null;
    }


    private Task RecordMoveAsync(DbConnection connection, DbTransaction tx, long id, IssueStatus? from, IssueStatus to, Actor actor, string? comment,
        Dictionary<string, string?> fields, DateTimeOffset now) =>
        connection.ExecuteAsync("""
            INSERT INTO regulatory_issue_transitions (issue_id, from_status, to_status, actor_type, actor_name, occurred_at, comment, fields_json)
            VALUES (@id, @From, @To, @ActorType, @ActorName, @now, @comment, @Fields)
            """,
            new
            {
                id, From = from is { } f ? WireNames.Of(f) : null, To = WireNames.Of(to), ActorType = WireNames.Of(actor.Type),
                ActorName = actor.DisplayName, now, comment, Fields = JsonSerializer.Serialize(fields, json.Value.SerializerOptions),
            }, tx);

    internal static async Task<StoreResult<List<long>>> ResolveClustersAsync(DbConnection connection, DbTransaction tx, IReadOnlyList<string> codes)
    {
        var wanted = codes.Distinct().ToList();
        var found = (await connection.QueryAsync<LinkRow>("SELECT id, code FROM clusters WHERE code IN @wanted AND status <> 'archived'", new { wanted }, tx)).ToList();
        var missing = string.Join(", ", wanted.Except(found.Select(f => f.Code)));
        if (missing.Length > 0)
            return Refusal.Invalid("clusterCodes", Text.Of($"다음 코드의 활성 클러스터가 없습니다: {missing}.", $"No active cluster has the code(s): {missing}."));
        return found.Select(f => f.Id).ToList();
    }
}
