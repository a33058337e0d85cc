using System.Data.Common;
using BioCluster.Api.Features.Access;
using BioCluster.Api.Features.Audit;
using BioCluster.Api.Features.Notifications;
using BioCluster.Api.Infrastructure.Data;
using BioCluster.Api.Infrastructure.Http;
using BioCluster.Api.Infrastructure.Workflow;
using BioCluster.Contracts.Common;
using BioCluster.Contracts.Meetings;
using Dapper;

namespace BioCluster.Api.Features.Meetings;

/// <summary>All SQL about follow-up actions (후속조치) and their progress notes.</summary>
public sealed class FollowUpStore(DbConnectionFactory db, TimeProvider clock, AuditStore audit, NotificationStore notifications)
{
    public const string EntityType = "follow_up";

    public sealed class FollowUpRow
    {
        public long Id { get; set; }
        public long MeetingId { get; set; }
        public int? MeetingNumber { get; set; }
        public long? AgendaItemId { get; set; }
        public string? AgendaVisibility { get; set; }
        public string Title { get; set; } = "";
        public string? Detail { get; set; }
        public long? OwnerAgencyId { get; set; }
        public string? OwnerCode { get; set; }
        public string? OwnerNameKo { get; set; }
        public string? OwnerNameEn { get; set; }
        public string? OwnerPerson { get; set; }
        public DateOnly? DueOn { get; set; }
        public string State { get; set; } = "";
        public int ProgressPercent { get; set; }
        public string? CancelReason { get; set; }
        public long Version { get; set; }
        public DateTimeOffset CreatedAt { get; set; }
        public DateTimeOffset UpdatedAt { get; set; }

        public FollowUpState StateValue => WireNames.Parse<FollowUpState>(State);
    }

    public sealed class NoteRow
    {
        public long FollowUpId { get; set; }
        public int ProgressPercent { get; set; }
        public string Note { get; set; } = "";
        public string? Evidence { get; set; }
        public string ActorName { get; set; } = "";
        public DateTimeOffset CreatedAt { get; set; }
    }

    public static readonly IReadOnlyList<SortField<FollowUpRow>> SortFields =
    [
        new("dueOn", "COALESCE(f.due_on, '9999-12-31')", r => r.DueOn?.ToString("yyyy-MM-dd") ?? "9999-12-31", DayFromCursor),
        new("id", "f.id", r => r.Id, Keyset.WholeNumber),
    ];

    /// <summary>A due day from a cursor: a real yyyy-MM-dd day, or the cursor is not one this list gave out.</summary>
    private static object DayFromCursor(System.Text.Json.JsonElement value) =>
        value.ValueKind == System.Text.Json.JsonValueKind.String
        && DateOnly.TryParseExact(value.GetString(), "yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture, System.Globalization.DateTimeStyles.None, out _)
            ? value.GetString()!
            : throw new InvalidOperationException("not a day");

    private const string Select = """
        SELECT f.id, f.meeting_id, m.number AS meeting_number, f.agenda_item_id, a.visibility AS agenda_visibility, f.title, f.detail,
               f.owner_agency_id, g.code AS owner_code, g.name_ko AS owner_name_ko, g.name_en AS owner_name_en, f.owner_person, f.due_on,
               f.state, f.progress_percent, f.cancel_reason, f.version, f.created_at, f.updated_at
        FROM follow_ups f
        JOIN meetings m ON m.id = f.meeting_id
        LEFT JOIN agenda_items a ON a.id = f.agenda_item_id
        LEFT JOIN agencies g ON g.id = f.owner_agency_id
        """;

    private const string From = """
        follow_ups f JOIN meetings m ON m.id = f.meeting_id LEFT JOIN agenda_items a ON a.id = f.agenda_item_id
        LEFT JOIN agencies g ON g.id = f.owner_agency_id
        """;

    public static CouncilParty PartyOf(CouncilView view, FollowUpRow row) =>
        view.Party | (view.AgencyId is { } agency && agency == row.OwnerAgencyId ? CouncilParty.Owner : CouncilParty.None);

    /// <summary>Whether the caller sees a follow-up: the secretariat all; others those of public items and their own.</summary>
    public static bool Sees(CouncilView view, FollowUpRow row) =>
        view.Manages || row.AgendaVisibility is null or "public" || (view.AgencyId is { } a && a == row.OwnerAgencyId);

    private FollowUpDto ToDto(FollowUpRow r, IEnumerable<NoteRow> notes, CouncilView view)
    {
        var (overdue, late) = FollowUpWorkflow.Deadline(r.StateValue, r.DueOn, clock.GetUtcNow());
        return new FollowUpDto(r.Id, r.MeetingId, r.MeetingNumber, r.AgendaItemId, r.Title, r.Detail,
            r.OwnerAgencyId is { } o ? new AgencyRef(o, r.OwnerCode!, r.OwnerNameKo!, r.OwnerNameEn) : null, r.OwnerPerson, r.DueOn, r.StateValue, r.ProgressPercent,
            r.CancelReason, overdue, late, notes.Select(n => new FollowUpNoteDto(n.ProgressPercent, n.Note, n.Evidence, n.ActorName, n.CreatedAt)).ToList(),
            FollowUpWorkflow.MoveFormsFor(r.StateValue, PartyOf(view, r)), r.CreatedAt, r.UpdatedAt);
    }

    private async Task<List<FollowUpDto>> WithNotesAsync(DbConnection connection, DbTransaction? tx, IReadOnlyList<FollowUpRow> rows, CouncilView view)
    {
        if (rows.Count == 0) return [];
        var ids = rows.Select(r => r.Id).ToList();
        var notes = (await connection.QueryAsync<NoteRow>(
            "SELECT follow_up_id, progress_percent, note, evidence, actor_name, created_at FROM follow_up_notes WHERE follow_up_id IN @ids ORDER BY id",
            new { ids }, tx)).ToLookup(n => n.FollowUpId);
        return rows.Select(r => ToDto(r, notes[r.Id], view)).ToList();
    }

    /// <summary>A meeting's follow-ups with their notes as read, to be shown to any caller (<see cref="Shape"/>) without reading them again.</summary>
    public sealed record MeetingFollowUps(IReadOnlyList<FollowUpRow> Rows, ILookup<long, NoteRow> Notes);

    public async Task<MeetingFollowUps> RowsOfMeetingAsync(DbConnection connection, DbTransaction? tx, long meetingId)
    {
        var rows = (await connection.QueryAsync<FollowUpRow>($"{Select} WHERE f.meeting_id = @meetingId ORDER BY f.id", new { meetingId }, tx)).AsList();
        if (rows.Count == 0) return new MeetingFollowUps(rows, Array.Empty<NoteRow>().ToLookup(n => n.FollowUpId));
        var ids = rows.Select(r => r.Id).ToList();
        var notes = (await connection.QueryAsync<NoteRow>(
            "SELECT follow_up_id, progress_percent, note, evidence, actor_name, created_at FROM follow_up_notes WHERE follow_up_id IN @ids ORDER BY id",
            new { ids }, tx)).ToLookup(n => n.FollowUpId);
        return new MeetingFollowUps(rows, notes);
    }

    /// <summary>A meeting's follow-ups as one caller is shown them (the moves it may make); which it sees, the meeting decides.</summary>
    public IReadOnlyList<FollowUpDto> Shape(MeetingFollowUps read, CouncilView view) => read.Rows.Select(r => ToDto(r, read.Notes[r.Id], view)).ToList();

    private (IReadOnlyList<string> Where, DynamicParameters Parameters) Where(FollowUpFilter filter, CouncilView view)
    {
        var p = new DynamicParameters();
        var where = new List<string>();
        if (filter.OwnerCode is { } owner) { where.Add("g.code = @owner"); p.Add("owner", owner); }
        if (filter.MeetingId is { } meeting) { where.Add("f.meeting_id = @meeting"); p.Add("meeting", meeting); }
        if (filter.States is { Count: > 0 } states) { where.Add("f.state IN @states"); p.Add("states", states.Select(s => WireNames.Of(s)).ToList()); }
        if (filter.Overdue == true)
        {
            where.Add("f.state IN ('open', 'in_progress') AND f.due_on < @today");
            p.Add("today", Council.DayOf(clock.GetUtcNow()));
        }
        if (!view.Manages)
        {
            where.Add("(a.visibility IS NULL OR a.visibility = 'public' OR f.owner_agency_id = @viewer)");
            p.Add("viewer", view.AgencyId ?? -1);
        }
        return (where, p);
    }

    public async Task<Page<FollowUpDto>> ListAsync(FollowUpFilter filter, CouncilView view, SortSpec<FollowUpRow> sort, KeysetCursor? cursor, int limit,
        CancellationToken ct)
    {
        var (where, p) = Where(filter, view);
        await using var connection = await db.OpenAsync(ct);
        var (rows, next, total) = await Keyset.PageAsync(connection, db.Dialect, Select, From, where, p, sort, cursor, limit, "f.id", r => r.Id);
        return new Page<FollowUpDto>(await WithNotesAsync(connection, null, rows, view), next, total);
    }

    /// <summary>Every follow-up the filters match that the caller sees, by id, 500 at a time (the board's export).</summary>
    public IAsyncEnumerable<FollowUpDto> StreamAsync(FollowUpFilter filter, CouncilView view, CancellationToken ct) =>
        Keyset.StreamAsync<FollowUpRow, FollowUpDto>(db, Select, From, () => Where(filter, view), SortFields.Single(f => f.Name == "id"), "f.id", r => r.Id,
            async (connection, rows) => await WithNotesAsync(connection, null, rows, view), ct);

    private static Task<FollowUpRow?> RowAsync(DbConnection connection, DbTransaction? tx, long id) =>
        connection.QuerySingleOrDefaultAsync<FollowUpRow>($"{Select} WHERE f.id = @id", new { id }, tx);

    public async Task<Versioned<FollowUpDto>?> GetAsync(long id, CouncilView view, CancellationToken ct)
    {
        await using var connection = await db.OpenAsync(ct);
        var row = await RowAsync(connection, null, id);
        if (row is null || !Sees(view, row)) return null;
        return new Versioned<FollowUpDto>((await WithNotesAsync(connection, null, [row], view))[0], row.Version);
    }

    /// <summary>A follow-up a decision creates, in the decision's transaction; a refusal when its owner is not an active agency.</summary>
    internal async Task<Refusal?> InsertAsync(DbConnection connection, DbTransaction tx, long meetingId, long? itemId, FollowUpRequest f, Actor actor,
        DateTimeOffset now)
    {
        var owner = await OwnerAsync(connection, tx, f.OwnerAgencyCode);
        if (owner.Refusal is { } refusal) return refusal;
        var id = await connection.ExecuteScalarAsync<long>($"""
            INSERT INTO follow_ups (meeting_id, agenda_item_id, title, detail, owner_agency_id, owner_person, due_on, state, progress_percent, version, created_at, updated_at)
            VALUES (@meetingId, @itemId, @Title, @Detail, @Owner, @OwnerPerson, @DueOn, 'open', 0, 1, @now, @now);
            {db.Dialect.SelectNewId}
            """, new { meetingId, itemId, Title = f.Title.Trim(), f.Detail, Owner = owner.Value, f.OwnerPerson, f.DueOn, now }, tx);
        if (owner.Value is not null) await notifications.NotifyFollowUpAssignedAsync(connection, tx, id, actor, now);
        return null;
    }

    private static async Task<StoreResult<long?>> OwnerAsync(DbConnection connection, DbTransaction tx, string? code)
    {
        if (code is null) return (long?)null;
        var id = await connection.QuerySingleOrDefaultAsync<long?>("SELECT id FROM agencies WHERE code = @code AND status = 'active'", new { code }, tx);
        return id is null
            ? Refusal.Invalid("ownerAgencyCode", Text.Of($"코드 '{code}'인 활성 기관이 없습니다.", $"No active agency has the code '{code}'."))
            : id;
    }

    /// <summary>The secretariat sets a follow-up's title, owner, due date or detail (not once it is done or cancelled).</summary>
    public async Task<WriteResult<FollowUpDto>> UpdateAsync(long id, long expectedVersion, UpdateFollowUpRequest r, Actor actor, CouncilView view, CancellationToken ct)
    {
        await using var connection = await db.OpenAsync(ct);
        await using var tx = await connection.BeginTransactionAsync(ct);
        var row = await RowAsync(connection, tx, id);
        if (row is null) return Refusal.NotFound;
        if (row.Version != expectedVersion) return Refusal.Stale;
        if (row.StateValue is FollowUpState.Done or FollowUpState.Cancelled)
            return Refusal.Conflict(Text.Of("완료되었거나 취소된 후속조치는 고칠 수 없습니다.", "A follow-up that is done or cancelled cannot be edited."));
        var owner = await OwnerAsync(connection, tx, r.OwnerAgencyCode);
        if (owner.Refusal is { } refusal) return refusal;
        var before = (await WithNotesAsync(connection, tx, [row], view))[0];
        var now = clock.GetUtcNow();
        await connection.ExecuteAsync("""
            UPDATE follow_ups SET title = @Title, detail = @Detail, owner_agency_id = @Owner, owner_person = @OwnerPerson, due_on = @DueOn,
                                  version = version + 1, updated_at = @now
            WHERE id = @id
            """, new { id, Title = r.Title.Trim(), r.Detail, Owner = owner.Value, r.OwnerPerson, r.DueOn, now }, tx);
        if (owner.Value is not null && owner.Value != row.OwnerAgencyId) await notifications.NotifyFollowUpAssignedAsync(connection, tx, id, actor, now);
        return await FinishAsync(connection, tx, id, actor, "update", before, view, ct);
    }

    /// <summary>A workflow move with its note: 404, 412, 409, 403, 400 as every move; the note is kept with the percent it reported.</summary>
    public async Task<WriteResult<FollowUpDto>> MoveAsync(long id, long expectedVersion, FollowUpMoveRequest r, Actor actor, CouncilView view, CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        await using var connection = await db.OpenAsync(ct);
        await using var tx = await connection.BeginTransactionAsync(ct);
        var row = await RowAsync(connection, tx, id);
        if (row is null || !Sees(view, row)) return Refusal.NotFound;
        if (row.Version != expectedVersion) return Refusal.Stale;
        switch (FollowUpWorkflow.Table.CanMove(row.StateValue, r.To, PartyOf(view, row)))
        {
            case MoveVerdict.NotFromThisState:
                return Refusal.Conflict(Text.Of($"{WireNames.Of(row.StateValue)} 상태의 후속조치는 {WireNames.Of(r.To)}(으)로 옮길 수 없습니다.",
                    $"A follow-up that is {WireNames.Of(row.StateValue)} cannot move to {WireNames.Of(r.To)}."));
            case MoveVerdict.NotForThisCaller:
                return Refusal.Forbidden(Text.Of("담당 기관이나 간사(사무국)만 이 후속조치를 바꿀 수 있습니다.", "Only the owner or the secretariat may move this follow-up."));
        }
        var definition = FollowUpWorkflow.Definition(FollowUpWorkflow.Table.Row(row.StateValue, r.To)!.Move);
        var errors = definition.Check(r, Council.DayOf(now), GivenFields<FollowUpMoveRequest>.Of(r, "to"), WireNames.Of(r.To));
        if (errors.Count > 0) return Refusal.Invalid(errors);
        var plan = (await definition.PlanAsync(row, r, new FollowUpMoveContext(now))).Value!;
        var before = (await WithNotesAsync(connection, tx, [row], view))[0];
        var p = new DynamicParameters(new { id, To = WireNames.Of(r.To), now });
        await connection.ExecuteAsync($"UPDATE follow_ups SET state = @To, version = version + 1, updated_at = @now{plan.Assignments(p)} WHERE id = @id", p, tx);
        if (r.Note is { } note)
            await connection.ExecuteAsync("""
                INSERT INTO follow_up_notes (follow_up_id, progress_percent, note, evidence, actor_name, created_at)
                VALUES (@id, (SELECT progress_percent FROM follow_ups WHERE id = @id), @note, @Evidence, @actor, @now)
                """, new { id, note = note.Trim(), r.Evidence, actor = actor.DisplayName, now }, tx);
        return await FinishAsync(connection, tx, id, actor, "transition:" + WireNames.Of(r.To), before, view, ct);
    }

    private async Task<WriteResult<FollowUpDto>> FinishAsync(DbConnection connection, DbTransaction tx, long id, Actor actor, string action, FollowUpDto before,
        CouncilView view, CancellationToken ct)
    {
        var row = (await RowAsync(connection, tx, id))!;
        var after = (await WithNotesAsync(connection, tx, [row], view))[0];
        await audit.WriteAsync(connection, tx, actor, action, EntityType, id, before, after);
        await tx.CommitAsync(ct);
        return new Versioned<FollowUpDto>(after, row.Version);
    }
}

/// <summary>Filters of the follow-up board, already checked by the endpoint.</summary>
public sealed record FollowUpFilter(string? OwnerCode, long? MeetingId, IReadOnlyList<FollowUpState>? States, bool? Overdue);
