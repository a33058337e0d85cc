using BioCluster.Api.Features.Meetings;
using BioCluster.Api.Infrastructure.Http;
using BioCluster.Api.Infrastructure.Workflow;
using BioCluster.Contracts.Imports;
using BioCluster.Contracts.Meetings;
using FluentValidation;

namespace BioCluster.Api.Features.Imports;

/// <summary>
/// What the two council imports share: bodies and agencies looked up once per code, a body's seats read once, and the
/// Korean names a spreadsheet may use for positions, groups and sectors. The rules themselves are the store's
/// (<see cref="CouncilStore"/>): the same validators, look-ups, overlap plan and writes as the endpoints.
/// </summary>
internal sealed class CouncilLookups(ImportContext context)
{
    public const string DefaultBody = "council";

    private readonly Dictionary<string, CouncilStore.BodyRow?> _bodies = new(StringComparer.Ordinal);
    private readonly Dictionary<long, List<CouncilStore.SeatRow>> _seats = new();
    private readonly Dictionary<string, long?> _agencies = new(StringComparer.Ordinal);

    public static readonly IReadOnlyDictionary<string, SeatPosition> PositionAliases = new Dictionary<string, SeatPosition>
    {
        ["위원장"] = SeatPosition.Chair, ["부위원장"] = SeatPosition.ViceChair, ["위원"] = SeatPosition.Member, ["간사"] = SeatPosition.Secretary,
    };

    public static readonly IReadOnlyDictionary<string, SeatGroup> GroupAliases = new Dictionary<string, SeatGroup>
    {
        ["부처"] = SeatGroup.Ministry, ["정부부처"] = SeatGroup.Ministry, ["운영기관"] = SeatGroup.ClusterOperator, ["클러스터운영기관"] = SeatGroup.ClusterOperator,
        ["공공기관"] = SeatGroup.PublicAgency, ["민간전문가"] = SeatGroup.PrivateExpert, ["민간위원"] = SeatGroup.PrivateExpert,
    };

    public static readonly IReadOnlyDictionary<string, ExpertSector> SectorAliases = new Dictionary<string, ExpertSector>
    {
        ["산업"] = ExpertSector.Industry, ["산업계"] = ExpertSector.Industry, ["산"] = ExpertSector.Industry, ["학계"] = ExpertSector.Academia,
        ["학"] = ExpertSector.Academia, ["연구"] = ExpertSector.Research, ["연구계"] = ExpertSector.Research, ["연"] = ExpertSector.Research,
        ["병원"] = ExpertSector.Hospital, ["병"] = ExpertSector.Hospital,
    };

    public async Task<CouncilStore.BodyRow?> BodyAsync(string code)
    {
        if (!_bodies.TryGetValue(code, out var body))
            _bodies[code] = body = await CouncilStore.BodyAsync(context.Connection, context.Transaction, code);
        return body;
    }

    /// <summary>The body's seats as stored, plus the seats this run has made (kept here, so a dry run sees them too).</summary>
    public async Task<List<CouncilStore.SeatRow>> SeatsAsync(long bodyId)
    {
        if (!_seats.TryGetValue(bodyId, out var seats))
            _seats[bodyId] = seats = await CouncilStore.SeatsOfBodyAsync(context.Connection, context.Transaction, bodyId);
        return seats;
    }

    public async Task<long?> ActiveAgencyIdAsync(string code)
    {
        if (!_agencies.TryGetValue(code, out var id))
            _agencies[code] = id = await CouncilStore.ActiveAgencyIdAsync(context.Connection, context.Transaction, code);
        return id;
    }

    /// <summary>Whether a seat is still a seat of its body today (ended seats are history: a new one may take the label).</summary>
    public bool Current(CouncilStore.SeatRow seat) => seat.ActiveTo is not { } to || to >= Council.DayOf(context.Now);
}

/// <summary>
/// Council seats, matched by body and Korean label. A new seat is written as <c>POST /api/v1/council/seats</c> writes it
/// (same validator, body and agency rules, audit entry). A re-sent seat with the same fields is unchanged; one whose
/// fields differ is refused: seats are not edited by import (no endpoint edits them either).
/// </summary>
public sealed class CouncilSeatImport(IValidator<CreateSeatRequest> validator) : ImportTarget
{
    public override ImportEntity Entity => ImportEntity.CouncilSeats;

    public override Task<ImportSession> OpenAsync(ImportContext context, CancellationToken ct) =>
        Task.FromResult<ImportSession>(new Session(this, context, validator));

    private sealed class Session(CouncilSeatImport target, ImportContext context, IValidator<CreateSeatRequest> validator) : ImportSession
    {
        private readonly CouncilLookups _lookups = new(context);
        private readonly Dictionary<string, int> _seen = new(StringComparer.Ordinal);
        private readonly int _body = target.Column("bodyCode"), _position = target.Column("position"), _group = target.Column("group"),
            _sector = target.Column("sector"), _agency = target.Column("agencyCode"), _labelKo = target.Column("labelKo"), _labelEn = target.Column("labelEn"),
            _sortOrder = target.Column("sortOrder"), _activeFrom = target.Column("activeFrom"), _voting = target.Column("voting");

        public override void Check(RowCheck row)
        {
            row.Key = row[_labelKo];
            var position = row.Enum(_position, "position", CouncilLookups.PositionAliases);
            var group = row.Enum(_group, "group", CouncilLookups.GroupAliases);
            var sector = row.Enum(_sector, "sector", CouncilLookups.SectorAliases);
            if (row[_position] is null) row.Add("position", "required", Text.Of("직위가 필요합니다.", "The position is required."));
            if (row[_group] is null) row.Add("group", "required", Text.Of("구분이 필요합니다.", "The group is required."));
            var request = new CreateSeatRequest(row[_body] ?? CouncilLookups.DefaultBody, position ?? SeatPosition.Member, group ?? SeatGroup.Ministry,
                row[_labelKo] ?? "", row[_labelEn], sector, row[_agency], row.Int(_sortOrder, "sortOrder") ?? 100, row.Date(_activeFrom, "activeFrom"),
                row.Bool(_voting, "voting") ?? true);
            row.Validate(validator, request);
            row.Checked = request;
        }

        public override async Task<RowResult> ApplyAsync(RowCheck row, bool write, CancellationToken ct)
        {
            if (row.Checked is null) Check(row);
            var r = (CreateSeatRequest)row.Checked!;
            if (row.Failed) return RowResult.Rejected;
            if (await _lookups.BodyAsync(r.BodyCode) is not { } body)
            {
                row.Add("bodyCode", "unknown_reference", CouncilStore.NoBody(r.BodyCode));
                return RowResult.Rejected;
            }
            long? agencyId = null;
            if (r.AgencyCode is { } code && (agencyId = await _lookups.ActiveAgencyIdAsync(code)) is null)
                row.Add("agencyCode", "unknown_reference", CouncilStore.NoActiveAgency(code));
            var key = $"{r.BodyCode}\n{r.LabelKo}";
            if (_seen.TryGetValue(key, out var first))
                row.Add("labelKo", "duplicate_in_file", Text.Of($"좌석 '{r.LabelKo}'이(가) {first}행에 이미 있습니다.", $"Seat '{r.LabelKo}' appears again; first at row {first}."));
            if (row.Failed) return RowResult.Rejected;
            _seen[key] = row.Row.Number;

            var seats = await _lookups.SeatsAsync(body.Id);
            if (seats.FirstOrDefault(s => s.LabelKo == r.LabelKo && _lookups.Current(s)) is { } existing)
            {
                if (Same(existing, r)) return RowResult.Unchanged;
                row.Add("labelKo", "exists", Text.Of($"협의체 '{r.BodyCode}'에 '{r.LabelKo}' 좌석이 이미 있고 내용이 다릅니다. 가져오기는 좌석을 고치지 않습니다.",
                    $"Body '{r.BodyCode}' already has a seat '{r.LabelKo}' with other fields; an import does not change seats."));
                return RowResult.Rejected;
            }
            var seat = new CouncilStore.SeatRow
            {
                BodyId = body.Id, Position = WireNames.Of(r.Position), SeatGroup = WireNames.Of(r.Group), Sector = r.Sector is { } s ? WireNames.Of(s) : null,
                AgencyId = agencyId, AgencyCode = r.AgencyCode, LabelKo = r.LabelKo, LabelEn = r.LabelEn, SortOrder = r.SortOrder,
                ActiveFrom = r.ActiveFrom ?? Council.DayOf(context.Now), Voting = r.Voting,
            };
            if (write)
            {
                var created = await CouncilStore.InsertSeatAsync(context.Connection, context.Transaction!, context.Dialect, body.Id, r, agencyId, context.Now);
                await context.Audit.WriteAsync("create", CouncilStore.SeatEntity, created.Id, null, created, ct);
                seat.Id = created.Id;
            }
            seats.Add(seat);
            return RowResult.Created;
        }

        private static bool Same(CouncilStore.SeatRow s, CreateSeatRequest r) =>
            s.Position == WireNames.Of(r.Position) && s.SeatGroup == WireNames.Of(r.Group) && s.Sector == (r.Sector is { } sector ? WireNames.Of(sector) : null)
            && s.AgencyCode == r.AgencyCode && s.LabelEn == r.LabelEn && s.SortOrder == r.SortOrder && s.Voting == r.Voting
            && (r.ActiveFrom is not { } from || from == s.ActiveFrom);
    }
}

/// <summary>
/// Terms in seats (위원 임기), under the rules of <c>POST /api/v1/council/seats/{seatId}/memberships</c>: the seat's agency
/// when none is named, the seat's voting right when none is given, an open-ended earlier term ended the day before
/// (audited as end_term), any other overlap refused. Later rows see what earlier rows did, in a dry run too.
/// A re-sent term (same seat, person, dates and fields) is unchanged.
/// </summary>
public sealed class CouncilMembershipImport(IValidator<CreateMembershipRequest> validator) : ImportTarget
{
    public override ImportEntity Entity => ImportEntity.CouncilMemberships;

    public override Task<ImportSession> OpenAsync(ImportContext context, CancellationToken ct) =>
        Task.FromResult<ImportSession>(new Session(this, context, validator));

    private sealed record Own(string BodyCode, string? SeatLabel, int? SeatId, CreateMembershipRequest Request);

    private sealed class Session(CouncilMembershipImport target, ImportContext context, IValidator<CreateMembershipRequest> validator) : ImportSession
    {
        private readonly CouncilLookups _lookups = new(context);
        private readonly Dictionary<long, List<CouncilStore.MembershipRow>> _terms = new();
        private readonly int _body = target.Column("bodyCode"), _seatLabel = target.Column("seatLabel"), _seatId = target.Column("seatId"),
            _person = target.Column("personName"), _title = target.Column("title"), _onBehalfOf = target.Column("onBehalfOfCode"),
            _startsOn = target.Column("startsOn"), _endsOn = target.Column("endsOn"), _substitute = target.Column("substituteAllowed"),
            _voting = target.Column("voting");

        public override void Check(RowCheck row)
        {
            row.Key = row[_person];
            var startsOn = row.Date(_startsOn, "startsOn");
            if (row[_startsOn] is null) row.Add("startsOn", "required", Text.Of("임기 시작일이 필요합니다.", "The start of the term is required."));
            var seatId = row.Int(_seatId, "seatId");
            if (row[_seatLabel] is null && row[_seatId] is null)
                row.Add("seatLabel", "required", Text.Of("좌석명(또는 좌석ID)이 필요합니다.", "The seat's label (or its ID) is required."));
            var request = new CreateMembershipRequest(row[_person] ?? "", startsOn ?? DateOnly.MinValue, row[_title], row[_onBehalfOf],
                row.Date(_endsOn, "endsOn"), row.Bool(_substitute, "substituteAllowed") ?? true, row.Bool(_voting, "voting"));
            if (startsOn is not null) row.Validate(validator, request);
            else if (row[_person] is null) row.Add("personName", "required", Text.Of("성명이 필요합니다.", "The name is required."));
            row.Checked = new Own(row[_body] ?? CouncilLookups.DefaultBody, row[_seatLabel], seatId, request);
        }

        public override async Task<RowResult> ApplyAsync(RowCheck row, bool write, CancellationToken ct)
        {
            if (row.Checked is null) Check(row);
            var (bodyCode, seatLabel, seatId, r) = (Own)row.Checked!;
            if (row.Failed) return RowResult.Rejected;
            if (await _lookups.BodyAsync(bodyCode) is not { } body)
            {
                row.Add("bodyCode", "unknown_reference", CouncilStore.NoBody(bodyCode));
                return RowResult.Rejected;
            }
            var seats = await _lookups.SeatsAsync(body.Id);
            var matches = seatId is { } id ? seats.Where(s => s.Id == id).ToList()
                : seats.Where(s => s.LabelKo == seatLabel && _lookups.Current(s)).ToList();
            if (seatId is not null && seatLabel is not null && matches.Count == 1 && matches[0].LabelKo != seatLabel)
                matches.Clear();
            if (matches.Count != 1)
            {
                var column = seatId is null ? "seatLabel" : "seatId";
                row.Add(column, matches.Count == 0 ? "unknown_reference" : "ambiguous", matches.Count == 0
                    ? Text.Of($"협의체 '{bodyCode}'에 '{seatLabel ?? seatId?.ToString()}' 좌석이 없습니다.", $"Body '{bodyCode}' has no seat '{seatLabel ?? seatId?.ToString()}'.")
                    : Text.Of($"'{seatLabel}' 좌석이 여럿입니다. 좌석ID를 적어 주세요.", $"Several seats are labelled '{seatLabel}'; give the seat's ID."));
                return RowResult.Rejected;
            }
            var seat = matches[0];
            long? agencyId = seat.AgencyId;
            if (r.OnBehalfOfCode is { } code && (agencyId = await _lookups.ActiveAgencyIdAsync(code)) is null)
            {
                row.Add("onBehalfOfCode", "unknown_reference", CouncilStore.NoActiveAgency(code));
                return RowResult.Rejected;
            }
            if (!_terms.TryGetValue(seat.Id, out var terms))
                _terms[seat.Id] = terms = await CouncilStore.TermsOfSeatAsync(context.Connection, context.Transaction, seat.Id);
            var voting = r.Voting ?? seat.Voting;
            if (terms.Any(t => t.PersonName == r.PersonName && t.StartsOn == r.StartsOn && t.EndsOn == r.EndsOn && t.Title == r.Title
                    && t.OnBehalfOfId == agencyId && t.SubstituteAllowed == r.SubstituteAllowed && t.Voting == voting))
                return RowResult.Unchanged;
            var plan = CouncilStore.PlanTerm(terms, r.StartsOn, r.EndsOn);
            if (plan.Conflict is { } conflict)
            {
                row.Add("startsOn", "overlap", CouncilStore.Overlap(conflict));
                return RowResult.Rejected;
            }
            MembershipDto? created = null;
            if (write)
            {
                foreach (var (term, endsOn) in plan.Ended)
                {
                    var (before, after) = await CouncilStore.EndTermAsync(context.Connection, context.Transaction!, term, endsOn, context.Now);
                    await context.Audit.WriteAsync("end_term", CouncilStore.MembershipEntity, term.Id, before, after, ct);
                }
                created = await CouncilStore.InsertTermAsync(context.Connection, context.Transaction!, context.Dialect, seat, r, agencyId, context.Now);
                await context.Audit.WriteAsync("create", CouncilStore.MembershipEntity, created.Id, null, created, ct);
            }
            foreach (var (term, endsOn) in plan.Ended) term.EndsOn = endsOn;
            terms.Add(new CouncilStore.MembershipRow
            {
                // As stored (a later row may end it, and the audit records it as the endpoint does); unwritten in a dry run.
                Id = created?.Id ?? 0, SeatId = seat.Id, PersonName = r.PersonName, Title = r.Title, OnBehalfOfId = agencyId,
                AgencyCode = created?.OnBehalfOf?.Code, AgencyNameKo = created?.OnBehalfOf?.NameKo, AgencyNameEn = created?.OnBehalfOf?.NameEn,
                StartsOn = r.StartsOn, EndsOn = r.EndsOn, SubstituteAllowed = r.SubstituteAllowed, Voting = voting,
            });
            return RowResult.Created;
        }
    }
}
