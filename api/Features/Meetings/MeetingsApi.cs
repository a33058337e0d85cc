using BioCluster.Api.Features.Access;
using BioCluster.Api.Infrastructure.Http;
using BioCluster.Api.Infrastructure.OpenApi;
using BioCluster.Api.Infrastructure.Sheets;
using BioCluster.Contracts.Common;
using BioCluster.Contracts.Meetings;
using Microsoft.AspNetCore.Http.HttpResults;
using static Microsoft.AspNetCore.Http.StatusCodes;

namespace BioCluster.Api.Features.Meetings;

/// <summary>The council (bodies, seats, memberships), its meetings (agenda, attendance, decisions) and follow-ups.</summary>
public static class MeetingsApi
{
    public static IEndpointRouteBuilder MapMeetings(this IEndpointRouteBuilder app)
    {
        var council = app.MapGroup("/api/v1/council").WithTags("Council");
        council.MapGet("/bodies", ListCouncilBodies).WithName(nameof(ListCouncilBodies)).RequireAuthorization(Permissions.CouncilRead)
            .WithSummary("The council and its working groups, with their quorum rules").Errors(Status401Unauthorized, Status403Forbidden);
        council.MapPost("/bodies", CreateCouncilBody).WithName(nameof(CreateCouncilBody)).RequireAuthorization(Permissions.CouncilManage)
            .WithSummary("Add a working group (분과) under a body").Validate<CreateCouncilBodyRequest>()
            .Errors(Status401Unauthorized, Status403Forbidden, Status415UnsupportedMediaType);
        council.MapPut("/bodies/{code}", ReplaceCouncilBody).WithName(nameof(ReplaceCouncilBody)).RequireAuthorization(Permissions.CouncilManage)
            .WithSummary("Rename a body or change its quorum rules (opening: share of voting seats present; deciding: share of those present)")
            .Validate<CouncilBodyRequest>().Errors(Status401Unauthorized, Status403Forbidden, Status415UnsupportedMediaType);
        council.MapGet("/seats", ListCouncilSeats).WithName(nameof(ListCouncilSeats)).RequireAuthorization(Permissions.CouncilRead)
            .WithSummary("A body's seats in order, each with its current holder").Validate<SeatListQuery>()
            .Errors(Status401Unauthorized, Status403Forbidden, Status404NotFound);
        council.MapPost("/seats", CreateCouncilSeat).WithName(nameof(CreateCouncilSeat)).RequireAuthorization(Permissions.CouncilManage)
            .WithSummary("Add a seat to a body").Validate<CreateSeatRequest>().Errors(Status401Unauthorized, Status403Forbidden, Status415UnsupportedMediaType);
        council.MapPost("/seats/{seatId:long}/memberships", AddCouncilMembership).WithName(nameof(AddCouncilMembership))
            .RequireAuthorization(Permissions.CouncilManage).WithSummary("Put a person in a seat for a term (an open-ended earlier term ends the day before)")
            .Validate<CreateMembershipRequest>().Errors(Status401Unauthorized, Status403Forbidden, Status415UnsupportedMediaType);
        council.MapGet("/bodies/export.csv", ExportCouncilBodies).WithName(nameof(ExportCouncilBodies)).RequireAuthorization(Permissions.CouncilRead)
            .WithSummary("Export the council and its working groups as CSV").ProducesCsv().Errors(Status401Unauthorized, Status403Forbidden);
        council.MapGet("/seats/export.csv", ExportCouncilSeats).WithName(nameof(ExportCouncilSeats)).RequireAuthorization(Permissions.CouncilRead)
            .WithSummary("Export a body's seats with their current holders as CSV (imports back as council_seats)").ProducesCsv().Validate<SeatListQuery>()
            .Errors(Status401Unauthorized, Status403Forbidden, Status404NotFound);
        council.MapGet("/seats/export.xlsx", ExportCouncilSeatsXlsx).WithName(nameof(ExportCouncilSeatsXlsx)).RequireAuthorization(Permissions.CouncilRead)
            .WithSummary("Export a body's seats with their current holders as XLSX with Korean headers").ProducesXlsx().Validate<SeatListQuery>()
            .Errors(Status401Unauthorized, Status403Forbidden, Status404NotFound);
        council.MapGet("/terms-ending/export.csv", ExportTermsEnding).WithName(nameof(ExportTermsEnding)).RequireAuthorization(Permissions.CouncilRead)
            .WithSummary("Export the terms ending within the coming days (default 60) as CSV (imports back as council_memberships)").ProducesCsv()
            .Validate<TermsEndingQuery>().Errors(Status401Unauthorized, Status403Forbidden);
        council.MapPost("/memberships/{membershipId:long}/end", EndCouncilMembership).WithName(nameof(EndCouncilMembership))
            .RequireAuthorization(Permissions.CouncilManage).WithSummary("End a term on a day without naming a successor (only ever earlier)")
            .Validate<EndMembershipRequest>().Errors(Status401Unauthorized, Status403Forbidden, Status415UnsupportedMediaType);
        council.MapGet("/terms-ending", ListTermsEnding).WithName(nameof(ListTermsEnding)).RequireAuthorization(Permissions.CouncilRead)
            .WithSummary("Memberships whose term ends within the coming days (default 60)").Validate<TermsEndingQuery>()
            .Errors(Status401Unauthorized, Status403Forbidden);

        var meetings = app.MapGroup("/api/v1/meetings").WithTags("Meetings");
        meetings.MapGet("/", ListMeetings).WithName(nameof(ListMeetings)).RequireAuthorization(Permissions.CouncilRead)
            .WithSummary("List meetings, newest first, one keyset page at a time").Validate<MeetingListQuery>().Errors(Status401Unauthorized, Status403Forbidden);
        meetings.MapGet("/export.csv", ExportMeetings).WithName(nameof(ExportMeetings)).RequireAuthorization(Permissions.CouncilRead)
            .WithSummary("Export the meetings matching the list's filters as CSV").ProducesCsv().Validate<MeetingFilterQuery>()
            .Errors(Status401Unauthorized, Status403Forbidden);
        meetings.MapGet("/export.xlsx", ExportMeetingsXlsx).WithName(nameof(ExportMeetingsXlsx)).RequireAuthorization(Permissions.CouncilRead)
            .WithSummary("Export the meetings matching the list's filters as an Excel workbook").ProducesXlsx().Validate<MeetingFilterQuery>()
            .Errors(Status401Unauthorized, Status403Forbidden);
        meetings.MapGet("/{id:long}", GetMeeting).WithName(nameof(GetMeeting)).RequireAuthorization(Permissions.CouncilRead)
            .WithSummary("A meeting with its agenda, decisions, attendance, quorum, follow-ups and the moves the caller may make")
            .ReturnsETag().Errors(Status401Unauthorized, Status403Forbidden, Status404NotFound);
        meetings.MapPost("/", CreateMeeting).WithName(nameof(CreateMeeting)).RequireAuthorization(Permissions.CouncilManage)
            .WithSummary("Plan a meeting (it is numbered when convened)").Idempotent<CreateMeetingRequest>().Validate<CreateMeetingRequest>()
            .ReturnsETag().Errors(Status401Unauthorized, Status403Forbidden, Status415UnsupportedMediaType);
        Change(meetings.MapPut("/{id:long}", ReplaceMeeting).WithName(nameof(ReplaceMeeting))
            .WithSummary("Replace a planned or convened meeting's title, kind, time and place (If-Match required)").Validate<UpdateMeetingRequest>());
        Change(meetings.MapPost("/{id:long}/transitions", MoveMeeting).WithName(nameof(MoveMeeting))
            .WithSummary("Convene, hold, close or cancel a meeting (If-Match required); closing needs every item decided and every follow-up owned and dated")
            .Validate<MeetingMoveRequest>());
        Change(meetings.MapPost("/{id:long}/agenda", AddAgendaItem).WithName(nameof(AddAgendaItem))
            .WithSummary("Add an agenda item at the end (of the top level or under a parent) (If-Match of the meeting)").Validate<AgendaItemRequest>());
        Change(meetings.MapPut("/{id:long}/agenda/{itemId:long}", ReplaceAgendaItem).WithName(nameof(ReplaceAgendaItem))
            .WithSummary("Replace an agenda item (If-Match of the meeting)").Validate<AgendaItemRequest>());
        Change(meetings.MapDelete("/{id:long}/agenda/{itemId:long}", DeleteAgendaItem).WithName(nameof(DeleteAgendaItem))
            .WithSummary("Remove an agenda item that has no decision, sub-items, follow-ups or references (If-Match of the meeting)"));
        Change(meetings.MapPut("/{id:long}/agenda-order", ReorderAgenda).WithName(nameof(ReorderAgenda))
            .WithSummary("Put the agenda in a new order: every item once (If-Match of the meeting)").Validate<AgendaOrderRequest>());
        Change(meetings.MapPut("/{id:long}/attendance", PutAttendance).WithName(nameof(PutAttendance))
            .WithSummary("Replace the attendance sheet; the quorum follows from it (If-Match of the meeting)").Validate<AttendanceRequest>());
        Change(meetings.MapPut("/{id:long}/agenda/{itemId:long}/decision", DecideAgendaItem).WithName(nameof(DecideAgendaItem))
            .WithSummary("Record the decision on an item, with its follow-ups; whether quorum was met is recorded (If-Match of the meeting)")
            .Validate<DecisionRequest>());

        var followUps = app.MapGroup("/api/v1/follow-ups").WithTags("FollowUps");
        followUps.MapGet("/", ListFollowUps).WithName(nameof(ListFollowUps)).RequireAuthorization(Permissions.CouncilRead)
            .WithSummary("Who owes what by when: follow-ups by due date, filtered by owner, meeting, state or overdue")
            .Validate<FollowUpListQuery>().Errors(Status401Unauthorized, Status403Forbidden);
        followUps.MapGet("/export.csv", ExportFollowUps).WithName(nameof(ExportFollowUps)).RequireAuthorization(Permissions.CouncilRead)
            .WithSummary("Export the follow-ups matching the board's filters (those the caller sees) as CSV").ProducesCsv().Validate<FollowUpFilterQuery>()
            .Errors(Status401Unauthorized, Status403Forbidden);
        followUps.MapGet("/export.xlsx", ExportFollowUpsXlsx).WithName(nameof(ExportFollowUpsXlsx)).RequireAuthorization(Permissions.CouncilRead)
            .WithSummary("Export the follow-ups matching the board's filters (those the caller sees) as an Excel workbook").ProducesXlsx()
            .Validate<FollowUpFilterQuery>().Errors(Status401Unauthorized, Status403Forbidden);
        followUps.MapGet("/{id:long}", GetFollowUp).WithName(nameof(GetFollowUp)).RequireAuthorization(Permissions.CouncilRead)
            .WithSummary("A follow-up with its progress notes and the moves the caller may make").ReturnsETag()
            .Errors(Status401Unauthorized, Status403Forbidden, Status404NotFound);
        followUps.MapPut("/{id:long}", ReplaceFollowUp).WithName(nameof(ReplaceFollowUp)).RequireAuthorization(Permissions.CouncilManage)
            .WithSummary("Set a follow-up's title, owner, due date and detail (If-Match required)").Validate<UpdateFollowUpRequest>().RequiresIfMatch()
            .Errors(Status401Unauthorized, Status403Forbidden, Status415UnsupportedMediaType);
        followUps.MapPost("/{id:long}/transitions", MoveFollowUp).WithName(nameof(MoveFollowUp)).RequireAuthorization(Permissions.FollowUpsReport)
            .WithSummary("Report progress, report it done, or cancel it (If-Match required); owners their own, the secretariat all")
            .Validate<FollowUpMoveRequest>().RequiresIfMatch().Errors(Status401Unauthorized, Status403Forbidden, Status415UnsupportedMediaType);
        return app;
    }

    /// <summary>A change to a meeting: the secretariat's, guarded by the meeting's ETag.</summary>
    private static void Change(RouteHandlerBuilder builder) =>
        builder.RequireAuthorization(Permissions.CouncilManage).RequiresIfMatch().Errors(Status401Unauthorized, Status403Forbidden, Status415UnsupportedMediaType);

    public static async Task<Ok<IReadOnlyList<CouncilBodyDto>>> ListCouncilBodies(CouncilStore store, CancellationToken ct) =>
        TypedResults.Ok(await store.BodiesAsync(ct));

    public static async Task<Results<Created<CouncilBodyDto>, CreateRefused>> CreateCouncilBody(CreateCouncilBodyRequest request, Actor actor,
        CouncilStore store, CancellationToken ct)
    {
        var created = await store.CreateBodyAsync(request, actor, ct);
        return created.Refusal is { } refusal ? new CreateRefused(refusal, Text.Of("협의체", "Council body"))
            : TypedResults.Created($"/api/v1/council/bodies/{created.Value!.Code}", created.Value);
    }

    public static async Task<Results<Ok<CouncilBodyDto>, ActionRefused>> ReplaceCouncilBody(string code, CouncilBodyRequest request, Actor actor,
        CouncilStore store, CancellationToken ct)
    {
        var updated = await store.UpdateBodyAsync(code, request, actor, ct);
        return updated.Refusal is { } refusal ? new ActionRefused(refusal, Text.Of($"협의체 '{code}'", $"Council body '{code}'")) : TypedResults.Ok(updated.Value!);
    }

    public static async Task<Results<Ok<IReadOnlyList<SeatDto>>, ReadRefused>> ListCouncilSeats([AsParameters] SeatListQuery query, CouncilStore store,
        CancellationToken ct)
    {
        var body = ListRules.Normal(query.BodyCode) ?? "council";
        return await store.SeatsAsync(body, query.IncludeEnded == true, ct) is { } seats ? TypedResults.Ok(seats) : ReadResponses.NotFound(Text.Of($"협의체 '{body}'", $"Council body '{body}'"));
    }

    public static async Task<Results<Created<SeatDto>, CreateRefused>> CreateCouncilSeat(CreateSeatRequest request, Actor actor, CouncilStore store, CancellationToken ct)
    {
        var created = await store.CreateSeatAsync(request, actor, ct);
        return created.Refusal is { } refusal ? new CreateRefused(refusal, Text.Of("좌석", "Seat")) : TypedResults.Created($"/api/v1/council/seats/{created.Value!.Id}", created.Value);
    }

    public static async Task<Results<Created<MembershipDto>, WriteRefused>> AddCouncilMembership(long seatId, CreateMembershipRequest request, Actor actor,
        CouncilStore store, CancellationToken ct)
    {
        var created = await store.AddMembershipAsync(seatId, request, actor, ct);
        return created.Refusal is { } refusal ? new WriteRefused(refusal, Text.Of($"좌석 {seatId}", $"Seat {seatId}"))
            : TypedResults.Created($"/api/v1/council/seats/{seatId}/memberships/{created.Value!.Id}", created.Value);
    }

    public static async Task<Results<Ok<MembershipDto>, WriteRefused>> EndCouncilMembership(long membershipId, EndMembershipRequest request, Actor actor,
        CouncilStore store, CancellationToken ct)
    {
        var ended = await store.EndMembershipAsync(membershipId, request, actor, ct);
        return ended.Refusal is { } refusal ? new WriteRefused(refusal, Text.Of($"협의체 위원 임기 {membershipId}", $"Membership {membershipId}")) : TypedResults.Ok(ended.Value!);
    }

    public static async Task<Ok<IReadOnlyList<MembershipDto>>> ListTermsEnding([AsParameters] TermsEndingQuery query, CouncilStore store, CancellationToken ct) =>
        TypedResults.Ok(await store.TermsEndingAsync(query.Days ?? 60, ct));

    private static readonly IReadOnlyList<SheetColumn> BodyColumns =
    [
        new("code", "코드"), new("nameKo", "국문명"), new("nameEn", "영문명"), new("organisingUnit", "주관 부서"), new("parentId", "상위 협의체 ID"),
        new("openingRule", "개의 정족수"), new("decisionRule", "의결 정족수"), new("seatCount", "좌석 수"), new("id", "ID"),
    ];

    private static object? BodyCell(CouncilBodyDto b, string column) => column switch
    {
        "code" => b.Code,
        "nameKo" => b.NameKo,
        "nameEn" => b.NameEn,
        "organisingUnit" => b.OrganisingUnit,
        "parentId" => b.ParentId,
        "openingRule" => b.OpeningRule,
        "decisionRule" => b.DecisionRule,
        "seatCount" => b.SeatCount,
        "id" => b.Id,
        _ => null,
    };

    public static async Task<SheetFile> ExportCouncilBodies(CouncilStore store, CancellationToken ct) =>
        SheetExport.Csv(new("council-bodies", "협의체"), BodyColumns, BodyCell, (await store.BodiesAsync(ct)).ToAsyncEnumerable());

    private sealed record SeatLine(string BodyCode, SeatDto Seat);

    private static object? SeatCell(SeatLine l, string column) => column switch
    {
        "bodyCode" => l.BodyCode,
        "position" => l.Seat.Position,
        "group" => l.Seat.Group,
        "sector" => l.Seat.Sector,
        "agencyCode" => l.Seat.Agency?.Code,
        "labelKo" => l.Seat.LabelKo,
        "labelEn" => l.Seat.LabelEn,
        "sortOrder" => l.Seat.SortOrder,
        "activeFrom" => l.Seat.ActiveFrom,
        "voting" => l.Seat.Voting,
        "id" => l.Seat.Id,
        "activeTo" => l.Seat.ActiveTo,
        "holderName" => l.Seat.Holder?.PersonName,
        "holderTitle" => l.Seat.Holder?.Title,
        "holderOnBehalfOf" => l.Seat.Holder?.OnBehalfOf?.NameKo,
        "holderStartsOn" => l.Seat.Holder?.StartsOn,
        "holderEndsOn" => l.Seat.Holder?.EndsOn,
        _ => null,
    };

    private static async Task<IResult> Seats(SeatListQuery query, CouncilStore store, bool xlsx, CancellationToken ct)
    {
        var body = ListRules.Normal(query.BodyCode) ?? "council";
        if (await store.SeatsAsync(body, query.IncludeEnded == true, ct) is not { } seats) return ReadResponses.NotFound(Text.Of($"협의체 '{body}'", $"Council body '{body}'"));
        var lines = seats.Select(s => new SeatLine(body, s)).ToAsyncEnumerable();
        return SheetExport.As(xlsx, new($"{body}-seats", body == "council" ? "협의체_좌석" : $"{body}_좌석"), Columns.CouncilSeats, SeatCell, lines);
    }

    public static Task<IResult> ExportCouncilSeats([AsParameters] SeatListQuery query, CouncilStore store, CancellationToken ct) => Seats(query, store, false, ct);

    public static Task<IResult> ExportCouncilSeatsXlsx([AsParameters] SeatListQuery query, CouncilStore store, CancellationToken ct) => Seats(query, store, true, ct);

    private static object? TermCell(CouncilStore.TermLine l, string column) => column switch
    {
        "bodyCode" => l.BodyCode,
        "seatLabel" => l.SeatLabel,
        "seatId" => l.Term.SeatId,
        "personName" => l.Term.PersonName,
        "title" => l.Term.Title,
        "onBehalfOfCode" => l.Term.OnBehalfOf?.Code,
        "startsOn" => l.Term.StartsOn,
        "endsOn" => l.Term.EndsOn,
        "substituteAllowed" => l.Term.SubstituteAllowed,
        "voting" => l.Term.Voting,
        "id" => l.Term.Id,
        "daysLeftInTerm" => l.Term.DaysLeftInTerm,
        _ => null,
    };

    public static async Task<SheetFile> ExportTermsEnding([AsParameters] TermsEndingQuery query, CouncilStore store, CancellationToken ct) =>
        SheetExport.Csv(new("terms-ending", "임기만료예정"), Columns.CouncilMemberships, TermCell, (await store.TermsEndingLinesAsync(query.Days ?? 60, ct)).ToAsyncEnumerable());

    public static async Task<Ok<Page<MeetingSummaryDto>>> ListMeetings([AsParameters] MeetingListQuery query, MeetingStore store, CancellationToken ct)
    {
        var (sort, limit, cursor) = PagingRules<MeetingListQuery, MeetingStore.MeetingRow>.Of(query, MeetingStore.SortFields, MeetingListQuery.DefaultSort);
        return TypedResults.Ok(await store.ListAsync(query.ToFilter(), sort, cursor, limit, ct));
    }

    private static readonly IReadOnlyList<SheetColumn> MeetingColumns =
    [
        new("bodyCode", "협의체"), new("number", "차수"), new("titleKo", "회의명"), new("kind", "방식"), new("state", "상태"),
        new("startsAt", "시작 일시(KST)"), new("endsAt", "종료 일시(KST)"), new("venue", "장소"), new("agendaItems", "안건 수"), new("openFollowUps", "미완료 후속조치"),
    ];

    private static object? MeetingCell(MeetingSummaryDto m, string column) => column switch
    {
        "bodyCode" => m.BodyCode,
        "number" => m.Number,
        "titleKo" => m.TitleKo,
        "kind" => m.Kind,
        "state" => m.State,
        "startsAt" => m.StartsAt,
        "endsAt" => m.EndsAt,
        "venue" => m.Venue,
        "agendaItems" => m.AgendaItems,
        "openFollowUps" => m.OpenFollowUps,
        _ => null,
    };

    public static SheetFile ExportMeetings([AsParameters] MeetingFilterQuery query, MeetingStore store, CancellationToken ct) =>
        SheetExport.Csv(new("meetings", "회의"), MeetingColumns, MeetingCell, store.StreamAsync(query.ToFilter(), ct));

    public static SheetFile ExportMeetingsXlsx([AsParameters] MeetingFilterQuery query, MeetingStore store, CancellationToken ct) =>
        SheetExport.Xlsx(new("meetings", "회의"), MeetingColumns, MeetingCell, store.StreamAsync(query.ToFilter(), ct));

    private static readonly IReadOnlyList<SheetColumn> FollowUpColumns =
    [
        new("id", "번호"), new("meetingNumber", "회의 차수"), new("title", "후속조치"), new("owner", "담당 기관"), new("ownerPerson", "담당자"),
        new("dueOn", "기한"), new("state", "상태"), new("percent", "진척률(%)"), new("overdue", "기한 경과"), new("daysLate", "지연 일수"),
    ];

    private static object? FollowUpCell(FollowUpDto f, string column) => column switch
    {
        "id" => f.Id,
        "meetingNumber" => f.MeetingNumber,
        "title" => f.Title,
        "owner" => f.OwnerAgency?.NameKo,
        "ownerPerson" => f.OwnerPerson,
        "dueOn" => f.DueOn,
        "state" => f.State,
        "percent" => f.Percent,
        "overdue" => f.Overdue,
        "daysLate" => f.DaysLate,
        _ => null,
    };

    public static async Task<SheetFile> ExportFollowUps([AsParameters] FollowUpFilterQuery query, Actor actor, MeetingStore meetings, FollowUpStore store,
        CancellationToken ct) =>
        SheetExport.Csv(new("follow-ups", "후속조치"), FollowUpColumns, FollowUpCell, store.StreamAsync(query.ToFilter(), await meetings.ViewOfAsync(actor, ct), ct));

    public static async Task<SheetFile> ExportFollowUpsXlsx([AsParameters] FollowUpFilterQuery query, Actor actor, MeetingStore meetings, FollowUpStore store,
        CancellationToken ct) =>
        SheetExport.Xlsx(new("follow-ups", "후속조치"), FollowUpColumns, FollowUpCell, store.StreamAsync(query.ToFilter(), await meetings.ViewOfAsync(actor, ct), ct));

    public static async Task<Results<Ok<MeetingDto>, ReadRefused>> GetMeeting(long id, Actor actor, MeetingStore store, HttpContext http, CancellationToken ct) =>
        ReadResponses.Found(await store.GetAsync(id, await store.ViewOfAsync(actor, ct), ct), Text.Of($"회의 {id}", $"Meeting {id}"), http);

    public static async Task<Results<Created<MeetingDto>, CreateRefused>> CreateMeeting(CreateMeetingRequest request, Actor actor, MeetingStore store,
        HttpContext http, CancellationToken ct) =>
        WriteResponses.Created(await store.CreateAsync(request, actor, await store.ViewOfAsync(actor, ct), ct), Text.Of("회의", "Meeting"), http, m => $"/api/v1/meetings/{m.Id}");

    public static async Task<Results<Ok<MeetingDto>, WriteRefused>> ReplaceMeeting(long id, UpdateMeetingRequest request, Actor actor, MeetingStore store,
        HttpContext http, CancellationToken ct) =>
        WriteResponses.Respond(await store.UpdateAsync(id, ETags.ExpectedVersion(http.Request), request, actor, await store.ViewOfAsync(actor, ct), ct),
            Text.Of($"회의 {id}", $"Meeting {id}"), http, TypedResults.Ok);

    public static async Task<Results<Ok<MeetingDto>, WriteRefused>> MoveMeeting(long id, MeetingMoveRequest request, Actor actor, MeetingStore store,
        HttpContext http, CancellationToken ct) =>
        WriteResponses.Respond(await store.MoveAsync(id, ETags.ExpectedVersion(http.Request), request, actor, await store.ViewOfAsync(actor, ct), ct),
            Text.Of($"회의 {id}", $"Meeting {id}"), http, TypedResults.Ok);

    public static async Task<Results<Ok<MeetingDto>, WriteRefused>> AddAgendaItem(long id, AgendaItemRequest request, Actor actor, MeetingStore store,
        HttpContext http, CancellationToken ct) =>
        WriteResponses.Respond(await store.AddAgendaItemAsync(id, ETags.ExpectedVersion(http.Request), request, actor, await store.ViewOfAsync(actor, ct), ct),
            Text.Of($"회의 {id}", $"Meeting {id}"), http, TypedResults.Ok);

    public static async Task<Results<Ok<MeetingDto>, WriteRefused>> ReplaceAgendaItem(long id, long itemId, AgendaItemRequest request, Actor actor,
        MeetingStore store, HttpContext http, CancellationToken ct) =>
        WriteResponses.Respond(await store.UpdateAgendaItemAsync(id, ETags.ExpectedVersion(http.Request), itemId, request, actor,
            await store.ViewOfAsync(actor, ct), ct), Text.Of($"회의 {id}의 안건 {itemId}", $"Agenda item {itemId} of meeting {id}"), http, TypedResults.Ok);

    public static async Task<Results<Ok<MeetingDto>, WriteRefused>> DeleteAgendaItem(long id, long itemId, Actor actor, MeetingStore store, HttpContext http,
        CancellationToken ct) =>
        WriteResponses.Respond(await store.DeleteAgendaItemAsync(id, ETags.ExpectedVersion(http.Request), itemId, actor, await store.ViewOfAsync(actor, ct), ct),
            Text.Of($"회의 {id}의 안건 {itemId}", $"Agenda item {itemId} of meeting {id}"), http, TypedResults.Ok);

    public static async Task<Results<Ok<MeetingDto>, WriteRefused>> ReorderAgenda(long id, AgendaOrderRequest request, Actor actor, MeetingStore store,
        HttpContext http, CancellationToken ct) =>
        WriteResponses.Respond(await store.ReorderAsync(id, ETags.ExpectedVersion(http.Request), request, actor, await store.ViewOfAsync(actor, ct), ct),
            Text.Of($"회의 {id}", $"Meeting {id}"), http, TypedResults.Ok);

    public static async Task<Results<Ok<MeetingDto>, WriteRefused>> PutAttendance(long id, AttendanceRequest request, Actor actor, MeetingStore store,
        HttpContext http, CancellationToken ct) =>
        WriteResponses.Respond(await store.PutAttendanceAsync(id, ETags.ExpectedVersion(http.Request), request, actor, await store.ViewOfAsync(actor, ct), ct),
            Text.Of($"회의 {id}", $"Meeting {id}"), http, TypedResults.Ok);

    public static async Task<Results<Ok<MeetingDto>, WriteRefused>> DecideAgendaItem(long id, long itemId, DecisionRequest request, Actor actor,
        MeetingStore store, HttpContext http, CancellationToken ct) =>
        WriteResponses.Respond(await store.DecideAsync(id, ETags.ExpectedVersion(http.Request), itemId, request, actor, await store.ViewOfAsync(actor, ct), ct),
            Text.Of($"회의 {id}의 안건 {itemId}", $"Agenda item {itemId} of meeting {id}"), http, TypedResults.Ok);

    public static async Task<Ok<Page<FollowUpDto>>> ListFollowUps([AsParameters] FollowUpListQuery query, Actor actor, MeetingStore meetings,
        FollowUpStore store, CancellationToken ct)
    {
        var (sort, limit, cursor) = PagingRules<FollowUpListQuery, FollowUpStore.FollowUpRow>.Of(query, FollowUpStore.SortFields, FollowUpListQuery.DefaultSort);
        return TypedResults.Ok(await store.ListAsync(query.ToFilter(), await meetings.ViewOfAsync(actor, ct), sort, cursor, limit, ct));
    }

    public static async Task<Results<Ok<FollowUpDto>, ReadRefused>> GetFollowUp(long id, Actor actor, MeetingStore meetings, FollowUpStore store,
        HttpContext http, CancellationToken ct) =>
        ReadResponses.Found(await store.GetAsync(id, await meetings.ViewOfAsync(actor, ct), ct), Text.Of($"후속조치 {id}", $"Follow-up {id}"), http);

    public static async Task<Results<Ok<FollowUpDto>, WriteRefused>> ReplaceFollowUp(long id, UpdateFollowUpRequest request, Actor actor, MeetingStore meetings,
        FollowUpStore store, HttpContext http, CancellationToken ct) =>
        WriteResponses.Respond(await store.UpdateAsync(id, ETags.ExpectedVersion(http.Request), request, actor, await meetings.ViewOfAsync(actor, ct), ct),
            Text.Of($"후속조치 {id}", $"Follow-up {id}"), http, TypedResults.Ok);

    public static async Task<Results<Ok<FollowUpDto>, WriteRefused>> MoveFollowUp(long id, FollowUpMoveRequest request, Actor actor, MeetingStore meetings,
        FollowUpStore store, HttpContext http, CancellationToken ct) =>
        WriteResponses.Respond(await store.MoveAsync(id, ETags.ExpectedVersion(http.Request), request, actor, await meetings.ViewOfAsync(actor, ct), ct),
            Text.Of($"후속조치 {id}", $"Follow-up {id}"), http, TypedResults.Ok);
}
