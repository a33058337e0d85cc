using BioCluster.Api.Features.Access;
using BioCluster.Api.Infrastructure.Data;
using BioCluster.Api.Infrastructure.Http;
using BioCluster.Api.Infrastructure.OpenApi;
using BioCluster.Contracts.Common;
using BioCluster.Contracts.Holidays;
using FluentValidation;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using static Microsoft.AspNetCore.Http.StatusCodes;

namespace BioCluster.Api.Features.Holidays;

/// <summary>The public-holiday calendar working-day deadlines are counted by: read by everyone signed in, kept by the secretariat.</summary>
public static class HolidaysApi
{
    public static IEndpointRouteBuilder MapHolidays(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/v1/holidays").WithTags("Holidays");
        group.MapGet("/", ListHolidays).WithName(nameof(ListHolidays)).RequireAuthorization(Permissions.RegistryRead)
            .WithSummary("The public holidays (substitute holidays included) deadlines are counted by, by date").Validate<HolidayListQuery>()
            .Errors(Status401Unauthorized, Status403Forbidden);
        group.MapGet("/{id:long}", GetHoliday).WithName(nameof(GetHoliday)).RequireAuthorization(Permissions.RegistryRead)
            .WithSummary("One public holiday").ReturnsETag().Errors(Status401Unauthorized, Status403Forbidden);
        group.MapPost("/", CreateHoliday).WithName(nameof(CreateHoliday)).RequireAuthorization(Permissions.HolidaysManage)
            .WithSummary("Add a public holiday (the secretariat), e.g. a temporary holiday the government declares; 409 if the day is one already")
            .Validate<CreateHolidayRequest>().ReturnsETag()
            .Errors(Status401Unauthorized, Status403Forbidden, Status409Conflict, Status415UnsupportedMediaType);
        group.MapDelete("/{id:long}", DeleteHoliday).WithName(nameof(DeleteHoliday)).RequireAuthorization(Permissions.HolidaysManage)
            .WithSummary("Remove a day from the holiday calendar (the secretariat; If-Match required)").RequiresIfMatch()
            .Errors(Status401Unauthorized, Status403Forbidden);
        return app;
    }

    public static async Task<Ok<Page<HolidayDto>>> ListHolidays([AsParameters] HolidayListQuery query, HolidayStore store, CancellationToken ct)
    {
        var (sort, limit, cursor) = PagingRules<HolidayListQuery, HolidayStore.HolidayRow>.Of(query, HolidayStore.SortFields, HolidayListQuery.DefaultSort);
        return TypedResults.Ok(await store.ListAsync(query.Year, sort, cursor, limit, ct));
    }

    public static async Task<Results<Ok<HolidayDto>, ReadRefused>> GetHoliday(long id, HolidayStore store, HttpContext http, CancellationToken ct) =>
        ReadResponses.Found(await store.GetAsync(id, ct), Text.Of($"공휴일 {id}", $"Holiday {id}"), http);

    public static async Task<Results<Created<HolidayDto>, CreateRefused>> CreateHoliday(CreateHolidayRequest request, Actor actor, HolidayStore store,
        HttpContext http, CancellationToken ct) =>
        WriteResponses.Created(await store.CreateAsync(request, actor, ct), Text.Of("공휴일", "Holiday"), http, h => $"/api/v1/holidays/{h.Id}");

    public static async Task<Results<NoContent, WriteRefused>> DeleteHoliday(long id, Actor actor, HolidayStore store, HttpContext http, CancellationToken ct) =>
        WriteResponses.Respond(await store.DeleteAsync(id, ETags.ExpectedVersion(http.Request), actor, ct), Text.Of($"공휴일 {id}", $"Holiday {id}"), http, _ => TypedResults.NoContent());
}

/// <summary>The holiday list's query string.</summary>
public sealed class HolidayListQuery : IPagedQuery
{
    public const string DefaultSort = "on";

    /// <summary>Only this year's holidays (2000–2100).</summary>
    [FromQuery(Name = "year")]
    public int? Year { get; init; }

    /// <summary>Only 'on' (by date); '-on' for the latest first. Default on.</summary>
    [FromQuery(Name = "sort")]
    public string? Sort { get; init; }

    /// <summary>Page size, 1–200 (default 50).</summary>
    [FromQuery(Name = "limit")]
    public int? Limit { get; init; }

    /// <summary>The nextCursor of the previous page.</summary>
    [FromQuery(Name = "cursor")]
    public string? Cursor { get; init; }
}

public sealed class HolidayListQueryValidator : AbstractValidator<HolidayListQuery>
{
    public HolidayListQueryValidator()
    {
        RuleFor(q => q.Year).InclusiveBetween(2000, 2100)
            .WithMessage(_ => Text.Of("연도는 2000–2100 사이여야 합니다.", "The year must be from 2000 to 2100."));
        Include(new PagingRules<HolidayListQuery, HolidayStore.HolidayRow>(HolidayStore.SortFields, HolidayListQuery.DefaultSort));
    }
}

public sealed class CreateHolidayRequestValidator : AbstractValidator<CreateHolidayRequest>
{
    public CreateHolidayRequestValidator()
    {
        RuleFor(r => r.On).Must(d => d.Year is >= 2000 and <= 2100)
            .WithMessage(_ => Text.Of("날짜는 2000–2100년 사이여야 합니다.", "The date must be in the years 2000–2100."));
        RuleFor(r => r.NameKo).KoreanName().MaximumLength(100)
            .WithMessage(_ => Text.Of("한국어 이름(한글 포함, 100자 이하)이 필요합니다.", "A Korean name (with Hangul, at most 100 characters) is required."));
        RuleFor(r => r.NameEn).OptionalName().MaximumLength(100);
    }
}
