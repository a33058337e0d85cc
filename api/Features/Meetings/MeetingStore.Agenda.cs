using System.Data.Common;
using BioCluster.Api.Features.Access;
using BioCluster.Api.Infrastructure.Data;
using BioCluster.Api.Infrastructure.Http;
using BioCluster.Api.Infrastructure.Workflow;
using BioCluster.Contracts.Common;
using BioCluster.Contracts.Meetings;
using Dapper;

namespace BioCluster.Api.Features.Meetings;

/// <summary>A meeting's parts: its agenda, decisions, attendance and quorum, read together and changed one at a time.</summary>
public sealed partial class MeetingStore
{
    public sealed class AgendaRow
    {
        public long Id { get; set; }
        public long? ParentId { get; set; }
        public int Position { get; set; }
        public string Kind { get; set; } = "";
        public string TitleKo { get; set; } = "";
        public string? TitleEn { get; set; }
        public long? PresenterAgencyId { get; set; }
        public string? PresenterCode { get; set; }
        public string? PresenterNameKo { get; set; }
        public string? PresenterNameEn { get; set; }
        public string? PresenterName { get; set; }
        public int? DurationMinutes { get; set; }
        public string Visibility { get; set; } = "";
        public string? Outcome { get; set; }
        public string? DecisionText { get; set; }
        public int? VotesFor { get; set; }
        public int? VotesAgainst { get; set; }
        public int? VotesAbstaining { get; set; }
        public bool? QuorumMet { get; set; }
        public DateTimeOffset? DecidedAt { get; set; }
    }

    public sealed class LinkRow
    {
        public long AgendaItemId { get; set; }
        public string TargetKind { get; set; } = "";
        public long TargetId { get; set; }
        public string? Label { get; set; }
    }

    public sealed class AttendanceRow
    {
        public long? SeatId { get; set; }
        public string? SeatLabel { get; set; }
        public string Name { get; set; } = "";
        public string Status { get; set; } = "";
        public string? SubstituteName { get; set; }
        public long? AgencyId { get; set; }
        public string? AgencyCode { get; set; }
        public string? AgencyNameKo { get; set; }
        public string? AgencyNameEn { get; set; }
        public bool Voting { get; set; }
    }

    /// <summary>Everything a meeting's answer is made of, read once; <see cref="Shape"/> makes it into what one caller sees.</summary>
    internal sealed record MeetingParts(MeetingRow Row, List<AgendaRow> Items, ILookup<long, LinkRow> Links, List<AttendanceRow> Attendance, QuorumDto Quorum,
        FollowUpStore.MeetingFollowUps FollowUps, IReadOnlyList<string> Blockers);

    private async Task<Versioned<MeetingDto>> AssembleAsync(DbConnection connection, DbTransaction? tx, MeetingRow m, CouncilView view) =>
        Shape(await LoadAsync(connection, tx, m), view);

    /// <summary>Reads a meeting's parts: agenda, links, attendance, the seats for its quorum, follow-ups and close blockers.</summary>
    internal async Task<MeetingParts> LoadAsync(DbConnection connection, DbTransaction? tx, MeetingRow m)
    {
        var id = m.Id;
        var items = (await connection.QueryAsync<AgendaRow>("""
            SELECT a.id, a.parent_id, a.position, a.kind, a.title_ko, a.title_en, a.presenter_agency_id, g.code AS presenter_code,
                   g.name_ko AS presenter_name_ko, g.name_en AS presenter_name_en, a.presenter_name, a.duration_minutes, a.visibility,
                   a.outcome, a.decision_text, a.votes_for, a.votes_against, a.votes_abstaining, a.quorum_met, a.decided_at
            FROM agenda_items a LEFT JOIN agencies g ON g.id = a.presenter_agency_id
            WHERE a.meeting_id = @id ORDER BY a.position, a.id
            """, new { id }, tx)).AsList();
        var links = (await connection.QueryAsync<LinkRow>("""
            SELECT l.agenda_item_id, l.target_kind, l.target_id,
                   CASE l.target_kind WHEN 'cluster' THEN (SELECT c.name_ko FROM clusters c WHERE c.id = l.target_id)
                                      WHEN 'regulatory_issue' THEN (SELECT i.title_ko FROM regulatory_issues i WHERE i.id = l.target_id)
                                      ELSE (SELECT d.title_ko FROM agenda_items d WHERE d.id = l.target_id) END AS label
            FROM agenda_links l JOIN agenda_items a ON a.id = l.agenda_item_id
            WHERE a.meeting_id = @id ORDER BY l.target_kind, l.target_id
            """, new { id }, tx)).ToLookup(l => l.AgendaItemId);
        var attendance = (await connection.QueryAsync<AttendanceRow>("""
            SELECT t.seat_id, s.label_ko AS seat_label, t.name, t.status, t.substitute_name, t.agency_id, g.code AS agency_code,
                   g.name_ko AS agency_name_ko, g.name_en AS agency_name_en, t.voting
            FROM meeting_attendance t LEFT JOIN council_seats s ON s.id = t.seat_id LEFT JOIN agencies g ON g.id = t.agency_id
            WHERE t.meeting_id = @id ORDER BY t.id
            """, new { id }, tx)).AsList();

        var day = Council.DayOf(m.StartsAt);
        var (seats, _) = await CouncilStore.SeatsAndMembersAsync(connection, tx, m.BodyId);
        var votingSeats = seats.Count(s => s.Voting && s.ActiveOn(day));
        var present = attendance.Count(a => a.Voting && a.Status is "present" or "substitute");
        var quorum = Quorum.Of(votingSeats, present, WireNames.Parse<QuorumRule>(m.OpeningRule), WireNames.Parse<QuorumRule>(m.DecisionRule));
        var follow = await followUps.RowsOfMeetingAsync(connection, tx, id);
        var blockers = m.StateValue == MeetingState.Held ? await CloseBlockersAsync(connection, tx, id) : [];
        return new MeetingParts(m, items, links, attendance, quorum, follow, blockers);
    }

    /// <summary>The meeting as <paramref name="view"/> sees it, from parts already read (no query).</summary>
    internal Versioned<MeetingDto> Shape(MeetingParts parts, CouncilView view)
    {
        var (m, items, links, attendance, quorum, read, blockers) = parts;
        bool Sees(AgendaRow item) => view.Manages || item.Visibility == "public"
            || links[item.Id].Any(l => l.TargetKind == "cluster" && view.OwnClusters.Contains(l.TargetId));
        var seen = items.Where(Sees).ToList();
        var seenIds = seen.Select(i => i.Id).ToHashSet();
        var numbering = Numbering(seen);
        var agenda = seen.Select(i => new AgendaItemDto(i.Id, i.ParentId, i.Position, numbering[i.Id], WireNames.Parse<AgendaKind>(i.Kind), i.TitleKo,
            i.TitleEn, i.PresenterAgencyId is { } a ? new AgencyRef(a, i.PresenterCode!, i.PresenterNameKo!, i.PresenterNameEn) : null, i.PresenterName,
            i.DurationMinutes, WireNames.Parse<AgendaVisibility>(i.Visibility),
            links[i.Id].Select(l => new AgendaLinkDto(WireNames.Parse<AgendaLinkKind>(l.TargetKind), l.TargetId, l.Label ?? "")).ToList(),
            i.Outcome is null ? null : new DecisionDto(WireNames.Parse<DecisionOutcome>(i.Outcome), i.DecisionText ?? "", i.VotesFor, i.VotesAgainst,
                i.VotesAbstaining, i.QuorumMet == true, i.DecidedAt!.Value))).ToList();

        var follow = followUps.Shape(read, view)
            .Where(f => view.Manages || f.AgendaItemId is not { } item || seenIds.Contains(item) || f.OwnerAgency?.Id == view.AgencyId).ToList();
        var dto = new MeetingDto(m.Id, m.BodyCode, m.BodyNameKo, m.Number, m.TitleKo, m.TitleEn, WireNames.Parse<MeetingKind>(m.Kind), m.StateValue,
            m.StartsAt, m.EndsAt, m.Venue, m.OnlineUrl, m.CancelReason, m.Sequence, agenda,
            attendance.Select(a => new AttendanceDto(a.SeatId, a.SeatLabel, a.Name, WireNames.Parse<AttendanceStatus>(a.Status), a.SubstituteName,
                a.AgencyId is { } g ? new AgencyRef(g, a.AgencyCode!, a.AgencyNameKo!, a.AgencyNameEn) : null, a.Voting)).ToList(),
            quorum, follow, MeetingWorkflow.MoveFormsFor(m.StateValue, view.Party), blockers, m.CreatedAt, m.UpdatedAt);
        return new Versioned<MeetingDto>(dto, m.Version);
    }

    /// <summary>"1", "2", "2.1", … from each item's place among its siblings.</summary>
    internal static Dictionary<long, string> Numbering(IReadOnlyList<AgendaRow> items)
    {
        var result = new Dictionary<long, string>();
        void Walk(long? parent, string prefix)
        {
            var n = 0;
            foreach (var item in items.Where(i => i.ParentId == parent).OrderBy(i => i.Position).ThenBy(i => i.Id))
            {
                var label = prefix + (++n).ToString(System.Globalization.CultureInfo.InvariantCulture);
                result[item.Id] = label;
                Walk(item.Id, label + ".");
            }
        }
        Walk(null, "");
        foreach (var orphan in items.Where(i => !result.ContainsKey(i.Id))) result[orphan.Id] = "–"; // under an item the caller does not see
        return result;
    }

    private static bool Open(MeetingRow row) => row.StateValue is MeetingState.Planned or MeetingState.Convened or MeetingState.Held;

    private static Refusal Closed(MeetingRow row) => Refusal.Conflict(Text.Of($"{WireNames.Of(row.StateValue)} 상태의 회의는 바꿀 수 없습니다.",
        $"A meeting that is {WireNames.Of(row.StateValue)} cannot be changed."));

    public Task<WriteResult<MeetingDto>> AddAgendaItemAsync(long id, long expectedVersion, AgendaItemRequest r, Actor actor, CouncilView view, CancellationToken ct) =>
        ChangeAsync(id, expectedVersion, actor, view, "agenda:add", async (connection, tx, row) =>
        {
            if (!Open(row)) return Closed(row);
            var checkedFields = await AgendaFieldsAsync(connection, tx, id, r, null);
            if (checkedFields.Refusal is { } refusal) return refusal;
            var presenter = checkedFields.Value;
            var position = await connection.ExecuteScalarAsync<int>(
                "SELECT COALESCE(MAX(position), 0) + 1 FROM agenda_items WHERE meeting_id = @id AND (parent_id = @ParentId OR (parent_id IS NULL AND @ParentId IS NULL))",
                new { id, r.ParentId }, tx);
            var now = clock.GetUtcNow();
            var item = await connection.ExecuteScalarAsync<long>($"""
                INSERT INTO agenda_items (meeting_id, parent_id, position, kind, title_ko, title_en, presenter_agency_id, presenter_name,
                                          duration_minutes, visibility, created_at, updated_at)
                VALUES (@id, @ParentId, @position, @Kind, @TitleKo, @TitleEn, @presenter, @PresenterName, @DurationMinutes, @Visibility, @now, @now);
                {db.Dialect.SelectNewId}
                """, new { id, r.ParentId, position, Kind = WireNames.Of(r.Kind), r.TitleKo, r.TitleEn, presenter, r.PresenterName, r.DurationMinutes,
                    Visibility = WireNames.Of(r.Visibility), now }, tx);
            await ReplaceLinksAsync(connection, tx, item, r.Links);
            return null;
        }, ct);

    public Task<WriteResult<MeetingDto>> UpdateAgendaItemAsync(long id, long expectedVersion, long itemId, AgendaItemRequest r, Actor actor, CouncilView view,
        CancellationToken ct) =>
        ChangeAsync(id, expectedVersion, actor, view, "agenda:update", async (connection, tx, row) =>
        {
            if (!Open(row)) return Closed(row);
            var checkedFields = await AgendaFieldsAsync(connection, tx, id, r, itemId);
            if (checkedFields.Refusal is { } refusal) return refusal;
            var changed = await connection.ExecuteAsync("""
                UPDATE agenda_items SET parent_id = @ParentId, kind = @Kind, title_ko = @TitleKo, title_en = @TitleEn, presenter_agency_id = @presenter,
                                        presenter_name = @PresenterName, duration_minutes = @DurationMinutes, visibility = @Visibility, updated_at = @now
                WHERE id = @itemId AND meeting_id = @id
                """, new { id, itemId, r.ParentId, Kind = WireNames.Of(r.Kind), r.TitleKo, r.TitleEn, presenter = checkedFields.Value, r.PresenterName,
                    r.DurationMinutes, Visibility = WireNames.Of(r.Visibility), now = clock.GetUtcNow() }, tx);
            if (changed == 0) return Refusal.NotFound;
            await ReplaceLinksAsync(connection, tx, itemId, r.Links);
            return null;
        }, ct);

    public Task<WriteResult<MeetingDto>> DeleteAgendaItemAsync(long id, long expectedVersion, long itemId, Actor actor, CouncilView view, CancellationToken ct) =>
        ChangeAsync(id, expectedVersion, actor, view, "agenda:delete", async (connection, tx, row) =>
        {
            if (!Open(row)) return Closed(row);
            var item = await connection.QuerySingleOrDefaultAsync<AgendaRow>("SELECT id, outcome FROM agenda_items WHERE id = @itemId AND meeting_id = @id",
                new { id, itemId }, tx);
            if (item is null) return Refusal.NotFound;
            var used = item.Outcome is not null
                       || await connection.ExecuteScalarAsync<long>("SELECT COUNT(*) FROM agenda_items WHERE parent_id = @itemId", new { itemId }, tx) > 0
                       || await connection.ExecuteScalarAsync<long>("SELECT COUNT(*) FROM follow_ups WHERE agenda_item_id = @itemId", new { itemId }, tx) > 0
                       || await connection.ExecuteScalarAsync<long>(
                           "SELECT COUNT(*) FROM agenda_links WHERE target_kind = 'decision' AND target_id = @itemId", new { itemId }, tx) > 0;
            if (used)
                return Refusal.Conflict(Text.Of("결정, 하위 안건, 후속조치나 참조가 있는 안건은 지울 수 없습니다.",
                    "An item with a decision, sub-items, follow-ups or references to it cannot be deleted."));
            await connection.ExecuteAsync("DELETE FROM agenda_links WHERE agenda_item_id = @itemId", new { itemId }, tx);
            await connection.ExecuteAsync("DELETE FROM agenda_items WHERE id = @itemId", new { itemId }, tx);
            return null;
        }, ct);

    /// <summary>Puts the items in the order given: every item of the meeting once; each is numbered among its siblings.</summary>
    public Task<WriteResult<MeetingDto>> ReorderAsync(long id, long expectedVersion, AgendaOrderRequest r, Actor actor, CouncilView view, CancellationToken ct) =>
        ChangeAsync(id, expectedVersion, actor, view, "agenda:reorder", async (connection, tx, row) =>
        {
            if (!Open(row)) return Closed(row);
            var items = (await connection.QueryAsync<AgendaRow>("SELECT id, parent_id FROM agenda_items WHERE meeting_id = @id", new { id }, tx)).AsList();
            if (r.ItemIds.Count != items.Count || !r.ItemIds.ToHashSet().SetEquals(items.Select(i => i.Id)))
                return Refusal.Invalid("itemIds", Text.Of("이 회의의 모든 안건을 한 번씩 순서대로 보내세요.", "Send every item of this meeting once, in the order wanted."));
            var parents = items.ToDictionary(i => i.Id, i => i.ParentId);
            var next = new Dictionary<long, int>();
            foreach (var itemId in r.ItemIds)
            {
                var key = parents[itemId] ?? 0;
                next[key] = next.GetValueOrDefault(key) + 1;
                await connection.ExecuteAsync("UPDATE agenda_items SET position = @position WHERE id = @itemId", new { position = next[key], itemId }, tx);
            }
            return null;
        }, ct);

    /// <summary>Checks an item's parent, presenter and links; the presenter agency's id when all is right.</summary>
    private static async Task<StoreResult<long?>> AgendaFieldsAsync(DbConnection connection, DbTransaction tx, long meetingId, AgendaItemRequest r, long? itemId)
    {
        if (r.ParentId is { } parent)
        {
            var parentRow = await connection.QuerySingleOrDefaultAsync<AgendaRow>("SELECT id, parent_id FROM agenda_items WHERE id = @parent AND meeting_id = @meetingId",
                new { parent, meetingId }, tx);
            if (parentRow is null || parent == itemId || parentRow.ParentId is not null)
                return Refusal.Invalid("parentId", Text.Of("상위 안건은 이 회의의 최상위 안건이어야 합니다.", "The parent must be a top-level item of this meeting."));
        }
        long? presenter = null;
        if (r.PresenterAgencyCode is { } code)
        {
            presenter = await connection.QuerySingleOrDefaultAsync<long?>("SELECT id FROM agencies WHERE code = @code AND status = 'active'", new { code }, tx);
            if (presenter is null)
                return Refusal.Invalid("presenterAgencyCode", Text.Of($"코드 '{code}'인 활성 기관이 없습니다.", $"No active agency has the code '{code}'."));
        }
        foreach (var link in r.Links ?? [])
        {
            var exists = link.Kind switch
            {
                AgendaLinkKind.Cluster => "SELECT COUNT(*) FROM clusters WHERE id = @Id",
                AgendaLinkKind.RegulatoryIssue => "SELECT COUNT(*) FROM regulatory_issues WHERE id = @Id",
                _ => "SELECT COUNT(*) FROM agenda_items WHERE id = @Id AND outcome IS NOT NULL",
            };
            if (await connection.ExecuteScalarAsync<long>(exists, new { link.Id }, tx) == 0)
                return Refusal.Invalid("links", Text.Of($"연결 대상({WireNames.Of(link.Kind)} {link.Id})이 없습니다.", $"No {WireNames.Of(link.Kind)} {link.Id} to link to."));
        }
        return presenter;
    }

    private static async Task ReplaceLinksAsync(DbConnection connection, DbTransaction tx, long itemId, IReadOnlyList<AgendaLinkRequest>? links)
    {
        await connection.ExecuteAsync("DELETE FROM agenda_links WHERE agenda_item_id = @itemId", new { itemId }, tx);
        foreach (var link in (links ?? []).DistinctBy(l => (l.Kind, l.Id)))
            await connection.ExecuteAsync("INSERT INTO agenda_links (agenda_item_id, target_kind, target_id) VALUES (@itemId, @Kind, @Id)",
                new { itemId, Kind = WireNames.Of(link.Kind), link.Id }, tx);
    }

    /// <summary>
    /// Replaces the attendance sheet. A seat appears at most once and must be a seat of the body active on the
    /// meeting's day; a substitute needs a name and a seat whose holder may send one; an observer needs a name.
    /// </summary>
    public Task<WriteResult<MeetingDto>> PutAttendanceAsync(long id, long expectedVersion, AttendanceRequest r, Actor actor, CouncilView view, CancellationToken ct) =>
        ChangeAsync(id, expectedVersion, actor, view, "attendance", async (connection, tx, row) =>
        {
            if (row.StateValue is not (MeetingState.Convened or MeetingState.Held))
                return Refusal.Conflict(Text.Of("출석은 소집되었거나 개최된 회의에만 기록합니다.", "Attendance is recorded for a convened or held meeting."));
            var day = Council.DayOf(row.StartsAt);
            var (seats, members) = await CouncilStore.SeatsAndMembersAsync(connection, tx, row.BodyId);
            var errors = new Dictionary<string, string[]>();
            var lines = new List<(long? Seat, string Name, AttendanceStatus Status, string? Substitute, long? Agency, bool Voting)>();
            for (var i = 0; i < r.Lines.Count; i++)
            {
                var line = r.Lines[i];
                var key = $"lines[{i}]";
                var seat = line.SeatId is { } s ? seats.FirstOrDefault(x => x.Id == s && x.ActiveOn(day)) : null;
                var holder = seat is null ? null : members.FirstOrDefault(m => m.SeatId == seat.Id && m.HoldsOn(day));
                if (line.SeatId is not null && seat is null)
                    errors[key + ".seatId"] = [Text.Of("회의일에 이 협의체의 좌석이 아닙니다.", "Not a seat of this body on the meeting's day.")];
                else if (line.SeatId is { } dup && r.Lines.Take(i).Any(l => l.SeatId == dup))
                    errors[key + ".seatId"] = [Text.Of("같은 좌석을 두 번 적었습니다.", "This seat is listed twice.")];
                else if (line.Status != AttendanceStatus.Observer && seat is null)
                    errors[key + ".seatId"] = [Text.Of("위원·대리 출석에는 좌석이 필요합니다.", "A member or substitute line needs a seat.")];
                else if (line.Status == AttendanceStatus.Substitute && string.IsNullOrWhiteSpace(line.SubstituteName))
                    errors[key + ".substituteName"] = [Text.Of("대리 출석자의 이름을 쓰세요.", "Name the substitute.")];
                else if (line.Status == AttendanceStatus.Substitute && holder is { SubstituteAllowed: false })
                    errors[key + ".status"] = [Text.Of("이 위원은 대리 출석이 허용되지 않습니다.", "This member may not send a substitute.")];
                var name = line.Name?.Trim() is { Length: > 0 } given ? given : holder?.PersonName ?? seat?.LabelKo;
                if (name is null) errors[key + ".name"] = [Text.Of("배석자의 이름을 쓰세요.", "Name the observer.")];
                long? agency = seat?.AgencyId ?? holder?.OnBehalfOfId;
                if (line.AgencyCode is { } code)
                {
                    agency = await connection.QuerySingleOrDefaultAsync<long?>("SELECT id FROM agencies WHERE code = @code", new { code }, tx);
                    if (agency is null) errors[key + ".agencyCode"] = [Text.Of($"코드 '{code}'인 기관이 없습니다.", $"No agency has the code '{code}'.")];
                }
                var voting = seat is not null && line.Status != AttendanceStatus.Observer && (holder?.Voting ?? seat.Voting);
                lines.Add((seat?.Id, name ?? "", line.Status, line.SubstituteName?.Trim(), agency, voting));
            }
            if (errors.Count > 0) return Refusal.Invalid(errors);
            await connection.ExecuteAsync("DELETE FROM meeting_attendance WHERE meeting_id = @id", new { id }, tx);
            foreach (var l in lines)
                await connection.ExecuteAsync("""
                    INSERT INTO meeting_attendance (meeting_id, seat_id, name, status, substitute_name, agency_id, voting)
                    VALUES (@id, @Seat, @Name, @Status, @Substitute, @Agency, @Voting)
                    """, new { id, l.Seat, l.Name, Status = WireNames.Of(l.Status), l.Substitute, l.Agency, l.Voting }, tx);
            return null;
        }, ct);

    /// <summary>
    /// Records the decision on an item (replacing an earlier one) with whether quorum was met at that moment; the
    /// votes, when given, cannot exceed those present; follow-ups it names are created with it.
    /// </summary>
    public Task<WriteResult<MeetingDto>> DecideAsync(long id, long expectedVersion, long itemId, DecisionRequest r, Actor actor, CouncilView view, CancellationToken ct) =>
        ChangeAsync(id, expectedVersion, actor, view, "decision", async (connection, tx, read) =>
        {
            var row = read.Row;
            if (row.StateValue is not (MeetingState.Convened or MeetingState.Held))
                return Refusal.Conflict(Text.Of("결정은 소집되었거나 개최된 회의에서만 기록합니다.", "Decisions are recorded for a convened or held meeting."));
            if (await connection.ExecuteScalarAsync<long>("SELECT COUNT(*) FROM agenda_items WHERE id = @itemId AND meeting_id = @id", new { id, itemId }, tx) == 0)
                return Refusal.NotFound;
            var quorum = read.Quorum;
            var votes = (r.VotesFor ?? 0) + (r.VotesAgainst ?? 0) + (r.VotesAbstaining ?? 0);
            if (votes > quorum.Present)
                return Refusal.Invalid("votesFor", Text.Of($"표 수({votes})가 출석 위원 수({quorum.Present})보다 많습니다.",
                    $"The votes ({votes}) exceed the members present ({quorum.Present})."));
            var now = clock.GetUtcNow();
            await connection.ExecuteAsync("""
                UPDATE agenda_items SET outcome = @Outcome, decision_text = @Text, votes_for = @VotesFor, votes_against = @VotesAgainst,
                                        votes_abstaining = @VotesAbstaining, quorum_met = @Met, decided_at = @now, updated_at = @now
                WHERE id = @itemId
                """, new { itemId, Outcome = WireNames.Of(r.Outcome), Text = r.Text.Trim(), r.VotesFor, r.VotesAgainst, r.VotesAbstaining, Met = quorum.Met, now }, tx);
            foreach (var f in r.FollowUps ?? [])
                if (await followUps.InsertAsync(connection, tx, id, itemId, f, actor, now) is { } refusal) return refusal;
            return null;
        }, ct);
}
