using System.Data.Common;
using BioCluster.Api.Features.Access;
using BioCluster.Api.Features.Audit;
using BioCluster.Api.Features.Notifications;
using BioCluster.Api.Infrastructure.Data;
using BioCluster.Api.Infrastructure.Http;
using BioCluster.Api.Infrastructure.Workflow;
using BioCluster.Contracts.Access;
using BioCluster.Contracts.Common;
using BioCluster.Contracts.Meetings;
using Dapper;

namespace BioCluster.Api.Features.Meetings;

/// <summary>What one caller may see of the council's work: internal items only for the secretariat, or for a cluster operator when they name its clusters.</summary>
public sealed record CouncilView(CouncilParty Party, long? AgencyId, IReadOnlySet<long> OwnClusters)
{
    public bool Manages => Party.HasFlag(CouncilParty.Secretariat) || Party.HasFlag(CouncilParty.Admin);
}

/// <summary>
/// All SQL about meetings as one record: the meeting, its agenda with decisions and links, its attendance and its
/// follow-ups. Every change to any part is guarded by the meeting's version (one ETag for the whole meeting) and
/// audited with the meeting before and after.
/// </summary>
public sealed partial class MeetingStore(DbConnectionFactory db, TimeProvider clock, AuditStore audit, FollowUpStore followUps, NotificationStore notifications)
{
    public const string EntityType = "meeting";

    public sealed class MeetingRow
    {
        public long Id { get; set; }
        public long BodyId { get; set; }
        public string BodyCode { get; set; } = "";
        public string BodyNameKo { get; set; } = "";
        public string OpeningRule { get; set; } = "";
        public string DecisionRule { get; set; } = "";
        public int? Number { get; set; }
        public string TitleKo { get; set; } = "";
        public string? TitleEn { get; set; }
        public string Kind { get; set; } = "";
        public string State { get; set; } = "";
        public DateTimeOffset StartsAt { get; set; }
        public DateTimeOffset? EndsAt { get; set; }
        public string? Venue { get; set; }
        public string? OnlineUrl { get; set; }
        public string? CancelReason { get; set; }
        public int Sequence { get; set; }
        public long Version { get; set; }
        public DateTimeOffset CreatedAt { get; set; }
        public DateTimeOffset UpdatedAt { get; set; }
        public int AgendaItems { get; set; }
        public int OpenFollowUps { get; set; }

        public MeetingState StateValue => WireNames.Parse<MeetingState>(State);

        public MeetingSummaryDto ToSummary() => new(Id, BodyCode, Number, TitleKo, TitleEn, WireNames.Parse<MeetingKind>(Kind), StateValue,
            StartsAt, EndsAt, Venue, AgendaItems, OpenFollowUps);
    }

    public static readonly IReadOnlyList<SortField<MeetingRow>> SortFields =
    [
        SortField<MeetingRow>.Instant("startsAt", "m.starts_at", r => r.StartsAt),
        new("id", "m.id", r => r.Id, Keyset.WholeNumber),
    ];

    private const string Select = """
        SELECT m.id, m.body_id, b.code AS body_code, b.name_ko AS body_name_ko, b.opening_rule, b.decision_rule, m.number, m.title_ko,
               m.title_en, m.kind, m.state, m.starts_at, m.ends_at, m.venue, m.online_url, m.cancel_reason, m.sequence, m.version,
               m.created_at, m.updated_at,
               (SELECT COUNT(*) FROM agenda_items a WHERE a.meeting_id = m.id) AS agenda_items,
               (SELECT COUNT(*) FROM follow_ups f WHERE f.meeting_id = m.id AND f.state IN ('open', 'in_progress')) AS open_follow_ups
        FROM meetings m
        JOIN council_bodies b ON b.id = m.body_id
        """;

    private const string From = "meetings m JOIN council_bodies b ON b.id = m.body_id";

    /// <summary>Who the caller is to the council's records, with the clusters its agency operates (for operators).</summary>
    public async Task<CouncilView> ViewOfAsync(Actor actor, CancellationToken ct)
    {
        var party = actor.Role switch
        {
            Role.Admin => CouncilParty.Admin,
            Role.Secretariat => CouncilParty.Secretariat,
            _ => CouncilParty.None,
        };
        if (actor.Role != Role.ClusterOperator || actor.AgencyId is not { } agency) return new CouncilView(party, actor.AgencyId, new HashSet<long>());
        await using var connection = await db.OpenAsync(ct);
        var own = (await connection.QueryAsync<long>("SELECT id FROM clusters WHERE operator_id = @agency", new { agency })).ToHashSet();
        return new CouncilView(party, agency, own);
    }

    private static (IReadOnlyList<string> Where, DynamicParameters Parameters) Where(MeetingFilter filter)
    {
        var p = new DynamicParameters();
        var where = new List<string>();
        if (filter.BodyCode is { } body) { where.Add("b.code = @body"); p.Add("body", body); }
        if (filter.States is { Count: > 0 } states) { where.Add("m.state IN @states"); p.Add("states", states.Select(s => WireNames.Of(s)).ToList()); }
        if (filter.From is { } from) { where.Add("m.starts_at >= @from"); p.Add("from", Council.EndOf(from.AddDays(-1))); }
        if (filter.To is { } to) { where.Add("m.starts_at <= @to"); p.Add("to", Council.EndOf(to)); }
        if (filter.ClusterCode is { } cluster)
        {
            // Meetings with an item that names the cluster, or names an issue that affects it.
            where.Add("""
                EXISTS (SELECT 1 FROM agenda_items a JOIN agenda_links l ON l.agenda_item_id = a.id
                        WHERE a.meeting_id = m.id
                          AND ((l.target_kind = 'cluster' AND l.target_id IN (SELECT id FROM clusters WHERE code = @cluster))
                            OR (l.target_kind = 'regulatory_issue' AND l.target_id IN
                                (SELECT rc.issue_id FROM regulatory_issue_clusters rc JOIN clusters c ON c.id = rc.cluster_id WHERE c.code = @cluster))))
                """);
            p.Add("cluster", cluster);
        }
        return (where, p);
    }

    public async Task<Page<MeetingSummaryDto>> ListAsync(MeetingFilter filter, SortSpec<MeetingRow> sort, KeysetCursor? cursor, int limit, CancellationToken ct)
    {
        var (where, p) = Where(filter);
        await using var connection = await db.OpenAsync(ct);
        var (rows, next, total) = await Keyset.PageAsync(connection, db.Dialect, Select, From, where, p, sort, cursor, limit, "m.id", r => r.Id);
        return new Page<MeetingSummaryDto>(rows.Select(r => r.ToSummary()).ToList(), next, total);
    }

    /// <summary>Every meeting the filters match, by id, read 500 at a time (the list's export).</summary>
    public IAsyncEnumerable<MeetingSummaryDto> StreamAsync(MeetingFilter filter, CancellationToken ct) =>
        Keyset.StreamAsync<MeetingRow, MeetingSummaryDto>(db, Select, From, () => Where(filter), SortFields.Single(f => f.Name == "id"), "m.id", r => r.Id,
            (_, rows) => Task.FromResult<IReadOnlyList<MeetingSummaryDto>>(rows.Select(r => r.ToSummary()).ToList()), ct);

    internal static Task<MeetingRow?> RowAsync(DbConnection connection, DbTransaction? tx, long id) =>
        connection.QuerySingleOrDefaultAsync<MeetingRow>($"{Select} WHERE m.id = @id", new { id }, tx);

    /// <summary>The meeting an agenda item belongs to, when the item exists (documents on an item are read as the item is).</summary>
    public async Task<long?> MeetingOfAgendaItemAsync(long itemId, CancellationToken ct)
    {
        await using var connection = await db.OpenAsync(ct);
        return await connection.QuerySingleOrDefaultAsync<long?>("SELECT meeting_id FROM agenda_items WHERE id = @itemId", new { itemId });
    }

    /// <summary>Whether the caller's view shows the agenda item (an internal item only to the secretariat and the operators of its clusters).</summary>
    public async Task<bool> ShowsAgendaItemAsync(long itemId, CouncilView view, CancellationToken ct) =>
        await MeetingOfAgendaItemAsync(itemId, ct) is { } meetingId && await GetAsync(meetingId, view, ct) is { } meeting
        && meeting.Value.Agenda.Any(a => a.Id == itemId);

    public async Task<Versioned<MeetingDto>?> GetAsync(long id, CouncilView view, CancellationToken ct)
    {
        await using var connection = await db.OpenAsync(ct);
        return await RowAsync(connection, null, id) is { } row ? await AssembleAsync(connection, null, row, view) : null;
    }

    public async Task<StoreResult<Versioned<MeetingDto>>> CreateAsync(CreateMeetingRequest r, Actor actor, CouncilView view, CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        await using var connection = await db.OpenAsync(ct);
        await using var tx = await connection.BeginTransactionAsync(ct);
        if (await CouncilStore.BodyAsync(connection, tx, r.BodyCode) is not { } body)
            return Refusal.Invalid("bodyCode", Text.Of($"코드 '{r.BodyCode}'인 협의체가 없습니다.", $"No council body has the code '{r.BodyCode}'."));
        var id = await connection.ExecuteScalarAsync<long>($"""
            INSERT INTO meetings (body_id, title_ko, title_en, kind, state, starts_at, ends_at, venue, online_url, sequence, version, created_at, updated_at)
            VALUES (@BodyId, @TitleKo, @TitleEn, @Kind, 'planned', @StartsAt, @EndsAt, @Venue, @OnlineUrl, 0, 1, @Now, @Now);
            {db.Dialect.SelectNewId}
            """, new { BodyId = body.Id, r.TitleKo, r.TitleEn, Kind = WireNames.Of(r.Kind), r.StartsAt, r.EndsAt, r.Venue, r.OnlineUrl, Now = now }, tx);
        var created = await AssembleAsync(connection, tx, (await RowAsync(connection, tx, id))!, view);
        await audit.WriteAsync(connection, tx, actor, "create", EntityType, id, null, created.Value);
        await tx.CommitAsync(ct);
        return created;
    }

    public Task<WriteResult<MeetingDto>> UpdateAsync(long id, long expectedVersion, UpdateMeetingRequest r, Actor actor, CouncilView view, CancellationToken ct) =>
        ChangeAsync(id, expectedVersion, actor, view, "update", async (connection, tx, row) =>
        {
            if (row.StateValue is not (MeetingState.Planned or MeetingState.Convened))
                return NotInState(row, Text.Of("예정되었거나 소집된 회의만 고칠 수 있습니다.", "Only a planned or convened meeting can be edited."));
            await connection.ExecuteAsync("""
                UPDATE meetings SET title_ko = @TitleKo, title_en = @TitleEn, kind = @Kind, starts_at = @StartsAt, ends_at = @EndsAt,
                                    venue = @Venue, online_url = @OnlineUrl
                WHERE id = @id
                """, new { id, r.TitleKo, r.TitleEn, Kind = WireNames.Of(r.Kind), r.StartsAt, r.EndsAt, r.Venue, r.OnlineUrl }, tx);
            return null;
        }, ct);

    /// <summary>
    /// One workflow move. Precedence as for issues: 404, 412, 409 (no such move from this state, or its gate is shut),
    /// 403, 400. Convening numbers the meeting from its body's counter and puts open follow-ups of earlier meetings on
    /// its agenda as matters arising; a move that changes what calendars show (its status, its number) is a new sequence for them.
    /// </summary>
    public Task<WriteResult<MeetingDto>> MoveAsync(long id, long expectedVersion, MeetingMoveRequest r, Actor actor, CouncilView view, CancellationToken ct) =>
        ChangeAsync(id, expectedVersion, actor, view, "transition:" + WireNames.Of(r.To), async (connection, tx, row) =>
        {
            var from = row.StateValue;
            switch (MeetingWorkflow.Table.CanMove(from, r.To, view.Party))
            {
                case MoveVerdict.NotFromThisState:
                    return NotInState(row, Text.Of($"{WireNames.Of(from)} 상태의 회의는 {WireNames.Of(r.To)}(으)로 옮길 수 없습니다.",
                        $"A meeting that is {WireNames.Of(from)} cannot move to {WireNames.Of(r.To)}."));
                case MoveVerdict.NotForThisCaller:
                    return Refusal.Forbidden(Text.Of("회의 상태는 간사(사무국)만 바꿀 수 있습니다.", "Only the secretariat moves a meeting."));
            }
            var now = clock.GetUtcNow();
            var move = MeetingWorkflow.Table.Row(from, r.To)!.Move;
            var definition = MeetingWorkflow.Definition(move);
            var errors = definition.Check(r, Council.DayOf(now), GivenFields<MeetingMoveRequest>.Of(r, "to"), WireNames.Of(r.To));
            if (errors.Count > 0) return Refusal.Invalid(errors);
            var blockers = move switch
            {
                MeetingMove.Hold => await HoldBlockersAsync(connection, tx, id),
                MeetingMove.Close => await CloseBlockersAsync(connection, tx, id),
                _ => [],
            };
            var planned = await definition.PlanAsync(row, r, new MeetingMoveContext(now, blockers));
            if (planned.Refusal is { } refused) return refused;
            var p = new DynamicParameters(new { id, To = WireNames.Of(r.To) });
            var set = planned.Value!.Assignments(p);
            await connection.ExecuteAsync($"UPDATE meetings SET state = @To{set} WHERE id = @id", p, tx);
            if (move == MeetingMove.Convene) await ConveneAsync(connection, tx, row, now);
            await notifications.NotifyMeetingMovedAsync(connection, tx, id, r.To, actor, now);
            return null;
        }, ct);

    private async Task ConveneAsync(DbConnection connection, DbTransaction tx, MeetingRow row, DateTimeOffset now)
    {
        var number = await connection.ExecuteScalarAsync<int>("SELECT next_meeting_number FROM council_bodies WHERE id = @BodyId", new { row.BodyId }, tx);
        await connection.ExecuteAsync("UPDATE council_bodies SET next_meeting_number = @next, updated_at = @now WHERE id = @BodyId",
            new { next = number + 1, now, row.BodyId }, tx);
        await connection.ExecuteAsync("UPDATE meetings SET number = @number WHERE id = @Id", new { number, row.Id }, tx);
        // Matters arising: the agenda items of earlier meetings of this body whose follow-ups are still open.
        var open = (await connection.QueryAsync<long>("""
            SELECT DISTINCT f.agenda_item_id FROM follow_ups f JOIN meetings m ON m.id = f.meeting_id
            WHERE m.body_id = @BodyId AND m.id <> @Id AND m.starts_at < @StartsAt AND f.state IN ('open', 'in_progress') AND f.agenda_item_id IS NOT NULL
            """, new { row.BodyId, row.Id, row.StartsAt }, tx)).AsList();
        if (open.Count == 0) return;
        await connection.ExecuteAsync("UPDATE agenda_items SET position = position + 1 WHERE meeting_id = @Id AND parent_id IS NULL", new { row.Id }, tx);
        var item = await connection.ExecuteScalarAsync<long>($"""
            INSERT INTO agenda_items (meeting_id, position, kind, title_ko, title_en, visibility, created_at, updated_at)
            VALUES (@Id, 1, 'matters_arising', '지난 회의 후속조치 점검', 'Matters arising: open follow-ups of earlier meetings', 'public', @now, @now);
            {db.Dialect.SelectNewId}
            """, new { row.Id, now }, tx);
        foreach (var decision in open)
            await connection.ExecuteAsync("INSERT INTO agenda_links (agenda_item_id, target_kind, target_id) VALUES (@item, 'decision', @decision)",
                new { item, decision }, tx);
    }

    private static async Task<IReadOnlyList<string>> HoldBlockersAsync(DbConnection connection, DbTransaction tx, long id) =>
        await connection.ExecuteScalarAsync<long>("SELECT COUNT(*) FROM meeting_attendance WHERE meeting_id = @id", new { id }, tx) > 0
            ? []
            : [Text.Of("출석을 기록해야 회의를 개최됨으로 표시할 수 있습니다.", "Record attendance before marking the meeting held.")];

    /// <summary>What stops a meeting from closing: items without an outcome, follow-ups without an owner or a due date.</summary>
    internal static async Task<IReadOnlyList<string>> CloseBlockersAsync(DbConnection connection, DbTransaction? tx, long id)
    {
        var undecided = (await connection.QueryAsync<string>(
            "SELECT title_ko FROM agenda_items WHERE meeting_id = @id AND outcome IS NULL ORDER BY position, id", new { id }, tx)).AsList();
        var unowned = (await connection.QueryAsync<string>("""
            SELECT title FROM follow_ups WHERE meeting_id = @id AND state <> 'cancelled' AND (owner_agency_id IS NULL OR due_on IS NULL) ORDER BY id
            """, new { id }, tx)).AsList();
        var blockers = new List<string>();
        blockers.AddRange(undecided.Select(t => Text.Of($"안건 '{t}'에 결과가 없습니다.", $"Agenda item '{t}' has no outcome.")));
        blockers.AddRange(unowned.Select(t => Text.Of($"후속조치 '{t}'에 담당 기관이나 기한이 없습니다.", $"Follow-up '{t}' has no owner or no due date.")));
        return blockers;
    }

    private static Refusal NotInState(MeetingRow row, string detail) => Refusal.Conflict(detail);

    /// <summary>
    /// A change to any part of a meeting, in one transaction: load, 404, 412 against the meeting's version, the change
    /// (which may refuse), then the version bump and the audit entry with the meeting before and after.
    /// </summary>
    private Task<WriteResult<MeetingDto>> ChangeAsync(long id, long expectedVersion, Actor actor, CouncilView view, string action,
        Func<DbConnection, DbTransaction, MeetingRow, Task<Refusal?>> change, CancellationToken ct) =>
        ChangeAsync(id, expectedVersion, actor, view, action, (connection, tx, before) => change(connection, tx, before.Row), ct);

    /// <summary>
    /// <inheritdoc cref="ChangeAsync(long, long, Actor, CouncilView, string, Func{DbConnection, DbTransaction, MeetingRow, Task{Refusal?}}, CancellationToken)"/>
    /// The meeting is read once before the change (the audit's "before", and the parts a change may need, such as the
    /// quorum) and once after it; the audit's "after" and the caller's answer are both shaped from that one read. When
    /// the change alters what a subscribed calendar shows of the meeting (<see cref="Calendar.MeetingCalendar.FaceOf"/>),
    /// its calendar sequence goes up by one, and only then.
    /// </summary>
    private async Task<WriteResult<MeetingDto>> ChangeAsync(long id, long expectedVersion, Actor actor, CouncilView view, string action,
        Func<DbConnection, DbTransaction, MeetingParts, Task<Refusal?>> change, CancellationToken ct)
    {
        await using var connection = await db.OpenAsync(ct);
        await using var tx = await connection.BeginTransactionAsync(ct);
        var row = await RowAsync(connection, tx, id);
        if (row is null) return Refusal.NotFound;
        if (row.Version != expectedVersion) return Refusal.Stale;
        var full = new CouncilView(CouncilParty.Secretariat, null, new HashSet<long>());
        var read = await LoadAsync(connection, tx, row);
        var before = Shape(read, full).Value;
        if (await change(connection, tx, read) is { } refusal) return refusal;
        var changed = await connection.ExecuteAsync("UPDATE meetings SET version = version + 1, updated_at = @now WHERE id = @id AND version = @expectedVersion",
            new { id, expectedVersion, now = clock.GetUtcNow() }, tx);
        if (changed == 0) return Refusal.Stale;
        var afterRead = await LoadAsync(connection, tx, (await RowAsync(connection, tx, id))!);
        var after = Shape(afterRead, full).Value;
        if (Calendar.MeetingCalendar.FaceOf(after) != Calendar.MeetingCalendar.FaceOf(before))
        {
            await connection.ExecuteAsync("UPDATE meetings SET sequence = sequence + 1 WHERE id = @id", new { id }, tx);
            afterRead.Row.Sequence++;
            after = after with { Sequence = afterRead.Row.Sequence };
        }
        await audit.WriteAsync(connection, tx, actor, action, EntityType, id, before, after);
        var seen = Shape(afterRead, view);
        await tx.CommitAsync(ct);
        return seen;
    }
}

/// <summary>Filters of the meeting list, already checked by the endpoint.</summary>
public sealed record MeetingFilter(string? BodyCode, IReadOnlyList<MeetingState>? States, DateOnly? From, DateOnly? To, string? ClusterCode = null);
