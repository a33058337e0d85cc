using System.Data.Common;
using System.Text.Json;
using BioCluster.Api.Features.Access;
using BioCluster.Api.Infrastructure.Data;
using BioCluster.Api.Infrastructure.Http;
using BioCluster.Api.Infrastructure.Workflow;
using BioCluster.Contracts.Common;
using BioCluster.Contracts.Meetings;
using Dapper;

namespace BioCluster.Api.Features.Meetings;

/// <summary>
/// Minutes as a table of moves: the secretariat circulates a draft to the members, takes it back to revise, records its
/// approval (by the chair, or by a later meeting), and publishes it. A published version is frozen; revising it
/// starts the next version as a draft.
/// </summary>
public static class MinutesWorkflow
{
    public enum Move { Circulation, Revision, Approval, Publication }

    public static readonly WorkflowTable<MinutesState, CouncilParty, Move> Table = new(
    [
        new(MinutesState.Draft, MinutesState.Circulated, CouncilParty.Secretariat, Move.Circulation),
        new(MinutesState.Circulated, MinutesState.Draft, CouncilParty.Secretariat, Move.Revision),
        new(MinutesState.Circulated, MinutesState.Approved, CouncilParty.Secretariat, Move.Approval),
        new(MinutesState.Approved, MinutesState.Published, CouncilParty.Secretariat, Move.Publication),
    ], CouncilParty.Admin);

    private static MoveDefinition<MinutesMoveRequest, MeetingStore.MinutesRow, DateTimeOffset> Plain(string kind) =>
        new(kind, [], (_, _, _, _) => ValueTask.FromResult<Refusal?>(null));

    public static readonly MoveDefinition<MinutesMoveRequest, MeetingStore.MinutesRow, DateTimeOffset> Approval = new("approval",
        [Field.Choice<MinutesMoveRequest, MinutesApproval>("approvedBy", r => r.ApprovedBy, "위원장 승인(chair) 또는 회의 승인(meeting)을 고르세요.",
            "Say who approved: chair or meeting.")],
        (_, r, now, plan) =>
        {
            plan.Set("approved_by", "approvedBy", WireNames.Of(r.ApprovedBy!.Value), WireNames.Of(r.ApprovedBy.Value))
                .Set("approved_at", "approvedAt", now, now.ToString("O"));
            return ValueTask.FromResult<Refusal?>(null);
        });

    public static MoveDefinition<MinutesMoveRequest, MeetingStore.MinutesRow, DateTimeOffset> Definition(Move move) => move switch
    {
        Move.Circulation => Circulation,
        Move.Revision => Revision,
        Move.Approval => Approval,
        Move.Publication => Publication,
        _ => throw new ArgumentOutOfRangeException(nameof(move)),
    };

    public static readonly MoveDefinition<MinutesMoveRequest, MeetingStore.MinutesRow, DateTimeOffset> Circulation = Plain("circulation");
    public static readonly MoveDefinition<MinutesMoveRequest, MeetingStore.MinutesRow, DateTimeOffset> Revision = Plain("revision");
    public static readonly MoveDefinition<MinutesMoveRequest, MeetingStore.MinutesRow, DateTimeOffset> Publication = Plain("publication");

    public static IReadOnlyList<WorkflowMoveDto> MoveFormsFor(MinutesState from, CouncilParty caller) =>
        Table.MovesFor(from, caller).Select(r => Definition(r.Move).Publish(WireNames.Of(r.To))).ToList();
}

/// <summary>The minutes of a meeting, version by version.</summary>
public sealed partial class MeetingStore
{
    public const string MinutesEntity = "meeting_minutes";

    public sealed class MinutesRow
    {
        public long Id { get; set; }
        public long MeetingId { get; set; }
        public int VersionNo { get; set; }
        public string State { get; set; } = "";
        public string? Summary { get; set; }
        public string Remarks { get; set; } = "{}";
        public string? ApprovedBy { get; set; }
        public long? ApprovingMeetingId { get; set; }
        public DateTimeOffset? CirculatedAt { get; set; }
        public DateTimeOffset? ApprovedAt { get; set; }
        public DateTimeOffset? PublishedAt { get; set; }
        public string? PublishedJson { get; set; }
        public long Version { get; set; }

        public MinutesState StateValue => WireNames.Parse<MinutesState>(State);
    }

    private const string MinutesSelect = """
        SELECT id, meeting_id, version_no, state, summary, remarks, approved_by, approving_meeting_id, circulated_at, approved_at, published_at,
               published_json, version
        FROM meeting_minutes
        """;

    private static async Task<List<MinutesRow>> MinutesRowsAsync(DbConnection connection, DbTransaction? tx, long meetingId) =>
        (await connection.QueryAsync<MinutesRow>($"{MinutesSelect} WHERE meeting_id = @meetingId ORDER BY version_no", new { meetingId }, tx)).AsList();

    /// <summary>The latest version (or the one asked for); drafts are the secretariat's only. Null: no such meeting or version.</summary>
    public async Task<Versioned<MinutesDto>?> MinutesAsync(long meetingId, int? versionNo, CouncilView view, CancellationToken ct)
    {
        await using var connection = await db.OpenAsync(ct);
        if (await RowAsync(connection, null, meetingId) is not { } meeting) return null;
        var rows = await MinutesRowsAsync(connection, null, meetingId);
        var visible = rows.Where(r => view.Manages || r.StateValue != MinutesState.Draft).ToList();
        var row = versionNo is { } n ? visible.FirstOrDefault(r => r.VersionNo == n) : visible.LastOrDefault();
        return row is null ? null : await MinutesOfAsync(connection, null, meeting, row, rows, view);
    }

    private async Task<Versioned<MinutesDto>> MinutesOfAsync(DbConnection connection, DbTransaction? tx, MeetingRow meeting, MinutesRow row,
        IReadOnlyList<MinutesRow> all, CouncilView view)
    {
        var versions = all.Where(r => view.Manages || r.StateValue != MinutesState.Draft).Select(r => r.VersionNo).ToList();
        var forms = MinutesWorkflow.MoveFormsFor(row.StateValue, view.Party);
        if (row.PublishedJson is { } frozen)
        {
            var published = JsonSerializer.Deserialize<MinutesDto>(frozen, FrozenJson)!;
            return new(published with { Versions = versions, MoveForms = forms }, row.Version);
        }
        var full = (await AssembleAsync(connection, tx, meeting, new CouncilView(CouncilParty.Secretariat, null, new HashSet<long>()))).Value;
        var remarks = JsonSerializer.Deserialize<Dictionary<string, string>>(row.Remarks) ?? [];
        var attendees = full.Attendance.Where(a => a.Status != AttendanceStatus.Observer)
            .Select(a => new MinutesAttendeeDto(a.Name, a.Status, a.SeatLabel, a.Agency?.NameKo, a.SubstituteName)).ToList();
        var observers = full.Attendance.Where(a => a.Status == AttendanceStatus.Observer)
            .Select(a => new MinutesAttendeeDto(a.Name, a.Status, a.SeatLabel, a.Agency?.NameKo, a.SubstituteName)).ToList();
        var items = full.Agenda.OrderBy(a => a.Numbering, NumberingOrder.Instance).Select(a => new MinutesItemDto(a.Numbering, a.TitleKo, a.Kind,
            a.PresenterAgency?.NameKo ?? a.PresenterName, remarks.GetValueOrDefault(a.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)),
            a.Decision?.Outcome, a.Decision?.Text, a.Decision?.VotesFor, a.Decision?.VotesAgainst, a.Decision?.VotesAbstaining, a.Decision?.QuorumMet)).ToList();
        var body = await CouncilStore.BodyAsync(connection, tx, null, meeting.BodyId);
        var dto = new MinutesDto(meeting.Id, row.VersionNo, row.StateValue, NameOf(meeting), body!.OrganisingUnit, meeting.StartsAt, meeting.EndsAt,
            meeting.Venue ?? meeting.OnlineUrl, attendees, observers, items, row.Summary, full.Quorum,
            row.ApprovedBy is null ? null : WireNames.Parse<MinutesApproval>(row.ApprovedBy), row.ApprovingMeetingId, row.CirculatedAt, row.ApprovedAt,
            row.PublishedAt, versions, forms);
        return new(dto, row.Version);
    }

    private static readonly JsonSerializerOptions FrozenJson = new(JsonSerializerDefaults.Web);

    /// <summary>"제2차 바이오 클러스터 협의체 회의" — the number once the meeting has one.</summary>
    public static string NameOf(MeetingRow m) => m.Number is { } n && !m.TitleKo.StartsWith($"제{n}차", StringComparison.Ordinal) ? $"제{n}차 {m.TitleKo}" : m.TitleKo;

    /// <summary>
    /// Writes the draft's text: starts version 1 when there are no minutes yet (no If-Match), otherwise replaces the
    /// latest version's text, which must be a draft (If-Match of the minutes). Only for a meeting that was held.
    /// </summary>
    public async Task<StoreResult<(bool Created, Versioned<MinutesDto> Minutes)>> PutMinutesAsync(long meetingId, long? expectedVersion, MinutesRequest r,
        Actor actor, CouncilView view, CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        await using var connection = await db.OpenAsync(ct);
        await using var tx = await connection.BeginTransactionAsync(ct);
        if (await RowAsync(connection, tx, meetingId) is not { } meeting) return Refusal.NotFound;
        if (meeting.StateValue is not (MeetingState.Held or MeetingState.Closed))
            return Refusal.Conflict(Text.Of("회의록은 개최된 회의에만 씁니다.", "Minutes are written for a meeting that was held."));
        var agendaIds = (await connection.QueryAsync<long>("SELECT id FROM agenda_items WHERE meeting_id = @meetingId", new { meetingId }, tx)).ToHashSet();
        var unknown = (r.Remarks ?? new Dictionary<string, string>()).Keys.FirstOrDefault(k => !long.TryParse(k, out var item) || !agendaIds.Contains(item));
        if (unknown is not null)
            return Refusal.Invalid("remarks", Text.Of($"'{unknown}'은(는) 이 회의의 안건 번호(id)가 아닙니다.", $"'{unknown}' is not an agenda item id of this meeting."));
        var remarks = JsonSerializer.Serialize(r.Remarks ?? new Dictionary<string, string>());
        var rows = await MinutesRowsAsync(connection, tx, meetingId);
        var latest = rows.LastOrDefault();
        MinutesDto? before = null;
        if (latest is null)
        {
            if (expectedVersion is not null) return Refusal.Stale;
            await connection.ExecuteAsync("""
                INSERT INTO meeting_minutes (meeting_id, version_no, state, summary, remarks, version, created_at, updated_at)
                VALUES (@meetingId, 1, 'draft', @Summary, @remarks, 1, @now, @now)
                """, new { meetingId, r.Summary, remarks, now }, tx);
        }
        else
        {
            if (expectedVersion is null) return Refusal.VersionRequired;
            if (latest.Version != expectedVersion) return Refusal.Stale;
            if (latest.StateValue != MinutesState.Draft)
                return Refusal.Conflict(Text.Of("초안 상태의 회의록만 고칠 수 있습니다. 공표된 회의록은 새 판을 만드세요.",
                    "Only a draft can be edited; start a new version of published minutes."));
            before = (await MinutesOfAsync(connection, tx, meeting, latest, rows, view)).Value;
            await connection.ExecuteAsync("""
                UPDATE meeting_minutes SET summary = @Summary, remarks = @remarks, version = version + 1, updated_at = @now WHERE id = @Id
                """, new { latest.Id, r.Summary, remarks, now }, tx);
        }
        var done = await FinishMinutesAsync(connection, tx, meeting, actor, latest is null ? "create" : "update", before, view, ct);
        return (latest is null, done);
    }

    /// <summary>A move of the latest version: 404, 412, 409, 403, 400 as every move; publishing freezes its content.</summary>
    public async Task<WriteResult<MinutesDto>> MoveMinutesAsync(long meetingId, long expectedVersion, MinutesMoveRequest r, Actor actor, CouncilView view,
        CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        await using var connection = await db.OpenAsync(ct);
        await using var tx = await connection.BeginTransactionAsync(ct);
        if (await RowAsync(connection, tx, meetingId) is not { } meeting) return Refusal.NotFound;
        var rows = await MinutesRowsAsync(connection, tx, meetingId);
        if (rows.LastOrDefault() is not { } latest) return Refusal.NotFound;
        if (latest.Version != expectedVersion) return Refusal.Stale;
        switch (MinutesWorkflow.Table.CanMove(latest.StateValue, r.To, view.Party))
        {
            case MoveVerdict.NotFromThisState:
                return Refusal.Conflict(Text.Of($"{WireNames.Of(latest.StateValue)} 상태의 회의록은 {WireNames.Of(r.To)}(으)로 옮길 수 없습니다.",
                    $"Minutes that are {WireNames.Of(latest.StateValue)} cannot move to {WireNames.Of(r.To)}."));
            case MoveVerdict.NotForThisCaller:
                return Refusal.Forbidden(Text.Of("회의록은 간사(사무국)만 진행합니다.", "Only the secretariat moves the minutes."));
        }
        var definition = MinutesWorkflow.Definition(MinutesWorkflow.Table.Row(latest.StateValue, r.To)!.Move);
        var errors = definition.Check(r, Council.DayOf(now), GivenFields<MinutesMoveRequest>.Of(r, "to", "approvingMeetingId"), WireNames.Of(r.To));
        if (errors.Count > 0) return Refusal.Invalid(errors);
        var plan = (await definition.PlanAsync(latest, r, now)).Value!;
        if (r.To == MinutesState.Approved && r.ApprovedBy == MinutesApproval.Meeting)
        {
            var approving = r.ApprovingMeetingId is { } a ? await RowAsync(connection, tx, a) : null;
            if (approving is null || approving.BodyId != meeting.BodyId || approving.StartsAt <= meeting.StartsAt
                || approving.StateValue is not (MeetingState.Convened or MeetingState.Held or MeetingState.Closed))
                return Refusal.Invalid("approvingMeetingId", Text.Of("승인한 회의는 같은 협의체의 이후 회의(소집 이후)여야 합니다.",
                    "The approving meeting must be a later, convened meeting of the same body."));
            plan.Set("approving_meeting_id", "approvingMeetingId", approving.Id, approving.Id.ToString(System.Globalization.CultureInfo.InvariantCulture));
        }
        if (r.To == MinutesState.Circulated) plan.Set("circulated_at", "circulatedAt", now, now.ToString("O"));
        var before = (await MinutesOfAsync(connection, tx, meeting, latest, rows, view)).Value;
        var p = new DynamicParameters(new { latest.Id, To = WireNames.Of(r.To), now });
        await connection.ExecuteAsync($"UPDATE meeting_minutes SET state = @To, version = version + 1, updated_at = @now{plan.Assignments(p)} WHERE id = @Id", p, tx);
        if (r.To == MinutesState.Published)
        {
            var moved = (await MinutesRowsAsync(connection, tx, meetingId)).Last();
            var full = new CouncilView(CouncilParty.Secretariat, null, new HashSet<long>());
            var content = (await MinutesOfAsync(connection, tx, meeting, moved, rows, full)).Value with { State = MinutesState.Published, PublishedAt = now };
            await connection.ExecuteAsync("UPDATE meeting_minutes SET published_at = @now, published_json = @json WHERE id = @Id",
                new { latest.Id, now, json = JsonSerializer.Serialize(content with { Versions = [], MoveForms = [] }, FrozenJson) }, tx);
        }
        return await FinishMinutesAsync(connection, tx, meeting, actor, "minutes:" + WireNames.Of(r.To), before, view, ct);
    }

    /// <summary>Starts the next version of published minutes as a draft with the same text; the published one stays as it was.</summary>
    public async Task<WriteResult<MinutesDto>> ReviseMinutesAsync(long meetingId, long expectedVersion, Actor actor, CouncilView view, CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        await using var connection = await db.OpenAsync(ct);
        await using var tx = await connection.BeginTransactionAsync(ct);
        if (await RowAsync(connection, tx, meetingId) is not { } meeting) return Refusal.NotFound;
        var rows = await MinutesRowsAsync(connection, tx, meetingId);
        if (rows.LastOrDefault() is not { } latest) return Refusal.NotFound;
        if (latest.Version != expectedVersion) return Refusal.Stale;
        if (latest.StateValue != MinutesState.Published)
            return Refusal.Conflict(Text.Of("공표된 회의록만 새 판을 만들 수 있습니다.", "Only published minutes get a new version."));
        await connection.ExecuteAsync("""
            INSERT INTO meeting_minutes (meeting_id, version_no, state, summary, remarks, version, created_at, updated_at)
            VALUES (@meetingId, @next, 'draft', @Summary, @Remarks, 1, @now, @now)
            """, new { meetingId, next = latest.VersionNo + 1, latest.Summary, latest.Remarks, now }, tx);
        return await FinishMinutesAsync(connection, tx, meeting, actor, "minutes:revise", null, view, ct);
    }

    private async Task<Versioned<MinutesDto>> FinishMinutesAsync(DbConnection connection, DbTransaction tx, MeetingRow meeting, Actor actor, string action,
        MinutesDto? before, CouncilView view, CancellationToken ct)
    {
        var rows = await MinutesRowsAsync(connection, tx, meeting.Id);
        var after = await MinutesOfAsync(connection, tx, meeting, rows.Last(), rows, view);
        await audit.WriteAsync(connection, tx, actor, action, MinutesEntity, rows.Last().Id, before, after.Value);
        await tx.CommitAsync(ct);
        return after;
    }
}

/// <summary>Orders "1", "2", "2.1", "10" as the agenda reads, not as text sorts.</summary>
public sealed class NumberingOrder : IComparer<string>
{
    public static readonly NumberingOrder Instance = new();

    public int Compare(string? x, string? y)
    {
        var a = (x ?? "").Split('.');
        var b = (y ?? "").Split('.');
        for (var i = 0; i < Math.Min(a.Length, b.Length); i++)
        {
            var c = int.TryParse(a[i], out var m) && int.TryParse(b[i], out var n) ? m.CompareTo(n) : string.CompareOrdinal(a[i], b[i]);
            if (c != 0) return c;
        }
        return a.Length.CompareTo(b.Length);
    }
}
