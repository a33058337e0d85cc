using BioCluster.Api.Features.Access;
using BioCluster.Api.Infrastructure.Data;
using BioCluster.Api.Infrastructure.Http;
using BioCluster.Api.Infrastructure.OpenApi;
using BioCluster.Api.Infrastructure.Sheets;
using BioCluster.Contracts.Meetings;
using FluentValidation;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using static Microsoft.AspNetCore.Http.StatusCodes;

namespace BioCluster.Api.Features.Meetings;

/// <summary>Which version of the minutes (default: the latest the caller may see).</summary>
public sealed class MinutesQuery
{
    [FromQuery(Name = "version")]
    public int? Version { get; init; }
}

public sealed class MinutesQueryValidator : AbstractValidator<MinutesQuery>
{
    public MinutesQueryValidator() => RuleFor(q => q.Version).InclusiveBetween(1, 10_000);
}

public sealed class MinutesRequestValidator : AbstractValidator<MinutesRequest>
{
    public MinutesRequestValidator()
    {
        RuleFor(x => x.Summary).MaximumLength(20_000);
        RuleFor(x => x.Remarks).Must(r => r is null || (r.Count <= 300 && r.Values.All(v => v is not null && v.Length <= 20_000)))
            .WithMessage(_ => Text.Of("안건별 발언 요지는 300개, 각 20,000자까지입니다.", "At most 300 remarks of 20,000 characters each."));
    }
}

public sealed class MinutesMoveRequestValidator : AbstractValidator<MinutesMoveRequest>
{
    public MinutesMoveRequestValidator() => RuleFor(x => x.To).DefinedEnum();
}

/// <summary>The minutes (회의록) of a meeting, their PDF, and the meeting's decisions and follow-ups as a sheet.</summary>
public static class MinutesApi
{
    public static IEndpointRouteBuilder MapMinutes(this IEndpointRouteBuilder app)
    {
        var meetings = app.MapGroup("/api/v1/meetings").WithTags("Minutes");
        meetings.MapGet("/{id:long}/minutes", GetMinutes).WithName(nameof(GetMinutes)).RequireAuthorization(Permissions.CouncilRead)
            .WithSummary("The minutes: the latest version the caller may see (drafts are the secretariat's), or ?version=N").Validate<MinutesQuery>()
            .ReturnsETag().Errors(Status401Unauthorized, Status403Forbidden, Status404NotFound);
        meetings.MapPut("/{id:long}/minutes", PutMinutes).WithName(nameof(PutMinutes)).RequireAuthorization(Permissions.CouncilManage)
            .WithSummary("Write the draft: starts version 1 without If-Match; replaces a draft's text with If-Match").Validate<MinutesRequest>()
            .ReturnsETag().Errors(Status401Unauthorized, Status403Forbidden, Status415UnsupportedMediaType);
        meetings.MapPost("/{id:long}/minutes/transitions", MoveMinutes).WithName(nameof(MoveMinutes)).RequireAuthorization(Permissions.CouncilManage)
            .WithSummary("Circulate, take back, approve (by the chair or a later meeting) or publish the minutes (If-Match required)")
            .Validate<MinutesMoveRequest>().RequiresIfMatch().Errors(Status401Unauthorized, Status403Forbidden, Status415UnsupportedMediaType);
        meetings.MapPost("/{id:long}/minutes/revisions", ReviseMinutes).WithName(nameof(ReviseMinutes)).RequireAuthorization(Permissions.CouncilManage)
            .WithSummary("Start a new version of published minutes as a draft; the published version is kept (If-Match required)")
            .RequiresIfMatch().Errors(Status401Unauthorized, Status403Forbidden);
        meetings.MapGet("/{id:long}/minutes.pdf", GetMinutesPdf).WithName(nameof(GetMinutesPdf)).RequireAuthorization(Permissions.CouncilRead)
            .WithSummary("The minutes as a PDF in Korean (A4)").Validate<MinutesQuery>().Produces(Status200OK, contentType: "application/pdf")
            .Errors(Status401Unauthorized, Status403Forbidden, Status404NotFound, Status503ServiceUnavailable);
        meetings.MapGet("/{id:long}/decisions.csv", ExportDecisions).WithName(nameof(ExportDecisions)).RequireAuthorization(Permissions.CouncilRead)
            .WithSummary("The meeting's decisions and follow-ups as CSV (one row per follow-up, or per decision without one)").ProducesCsv()
            .Errors(Status401Unauthorized, Status403Forbidden, Status404NotFound);
        meetings.MapGet("/{id:long}/decisions.xlsx", ExportDecisionsXlsx).WithName(nameof(ExportDecisionsXlsx)).RequireAuthorization(Permissions.CouncilRead)
            .WithSummary("The meeting's decisions and follow-ups as an Excel workbook (Korean headers)").ProducesXlsx()
            .Errors(Status401Unauthorized, Status403Forbidden, Status404NotFound);
        return app;
    }

    public static async Task<Results<Ok<MinutesDto>, ReadRefused>> GetMinutes(long id, [AsParameters] MinutesQuery query, Actor actor, MeetingStore store,
        HttpContext http, CancellationToken ct) =>
        ReadResponses.Found(await store.MinutesAsync(id, query.Version, await store.ViewOfAsync(actor, ct), ct), Text.Of($"회의 {id}의 회의록", $"Minutes of meeting {id}"), http);

    /// <param name="ifMatch">Leave out to start the minutes; to replace a draft, the ETag you read (missing: 428; stale: 412).</param>
    public static async Task<Results<Created<MinutesDto>, Ok<MinutesDto>, PutRefused>> PutMinutes(long id, MinutesRequest request, Actor actor,
        MeetingStore store, HttpContext http, CancellationToken ct, [FromHeader(Name = "If-Match")] string? ifMatch = null)
    {
        long? expected = string.IsNullOrWhiteSpace(ifMatch) ? null : ETags.ExpectedVersion(http.Request);
        var result = await store.PutMinutesAsync(id, expected, request, actor, await store.ViewOfAsync(actor, ct), ct);
        if (result.Refusal is { } refusal) return new PutRefused(refusal, Text.Of($"회의 {id}", $"Meeting {id}"));
        var (created, minutes) = result.Value;
        ETags.Set(http, minutes.Version);
        return created ? TypedResults.Created($"/api/v1/meetings/{id}/minutes", minutes.Value) : TypedResults.Ok(minutes.Value);
    }

    public static async Task<Results<Ok<MinutesDto>, WriteRefused>> MoveMinutes(long id, MinutesMoveRequest request, Actor actor, MeetingStore store,
        HttpContext http, CancellationToken ct) =>
        WriteResponses.Respond(await store.MoveMinutesAsync(id, ETags.ExpectedVersion(http.Request), request, actor, await store.ViewOfAsync(actor, ct), ct),
            Text.Of($"회의 {id}의 회의록", $"Minutes of meeting {id}"), http, TypedResults.Ok);

    public static async Task<Results<Ok<MinutesDto>, WriteRefused>> ReviseMinutes(long id, Actor actor, MeetingStore store, HttpContext http, CancellationToken ct) =>
        WriteResponses.Respond(await store.ReviseMinutesAsync(id, ETags.ExpectedVersion(http.Request), actor, await store.ViewOfAsync(actor, ct), ct),
            Text.Of($"회의 {id}의 회의록", $"Minutes of meeting {id}"), http, TypedResults.Ok);

    public static async Task<IResult> GetMinutesPdf(long id, [AsParameters] MinutesQuery query, Actor actor, MeetingStore store, IConfiguration configuration,
        CancellationToken ct)
    {
        var fonts = configuration["Minutes:FontDirectory"] ?? MinutesPdf.DefaultFontDirectory;
        if (await store.MinutesAsync(id, query.Version, await store.ViewOfAsync(actor, ct), ct) is not { } minutes)
            return ReadResponses.NotFound(Text.Of($"회의 {id}의 회의록", $"Minutes of meeting {id}"));
        if (!MinutesPdf.FontsPresent(fonts))
            return TypedResults.Problem(statusCode: Status503ServiceUnavailable, title: "PDF font missing",
                detail: Text.Of($"PDF용 한글 글꼴(NanumGothic)이 {fonts}에 없습니다. fonts-nanum을 설치하거나 Minutes:FontDirectory를 설정하십시오.",
                    $"The Korean PDF font (NanumGothic) is not in {fonts}; install fonts-nanum or set Minutes:FontDirectory."));
        var pdf = MinutesPdf.Render(minutes.Value, fonts);
        var date = minutes.Value.StartsAt.ToOffset(TimeSpan.FromHours(9)).ToString("yyyyMMdd", System.Globalization.CultureInfo.InvariantCulture);
        return TypedResults.File(pdf, "application/pdf", $"minutes-{date}-v{minutes.Value.VersionNo}.pdf");
    }

    private static readonly IReadOnlyList<SheetColumn> DecisionColumns =
    [
        new("item", "안건 번호"), new("title", "안건"), new("outcome", "결정"), new("decision", "결정 내용"), new("votesFor", "찬성"),
        new("votesAgainst", "반대"), new("votesAbstaining", "기권"), new("quorumMet", "정족수 충족"), new("followUp", "후속조치"),
        new("owner", "담당 기관"), new("ownerPerson", "담당자"), new("dueOn", "기한"), new("state", "진행 상태"), new("percent", "진척률(%)"),
        new("overdue", "기한 경과"),
    ];

    private sealed record DecisionLine(AgendaItemDto Item, FollowUpDto? FollowUp);

    private static object? DecisionCell(DecisionLine l, string column) => column switch
    {
        "item" => l.Item.Numbering,
        "title" => l.Item.TitleKo,
        "outcome" => l.Item.Decision?.Outcome,
        "decision" => l.Item.Decision?.Text,
        "votesFor" => l.Item.Decision?.VotesFor,
        "votesAgainst" => l.Item.Decision?.VotesAgainst,
        "votesAbstaining" => l.Item.Decision?.VotesAbstaining,
        "quorumMet" => l.Item.Decision?.QuorumMet,
        "followUp" => l.FollowUp?.Title,
        "owner" => l.FollowUp?.OwnerAgency?.NameKo,
        "ownerPerson" => l.FollowUp?.OwnerPerson,
        "dueOn" => l.FollowUp?.DueOn,
        "state" => l.FollowUp?.State,
        "percent" => l.FollowUp?.Percent,
        "overdue" => l.FollowUp?.Overdue,
        _ => null,
    };

    private static async Task<IResult> Decisions(long id, Actor actor, MeetingStore store, bool xlsx, CancellationToken ct)
    {
        if (await store.GetAsync(id, await store.ViewOfAsync(actor, ct), ct) is not { } found) return ReadResponses.NotFound(Text.Of($"회의 {id}", $"Meeting {id}"));
        var m = found.Value;
        var lines = m.Agenda.Where(a => a.Decision is not null).OrderBy(a => a.Numbering, NumberingOrder.Instance)
            .SelectMany(a => m.FollowUps.Where(f => f.AgendaItemId == a.Id).Select(f => new DecisionLine(a, f)).DefaultIfEmpty(new DecisionLine(a, null)))
            .ToAsyncEnumerable();
        var date = m.StartsAt.ToOffset(TimeSpan.FromHours(9)).ToString("yyyyMMdd", System.Globalization.CultureInfo.InvariantCulture);
        var number = m.Number?.ToString(System.Globalization.CultureInfo.InvariantCulture);
        SheetTitle name = new($"meeting-{number ?? id.ToString(System.Globalization.CultureInfo.InvariantCulture)}-{date}-decisions",
            number is null ? $"회의{id}_{date}_결정사항" : $"제{number}차회의_{date}_결정사항");
        return xlsx ? SheetExport.Xlsx(name, DecisionColumns, DecisionCell, lines) : SheetExport.Csv(name, DecisionColumns, DecisionCell, lines);
    }

    public static Task<IResult> ExportDecisions(long id, Actor actor, MeetingStore store, CancellationToken ct) => Decisions(id, actor, store, false, ct);

    public static Task<IResult> ExportDecisionsXlsx(long id, Actor actor, MeetingStore store, CancellationToken ct) => Decisions(id, actor, store, true, ct);
}
