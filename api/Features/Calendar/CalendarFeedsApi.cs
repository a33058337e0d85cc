using System.Text;
using BioCluster.Api.Features.Access;
using BioCluster.Api.Infrastructure.Data;
using BioCluster.Api.Infrastructure.Http;
using BioCluster.Api.Infrastructure.OpenApi;
using BioCluster.Contracts.Calendar;
using BioCluster.Contracts.Common;
using FluentValidation;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using static Microsoft.AspNetCore.Http.StatusCodes;

namespace BioCluster.Api.Features.Calendar;

/// <summary>
/// Calendar feeds of council meetings: anyone who reads the council makes their own, behind an unguessable token shown
/// once, and revokes it; the feed itself is read without signing in (calendar programs cannot sign in), the token
/// being the credential.
/// </summary>
public static class CalendarFeedsApi
{
    /// <summary>The rate-limit policy of the anonymous feed: per address, like sign-in.</summary>
    public const string FeedRateLimit = "calendar-feed";

    /// <summary>How long a calendar program (or the browser) may keep a feed before asking again.</summary>
    public const string FeedCacheControl = "private, max-age=300";

    public static IEndpointRouteBuilder MapCalendarFeeds(this IEndpointRouteBuilder app)
    {
        var feeds = app.MapGroup("/api/v1/calendar-feeds").WithTags("CalendarFeeds");
        feeds.MapGet("/", ListCalendarFeeds).WithName(nameof(ListCalendarFeeds)).RequireAuthorization(Permissions.CouncilRead)
            .WithSummary("The caller's own calendar feeds, newest first (never their tokens)").Validate<CalendarFeedListQuery>()
            .Errors(Status401Unauthorized, Status403Forbidden);
        feeds.MapGet("/{id:long}", GetCalendarFeed).WithName(nameof(GetCalendarFeed)).RequireAuthorization(Permissions.CouncilRead)
            .WithSummary("One of the caller's calendar feeds (administrators: any), never its token").ReturnsETag()
            .Errors(Status401Unauthorized, Status403Forbidden);
        feeds.MapPost("/", CreateCalendarFeed).WithName(nameof(CreateCalendarFeed)).RequireAuthorization(Permissions.CouncilRead)
            .WithSummary("Make a calendar feed of one body's meetings or of the caller's agency's; the token and feed address are in this answer only")
            .Validate<CreateCalendarFeedRequest>().ReturnsETag().Errors(Status401Unauthorized, Status403Forbidden, Status415UnsupportedMediaType);
        feeds.MapDelete("/{id:long}", RevokeCalendarFeed).WithName(nameof(RevokeCalendarFeed)).RequireAuthorization(Permissions.CouncilRead)
            .WithSummary("Revoke a calendar feed (If-Match required; the owner's own, administrators any); its address answers 404 at once")
            .RequiresIfMatch().Errors(Status401Unauthorized, Status403Forbidden);

        app.MapGet("/api/v1/calendar/{token}.ics", GetMeetingCalendar).WithName(nameof(GetMeetingCalendar)).WithTags("CalendarFeeds")
            .AllowAnonymous().RequireRateLimiting(FeedRateLimit)
            .WithSummary("The iCalendar feed of a token (no sign-in: the token is the credential); unknown and revoked tokens alike answer 404")
            .Produces<string>(Status200OK, "text/calendar").Errors(Status429TooManyRequests);
        return app;
    }

    public static async Task<Ok<Page<CalendarFeedDto>>> ListCalendarFeeds([AsParameters] CalendarFeedListQuery query, Actor actor, CalendarFeedStore store,
        CancellationToken ct)
    {
        var (sort, limit, cursor) = PagingRules<CalendarFeedListQuery, CalendarFeedStore.FeedRow>.Of(query, CalendarFeedStore.SortFields,
            CalendarFeedListQuery.DefaultSort);
        return TypedResults.Ok(await store.ListOwnAsync(actor, sort, cursor, limit, ct));
    }

    public static async Task<Results<Ok<CalendarFeedDto>, ReadRefused>> GetCalendarFeed(long id, Actor actor, CalendarFeedStore store, HttpContext http,
        CancellationToken ct) =>
        ReadResponses.Found(await store.GetAsync(id, actor, ct), Text.Of($"캘린더 구독 {id}", $"Calendar feed {id}"), http);

    public static async Task<Results<Created<CreatedCalendarFeedDto>, CreateRefused>> CreateCalendarFeed(CreateCalendarFeedRequest request, Actor actor,
        CalendarFeedStore store, HttpContext http, CancellationToken ct)
    {
        var created = await store.CreateAsync(request, actor, ct);
        if (created.Refusal is { } refused) return new CreateRefused(refused, Text.Of("캘린더 구독", "Calendar feed"));
        var (feed, token) = created.Value;
        ETags.Set(http, feed.Version);
        var url = $"{http.Request.Scheme}://{http.Request.Host}{http.Request.PathBase}/api/v1/calendar/{token}.ics";
        return TypedResults.Created($"/api/v1/calendar-feeds/{feed.Value.Id}", new CreatedCalendarFeedDto(feed.Value, token, url));
    }

    public static async Task<Results<NoContent, WriteRefused>> RevokeCalendarFeed(long id, Actor actor, CalendarFeedStore store, HttpContext http,
        CancellationToken ct) =>
        WriteResponses.Respond(await store.RevokeAsync(id, ETags.ExpectedVersion(http.Request), actor, ct), Text.Of($"캘린더 구독 {id}", $"Calendar feed {id}"), http,
            _ => TypedResults.NoContent());

    public static async Task<Results<ContentHttpResult, ReadRefused>> GetMeetingCalendar(string token, CalendarFeedStore store, HttpContext http,
        CancellationToken ct)
    {
        // One answer for a token never made, one revoked, and one whose owner has gone: the caller learns nothing of which.
        if (await store.FeedAsync(token, ct) is not { } feed)
            return new ReadRefused(new Refusal(RefusalKind.NotFound, Text.Of("이 주소의 달력 구독이 없습니다.", "There is no calendar feed at this address.")),
                Text.Of("캘린더 구독", "Calendar feed"));
        http.Response.Headers.CacheControl = FeedCacheControl;
        return TypedResults.Text(MeetingCalendar.Write(feed), MeetingCalendar.ContentType, Encoding.UTF8);
    }
}

/// <summary>The feed list's query string: newest first, a keyset page.</summary>
public sealed class CalendarFeedListQuery : IPagedQuery
{
    public const string DefaultSort = "-id";

    /// <summary>Page size, 1–200 (default 50).</summary>
    [FromQuery(Name = "limit")]
    public int? Limit { get; init; }

    /// <summary>The nextCursor of the previous page.</summary>
    [FromQuery(Name = "cursor")]
    public string? Cursor { get; init; }

    string? IPagedQuery.Sort => null;
}

public sealed class CalendarFeedListQueryValidator : AbstractValidator<CalendarFeedListQuery>
{
    public CalendarFeedListQueryValidator() =>
        Include(new PagingRules<CalendarFeedListQuery, CalendarFeedStore.FeedRow>(CalendarFeedStore.SortFields, CalendarFeedListQuery.DefaultSort));
}

public sealed class CreateCalendarFeedRequestValidator : AbstractValidator<CreateCalendarFeedRequest>
{
    public CreateCalendarFeedRequestValidator()
    {
        RuleFor(x => x.Scope).DefinedEnum();
        RuleFor(x => x.BodyCode!).RegistryCode().When(x => x.Scope == CalendarFeedScope.Body);
        RuleFor(x => x.BodyCode).Empty().When(x => x.Scope == CalendarFeedScope.Person)
            .WithMessage(_ => Text.Of("기관 일정(person) 구독에는 협의체 코드를 주지 않습니다.", "A 'person' feed takes no body code."));
    }
}
