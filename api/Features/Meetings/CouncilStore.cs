using System.Data.Common;
using BioCluster.Api.Features.Access;
using BioCluster.Api.Features.Audit;
using BioCluster.Api.Infrastructure.Data;
using BioCluster.Api.Infrastructure.Http;
using BioCluster.Api.Infrastructure.Workflow;
using BioCluster.Contracts.Common;
using BioCluster.Contracts.Meetings;
using Dapper;

namespace BioCluster.Api.Features.Meetings;

/// <summary>All SQL about the council's bodies, seats and memberships.</summary>
public sealed class CouncilStore(DbConnectionFactory db, TimeProvider clock, AuditStore audit)
{
    public const string SeatEntity = "council_seat";
    public const string MembershipEntity = "council_membership";

    public sealed class BodyRow
    {
        public long Id { get; set; }
        public string Code { get; set; } = "";
        public string NameKo { get; set; } = "";
        public string? NameEn { get; set; }
        public string OrganisingUnit { get; set; } = "";
        public long? ParentId { get; set; }
        public string OpeningRule { get; set; } = "";
        public string DecisionRule { get; set; } = "";
        public int SeatCount { get; set; }

        public CouncilBodyDto ToDto() => new(Id, Code, NameKo, NameEn, OrganisingUnit, ParentId, WireNames.Parse<QuorumRule>(OpeningRule),
            WireNames.Parse<QuorumRule>(DecisionRule), SeatCount);
    }

    public sealed class SeatRow
    {
        public long Id { get; set; }
        public long BodyId { get; set; }
        public string Position { get; set; } = "";
        public string SeatGroup { get; set; } = "";
        public string? Sector { get; set; }
        public long? AgencyId { get; set; }
        public string? AgencyCode { get; set; }
        public string? AgencyNameKo { get; set; }
        public string? AgencyNameEn { get; set; }
        public string LabelKo { get; set; } = "";
        public string? LabelEn { get; set; }
        public int SortOrder { get; set; }
        public DateOnly ActiveFrom { get; set; }
        public DateOnly? ActiveTo { get; set; }
        public bool Voting { get; set; }

        public SeatDto ToDto(MembershipDto? holder) => new(Id, BodyId, WireNames.Parse<SeatPosition>(Position), WireNames.Parse<SeatGroup>(SeatGroup),
            Sector is null ? null : WireNames.Parse<ExpertSector>(Sector),
            AgencyId is { } a ? new AgencyRef(a, AgencyCode!, AgencyNameKo!, AgencyNameEn) : null,
            LabelKo, LabelEn, SortOrder, ActiveFrom, ActiveTo, Voting, holder);

        public bool ActiveOn(DateOnly day) => ActiveFrom <= day && (ActiveTo is not { } to || to >= day);
    }

    public sealed class MembershipRow
    {
        public long Id { get; set; }
        public long SeatId { get; set; }
        public string PersonName { get; set; } = "";
        public string? Title { get; set; }
        public long? OnBehalfOfId { get; set; }
        public string? AgencyCode { get; set; }
        public string? AgencyNameKo { get; set; }
        public string? AgencyNameEn { get; set; }
        public DateOnly StartsOn { get; set; }
        public DateOnly? EndsOn { get; set; }
        public bool SubstituteAllowed { get; set; }
        public bool Voting { get; set; }

        public MembershipDto ToDto(DateOnly today) => new(Id, SeatId, PersonName, Title,
            OnBehalfOfId is { } a ? new AgencyRef(a, AgencyCode!, AgencyNameKo!, AgencyNameEn) : null, StartsOn, EndsOn, SubstituteAllowed, Voting,
            EndsOn is { } end ? end.DayNumber - today.DayNumber : null);

        /// <summary>The same term ending on <paramref name="endsOn"/> (the row itself is left as read).</summary>
        public MembershipRow EndingOn(DateOnly endsOn)
        {
            var copy = (MembershipRow)MemberwiseClone();
            copy.EndsOn = endsOn;
            return copy;
        }

        public bool HoldsOn(DateOnly day) => StartsOn <= day && (EndsOn is not { } end || end >= day);
    }

    private const string SeatSelect = """
        SELECT s.id, s.body_id, s.position, s.seat_group, s.sector, s.agency_id, a.code AS agency_code, a.name_ko AS agency_name_ko,
               a.name_en AS agency_name_en, s.label_ko, s.label_en, s.sort_order, s.active_from, s.active_to, s.voting
        FROM council_seats s
        LEFT JOIN agencies a ON a.id = s.agency_id
        """;

    private const string MembershipSelect = """
        SELECT m.id, m.seat_id, m.person_name, m.title, m.on_behalf_of_id, a.code AS agency_code, a.name_ko AS agency_name_ko,
               a.name_en AS agency_name_en, m.starts_on, m.ends_on, m.substitute_allowed, m.voting
        FROM council_memberships m
        LEFT JOIN agencies a ON a.id = m.on_behalf_of_id
        """;

    public async Task<IReadOnlyList<CouncilBodyDto>> BodiesAsync(CancellationToken ct)
    {
        await using var connection = await db.OpenAsync(ct);
        var rows = await connection.QueryAsync<BodyRow>("""
            SELECT b.id, b.code, b.name_ko, b.name_en, b.organising_unit, b.parent_id, b.opening_rule, b.decision_rule,
                   (SELECT COUNT(*) FROM council_seats s WHERE s.body_id = b.id AND s.active_to IS NULL) AS seat_count
            FROM council_bodies b ORDER BY b.id
            """);
        return rows.Select(r => r.ToDto()).ToList();
    }

    public static Task<BodyRow?> BodyAsync(DbConnection connection, DbTransaction? tx, string? code, long? id = null) =>
        connection.QuerySingleOrDefaultAsync<BodyRow>("""
            SELECT id, code, name_ko, name_en, organising_unit, parent_id, opening_rule, decision_rule, 0 AS seat_count
            FROM council_bodies WHERE code = @code OR id = @id
            """, new { code, id }, tx);

    /// <summary>A body's seats in order, each with whoever holds it today (null: no such body).</summary>
    public async Task<IReadOnlyList<SeatDto>?> SeatsAsync(string bodyCode, bool includeEnded, CancellationToken ct)
    {
        var today = Council.DayOf(clock.GetUtcNow());
        await using var connection = await db.OpenAsync(ct);
        if (await BodyAsync(connection, null, bodyCode) is not { } body) return null;
        var (seats, members) = await SeatsAndMembersAsync(connection, null, body.Id);
        return seats.Where(s => includeEnded || s.ActiveTo is null || s.ActiveTo >= today)
            .Select(s => s.ToDto(members.FirstOrDefault(m => m.SeatId == s.Id && m.HoldsOn(today))?.ToDto(today))).ToList();
    }

    internal static async Task<(List<SeatRow> Seats, List<MembershipRow> Members)> SeatsAndMembersAsync(DbConnection connection, DbTransaction? tx, long bodyId)
    {
        var seats = (await connection.QueryAsync<SeatRow>($"{SeatSelect} WHERE s.body_id = @bodyId ORDER BY s.sort_order, s.id", new { bodyId }, tx)).AsList();
        var members = (await connection.QueryAsync<MembershipRow>(
            $"{MembershipSelect} WHERE m.seat_id IN (SELECT id FROM council_seats WHERE body_id = @bodyId) ORDER BY m.starts_on",
            new { bodyId }, tx)).AsList();
        return (seats, members);
    }

    /// <summary>Memberships whose term ends within <paramref name="days"/> days from today (Korean calendar), soonest first.</summary>
    public async Task<IReadOnlyList<MembershipDto>> TermsEndingAsync(int days, CancellationToken ct)
    {
        var today = Council.DayOf(clock.GetUtcNow());
        await using var connection = await db.OpenAsync(ct);
        var rows = await connection.QueryAsync<MembershipRow>(
            $"{MembershipSelect} WHERE m.ends_on IS NOT NULL AND m.ends_on >= @today AND m.ends_on <= @last ORDER BY m.ends_on, m.id",
            new { today, last = today.AddDays(days) });
        return rows.Select(r => r.ToDto(today)).ToList();
    }

    /// <summary>A term as the terms-ending export writes it: with its seat's body and label, so the file imports back as memberships.</summary>
    public sealed record TermLine(string BodyCode, string SeatLabel, MembershipDto Term);

    /// <summary><see cref="TermsEndingAsync"/> with each term's seat named (the export).</summary>
    public async Task<IReadOnlyList<TermLine>> TermsEndingLinesAsync(int days, CancellationToken ct)
    {
        var terms = await TermsEndingAsync(days, ct);
        if (terms.Count == 0) return [];
        await using var connection = await db.OpenAsync(ct);
        var ids = terms.Select(t => t.SeatId).Distinct().ToList();
        var seats = (await connection.QueryAsync<(long Id, string BodyCode, string LabelKo)>(
            "SELECT s.id, b.code, s.label_ko FROM council_seats s JOIN council_bodies b ON b.id = s.body_id WHERE s.id IN @ids", new { ids }))
            .ToDictionary(s => s.Id);
        return terms.Select(t => new TermLine(seats[t.SeatId].BodyCode, seats[t.SeatId].LabelKo, t)).ToList();
    }

    public async Task<StoreResult<SeatDto>> CreateSeatAsync(CreateSeatRequest r, Actor actor, CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        await using var connection = await db.OpenAsync(ct);
        await using var tx = await connection.BeginTransactionAsync(ct);
        if (await BodyAsync(connection, tx, r.BodyCode) is not { } body) return Refusal.Invalid("bodyCode", NoBody(r.BodyCode));
        long? agencyId = null;
        if (r.AgencyCode is { } code && (agencyId = await ActiveAgencyIdAsync(connection, tx, code)) is null)
            return Refusal.Invalid("agencyCode", NoActiveAgency(code));
        var seat = await InsertSeatAsync(connection, tx, db.Dialect, body.Id, r, agencyId, now);
        await audit.WriteAsync(connection, tx, actor, "create", SeatEntity, seat.Id, null, seat);
        await tx.CommitAsync(ct);
        return seat;
    }

    // The rules and writes of seats and terms, shared by the endpoints above and the imports (Features/Imports/CouncilImports.cs),
    // which run them in their own transaction, row by row.

    public static string NoBody(string code) => Text.Of($"코드 '{code}'인 협의체가 없습니다.", $"No council body has the code '{code}'.");

    public static string NoActiveAgency(string code) => Text.Of($"코드 '{code}'인 활성 기관이 없습니다.", $"No active agency has the code '{code}'.");

    /// <summary>The id of the active agency with this code (null: none).</summary>
    public static Task<long?> ActiveAgencyIdAsync(DbConnection connection, DbTransaction? tx, string code) =>
        connection.QuerySingleOrDefaultAsync<long?>("SELECT id FROM agencies WHERE code = @code AND status = 'active'", new { code }, tx);

    /// <summary>Writes a seat (active from the given day, or today in Korea) and answers it as the endpoint does, without a holder.</summary>
    public static async Task<SeatDto> InsertSeatAsync(DbConnection connection, DbTransaction tx, SqlDialect dialect, long bodyId, CreateSeatRequest r,
        long? agencyId, DateTimeOffset now)
    {
        var id = await connection.ExecuteScalarAsync<long>($"""
            INSERT INTO council_seats (body_id, position, seat_group, sector, agency_id, label_ko, label_en, sort_order, active_from, voting,
                                       version, created_at, updated_at)
            VALUES (@BodyId, @Position, @Group, @Sector, @AgencyId, @LabelKo, @LabelEn, @SortOrder, @ActiveFrom, @Voting, 1, @Now, @Now);
            {dialect.SelectNewId}
            """, new
        {
            BodyId = bodyId, Position = WireNames.Of(r.Position), Group = WireNames.Of(r.Group), Sector = r.Sector is { } s ? WireNames.Of(s) : null,
            AgencyId = agencyId, r.LabelKo, r.LabelEn, r.SortOrder, ActiveFrom = r.ActiveFrom ?? Council.DayOf(now), r.Voting, Now = now,
        }, tx);
        return (await connection.QuerySingleAsync<SeatRow>($"{SeatSelect} WHERE s.id = @id", new { id }, tx)).ToDto(null);
    }

    /// <summary>A body's seats (all of them, ended ones too), for an import to match rows against.</summary>
    public static async Task<List<SeatRow>> SeatsOfBodyAsync(DbConnection connection, DbTransaction? tx, long bodyId) =>
        (await connection.QueryAsync<SeatRow>($"{SeatSelect} WHERE s.body_id = @bodyId ORDER BY s.sort_order, s.id", new { bodyId }, tx)).AsList();

    /// <summary>The terms of a seat, earliest first.</summary>
    public static async Task<List<MembershipRow>> TermsOfSeatAsync(DbConnection connection, DbTransaction? tx, long seatId) =>
        (await connection.QueryAsync<MembershipRow>($"{MembershipSelect} WHERE m.seat_id = @seatId ORDER BY m.starts_on, m.id", new { seatId }, tx)).AsList();

    /// <summary>What placing a new term in a seat does: the open-ended terms it ends (on the day before it starts), or the term it collides with.</summary>
    public sealed record TermPlan(IReadOnlyList<(MembershipRow Term, DateOnly EndsOn)> Ended, MembershipRow? Conflict);

    /// <summary>
    /// Terms in one seat may not overlap: a holder without an end date who started earlier has their term ended the day
    /// before the new one starts; any other overlap is a conflict (and nothing is ended).
    /// </summary>
    public static TermPlan PlanTerm(IEnumerable<MembershipRow> terms, DateOnly startsOn, DateOnly? endsOn)
    {
        var ended = new List<(MembershipRow, DateOnly)>();
        foreach (var term in terms)
        {
            var overlaps = term.StartsOn <= (endsOn ?? DateOnly.MaxValue) && (term.EndsOn ?? DateOnly.MaxValue) >= startsOn;
            if (!overlaps) continue;
            if (term.EndsOn is null && term.StartsOn < startsOn) ended.Add((term, startsOn.AddDays(-1)));
            else return new TermPlan([], term);
        }
        return new TermPlan(ended, null);
    }

    public static string Overlap(MembershipRow term) => Text.Of($"이 좌석에는 {term.StartsOn:yyyy-MM-dd}부터 {term.PersonName} 위원의 임기가 겹칩니다.",
        $"{term.PersonName}'s term in this seat from {term.StartsOn:yyyy-MM-dd} overlaps.");

    /// <summary>Ends a term on the given day; answers the term before and after, as the audit trail records them.</summary>
    public static async Task<(MembershipDto Before, MembershipDto After)> EndTermAsync(DbConnection connection, DbTransaction tx, MembershipRow term,
        DateOnly endsOn, DateTimeOffset now)
    {
        await connection.ExecuteAsync("UPDATE council_memberships SET ends_on = @endsOn, updated_at = @now WHERE id = @Id", new { endsOn, now, term.Id }, tx);
        var today = Council.DayOf(now);
        return (term.ToDto(today), term.EndingOn(endsOn).ToDto(today)); // the days left follow the new end too
    }

    /// <summary>Writes a term (voting as the seat when not given) and answers it as the endpoint does.</summary>
    public static async Task<MembershipDto> InsertTermAsync(DbConnection connection, DbTransaction tx, SqlDialect dialect, SeatRow seat,
        CreateMembershipRequest r, long? agencyId, DateTimeOffset now)
    {
        var id = await connection.ExecuteScalarAsync<long>($"""
            INSERT INTO council_memberships (seat_id, person_name, title, on_behalf_of_id, starts_on, ends_on, substitute_allowed, voting,
                                             created_at, updated_at)
            VALUES (@SeatId, @PersonName, @Title, @AgencyId, @StartsOn, @EndsOn, @SubstituteAllowed, @Voting, @Now, @Now);
            {dialect.SelectNewId}
            """, new { SeatId = seat.Id, r.PersonName, r.Title, AgencyId = agencyId, r.StartsOn, r.EndsOn, r.SubstituteAllowed, Voting = r.Voting ?? seat.Voting, Now = now }, tx);
        return (await connection.QuerySingleAsync<MembershipRow>($"{MembershipSelect} WHERE m.id = @id", new { id }, tx)).ToDto(Council.DayOf(now));
    }

    /// <summary>
    /// A person takes a seat for a term. Terms in one seat may not overlap: a holder without an end date has their
    /// term ended the day before the new one starts (recorded in the audit trail); any other overlap is a conflict.
    /// </summary>
    public async Task<StoreResult<MembershipDto>> AddMembershipAsync(long seatId, CreateMembershipRequest r, Actor actor, CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        await using var connection = await db.OpenAsync(ct);
        await using var tx = await connection.BeginTransactionAsync(ct);
        var seat = await connection.QuerySingleOrDefaultAsync<SeatRow>($"{SeatSelect} WHERE s.id = @seatId", new { seatId }, tx);
        if (seat is null) return Refusal.NotFound;
        long? agencyId = seat.AgencyId;
        if (r.OnBehalfOfCode is { } code && (agencyId = await ActiveAgencyIdAsync(connection, tx, code)) is null)
            return Refusal.Invalid("onBehalfOfCode", NoActiveAgency(code));
        var plan = PlanTerm(await TermsOfSeatAsync(connection, tx, seatId), r.StartsOn, r.EndsOn);
        if (plan.Conflict is { } conflict) return Refusal.Conflict(Overlap(conflict));
        foreach (var (term, endsOn) in plan.Ended)
        {
            var (before, after) = await EndTermAsync(connection, tx, term, endsOn, now);
            await audit.WriteAsync(connection, tx, actor, "end_term", MembershipEntity, term.Id, before, after);
        }
        var membership = await InsertTermAsync(connection, tx, db.Dialect, seat, r, agencyId, now);
        await audit.WriteAsync(connection, tx, actor, "create", MembershipEntity, membership.Id, null, membership);
        await tx.CommitAsync(ct);
        return membership;
    }

    /// <summary>
    /// A term ends on a day: the secretariat records it (a resignation, a reshuffle) without naming a successor. It may
    /// only be brought forward: not before the term started, and not past an end already recorded (a longer term is a
    /// new appointment). Audited as <c>end_term</c>, as when a successor's appointment ends it.
    /// </summary>
    public async Task<StoreResult<MembershipDto>> EndMembershipAsync(long membershipId, EndMembershipRequest r, Actor actor, CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        await using var connection = await db.OpenAsync(ct);
        await using var tx = await connection.BeginTransactionAsync(ct);
        var term = await connection.QuerySingleOrDefaultAsync<MembershipRow>($"{MembershipSelect} WHERE m.id = @membershipId", new { membershipId }, tx);
        if (term is null) return Refusal.NotFound;
        if (r.EndsOn < term.StartsOn)
            return Refusal.Invalid("endsOn", Text.Of($"임기는 시작일({term.StartsOn:yyyy-MM-dd})보다 먼저 끝날 수 없습니다.",
                $"The term cannot end before it started ({term.StartsOn:yyyy-MM-dd})."));
        if (term.EndsOn is { } ends && ends <= r.EndsOn)
            return Refusal.Conflict(Text.Of($"이 임기는 이미 {ends:yyyy-MM-dd}에 끝납니다. 임기를 늘리려면 새로 위촉하십시오.",
                $"This term already ends on {ends:yyyy-MM-dd}; to lengthen it, appoint again."));
        var (before, after) = await EndTermAsync(connection, tx, term, r.EndsOn, now);
        await audit.WriteAsync(connection, tx, actor, "end_term", MembershipEntity, membershipId, before, after);
        await tx.CommitAsync(ct);
        return after;
    }

    public const string BodyEntity = "council_body";

    /// <summary>A working group under an existing body; its meetings are numbered from 1 on their own.</summary>
    public async Task<StoreResult<CouncilBodyDto>> CreateBodyAsync(CreateCouncilBodyRequest r, Actor actor, CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        await using var connection = await db.OpenAsync(ct);
        await using var tx = await connection.BeginTransactionAsync(ct);
        if (await BodyAsync(connection, tx, r.ParentCode) is not { } parent)
            return Refusal.Invalid("parentCode", Text.Of($"코드 '{r.ParentCode}'인 협의체가 없습니다.", $"No council body has the code '{r.ParentCode}'."));
        if (await BodyAsync(connection, tx, r.Code) is not null)
            return Refusal.Conflict(Text.Of($"코드 '{r.Code}'인 협의체가 이미 있습니다.", $"A council body with the code '{r.Code}' already exists."));
        await connection.ExecuteAsync("""
            INSERT INTO council_bodies (code, parent_id, name_ko, name_en, organising_unit, opening_rule, decision_rule, next_meeting_number, version,
                                        created_at, updated_at)
            VALUES (@Code, @ParentId, @NameKo, @NameEn, @OrganisingUnit, @Opening, @Deciding, 1, 1, @now, @now)
            """, new { r.Code, ParentId = parent.Id, r.NameKo, r.NameEn, r.OrganisingUnit, Opening = WireNames.Of(r.OpeningRule),
                Deciding = WireNames.Of(r.DecisionRule), now }, tx);
        var body = (await BodyAsync(connection, tx, r.Code))!.ToDto();
        await audit.WriteAsync(connection, tx, actor, "create", BodyEntity, body.Id, null, body);
        await tx.CommitAsync(ct);
        return body;
    }

    /// <summary>Renames a body or changes its quorum rules (they apply to quorums computed from then on; decisions keep what they recorded).</summary>
    public async Task<StoreResult<CouncilBodyDto>> UpdateBodyAsync(string code, CouncilBodyRequest r, Actor actor, CancellationToken ct)
    {
        await using var connection = await db.OpenAsync(ct);
        await using var tx = await connection.BeginTransactionAsync(ct);
        if (await BodyAsync(connection, tx, code) is not { } body) return Refusal.NotFound;
        await connection.ExecuteAsync("""
            UPDATE council_bodies SET name_ko = @NameKo, name_en = @NameEn, organising_unit = @OrganisingUnit, opening_rule = @Opening,
                                      decision_rule = @Deciding, version = version + 1, updated_at = @now
            WHERE id = @Id
            """, new { body.Id, r.NameKo, r.NameEn, r.OrganisingUnit, Opening = WireNames.Of(r.OpeningRule), Deciding = WireNames.Of(r.DecisionRule),
                now = clock.GetUtcNow() }, tx);
        var after = (await BodyAsync(connection, tx, code))!.ToDto();
        // Every calendar event of the body's meetings names the body (DESCRIPTION): a new Korean name is a new sequence for each.
        if (after.NameKo != body.NameKo)
            await connection.ExecuteAsync("UPDATE meetings SET sequence = sequence + 1 WHERE body_id = @Id", new { body.Id }, tx);
        await audit.WriteAsync(connection, tx, actor, "update", BodyEntity, body.Id, body.ToDto(), after);
        await tx.CommitAsync(ct);
        return after;
    }
}
