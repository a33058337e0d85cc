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

    public async Task<StoreResult<SeatDto>> CreateSeatAsync(CreateSeatRequest r, Actor actor, CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        await using var connection = await db.OpenAsync(ct);
        await using var tx = await connection.BeginTransactionAsync(ct);
        if (await BodyAsync(connection, tx, r.BodyCode) is not { } body)
            return Refusal.Invalid("bodyCode", Text.Of($"코드 '{r.BodyCode}'인 협의체가 없습니다.", $"No council body has the code '{r.BodyCode}'."));
        long? agencyId = null;
        if (r.AgencyCode is { } code)
        {
            agencyId = await connection.QuerySingleOrDefaultAsync<long?>("SELECT id FROM agencies WHERE code = @code AND status = 'active'", new { code }, tx);
            if (agencyId is null) return Refusal.Invalid("agencyCode", Text.Of($"코드 '{code}'인 활성 기관이 없습니다.", $"No active agency has the code '{code}'."));
        }
        var id = await connection.ExecuteScalarAsync<long>($"""
            INSERT INTO council_seats (body_id, position, seat_group, sector, agency_id, label_ko, label_en, sort_order, active_from, voting,
                                       version, created_at, updated_at)
            VALUES (@BodyId, @Position, @Group, @Sector, @AgencyId, @LabelKo, @LabelEn, @SortOrder, @ActiveFrom, @Voting, 1, @Now, @Now);
            {db.Dialect.SelectNewId}
            """, new
        {
            BodyId = body.Id, Position = WireNames.Of(r.Position), Group = WireNames.Of(r.Group), Sector = r.Sector is { } s ? WireNames.Of(s) : null,
            AgencyId = agencyId, r.LabelKo, r.LabelEn, r.SortOrder, ActiveFrom = r.ActiveFrom ?? Council.DayOf(now), r.Voting, Now = now,
        }, tx);
        var seat = (await connection.QuerySingleAsync<SeatRow>($"{SeatSelect} WHERE s.id = @id", new { id }, tx)).ToDto(null);
        await audit.WriteAsync(connection, tx, actor, "create", SeatEntity, id, null, seat);
        await tx.CommitAsync(ct);
        return seat;
    }

    /// <summary>
    /// A person takes a seat for a term. Terms in one seat may not overlap: a holder without an end date has their
    /// term ended the day before the new one starts (recorded in the audit trail); any other overlap is a conflict.
    /// </summary>
    public async Task<StoreResult<MembershipDto>> AddMembershipAsync(long seatId, CreateMembershipRequest r, Actor actor, CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        var today = Council.DayOf(now);
        await using var connection = await db.OpenAsync(ct);
        await using var tx = await connection.BeginTransactionAsync(ct);
        var seat = await connection.QuerySingleOrDefaultAsync<SeatRow>($"{SeatSelect} WHERE s.id = @seatId", new { seatId }, tx);
        if (seat is null) return Refusal.NotFound;
        long? agencyId = seat.AgencyId;
        if (r.OnBehalfOfCode is { } code)
        {
            agencyId = await connection.QuerySingleOrDefaultAsync<long?>("SELECT id FROM agencies WHERE code = @code AND status = 'active'", new { code }, tx);
            if (agencyId is null) return Refusal.Invalid("onBehalfOfCode", Text.Of($"코드 '{code}'인 활성 기관이 없습니다.", $"No active agency has the code '{code}'."));
        }
        var terms = (await connection.QueryAsync<MembershipRow>($"{MembershipSelect} WHERE m.seat_id = @seatId", new { seatId }, tx)).AsList();
        foreach (var term in terms)
        {
            var overlaps = term.StartsOn <= (r.EndsOn ?? DateOnly.MaxValue) && (term.EndsOn ?? DateOnly.MaxValue) >= r.StartsOn;
            if (!overlaps) continue;
            if (term.EndsOn is null && term.StartsOn < r.StartsOn)
            {
                var ended = r.StartsOn.AddDays(-1);
                await connection.ExecuteAsync("UPDATE council_memberships SET ends_on = @ended, updated_at = @now WHERE id = @Id",
                    new { ended, now, term.Id }, tx);
                var before = term.ToDto(today);
                await audit.WriteAsync(connection, tx, actor, "end_term", MembershipEntity, term.Id, before, before with { EndsOn = ended });
                continue;
            }
            return Refusal.Conflict(Text.Of($"이 좌석에는 {term.StartsOn:yyyy-MM-dd}부터 {term.PersonName} 위원의 임기가 겹칩니다.",
                $"{term.PersonName}'s term in this seat from {term.StartsOn:yyyy-MM-dd} overlaps."));
        }
        var id = await connection.ExecuteScalarAsync<long>($"""
            INSERT INTO council_memberships (seat_id, person_name, title, on_behalf_of_id, starts_on, ends_on, substitute_allowed, voting,
                                             created_at, updated_at)
            VALUES (@seatId, @PersonName, @Title, @AgencyId, @StartsOn, @EndsOn, @SubstituteAllowed, @Voting, @Now, @Now);
            {db.Dialect.SelectNewId}
            """, new { seatId, r.PersonName, r.Title, AgencyId = agencyId, r.StartsOn, r.EndsOn, r.SubstituteAllowed, Voting = r.Voting ?? seat.Voting, Now = now }, tx);
        var membership = (await connection.QuerySingleAsync<MembershipRow>($"{MembershipSelect} WHERE m.id = @id", new { id }, tx)).ToDto(today);
        await audit.WriteAsync(connection, tx, actor, "create", MembershipEntity, id, null, membership);
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
        var today = Council.DayOf(now);
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
        await connection.ExecuteAsync("UPDATE council_memberships SET ends_on = @EndsOn, updated_at = @now WHERE id = @membershipId",
            new { r.EndsOn, now, membershipId }, tx);
        var before = term.ToDto(today);
        var after = (await connection.QuerySingleAsync<MembershipRow>($"{MembershipSelect} WHERE m.id = @membershipId", new { membershipId }, tx)).ToDto(today);
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
        await audit.WriteAsync(connection, tx, actor, "update", BodyEntity, body.Id, body.ToDto(), after);
        await tx.CommitAsync(ct);
        return after;
    }
}
