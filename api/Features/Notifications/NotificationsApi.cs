using BioCluster.Api.Features.Access;
using BioCluster.Api.Infrastructure.Data;
using BioCluster.Api.Infrastructure.Http;
using BioCluster.Api.Infrastructure.OpenApi;
using BioCluster.Contracts.Access;
using BioCluster.Contracts.Common;
using BioCluster.Contracts.Notifications;
using FluentValidation;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using static Microsoft.AspNetCore.Http.StatusCodes;

namespace BioCluster.Api.Features.Notifications;

/// <summary>
/// The caller's bell (their own notifications only, whoever they are), their preferences, and for administrators the
/// e-mail deliveries with their state and last error.
/// </summary>
public static class NotificationsApi
{
    public static IEndpointRouteBuilder MapNotifications(this IEndpointRouteBuilder app)
    {
        var own = app.MapGroup("/api/v1/notifications").WithTags("Notifications").RequireAuthorization(Permissions.NotificationsOwn);
        own.MapGet("/", ListNotifications).WithName(nameof(ListNotifications))
            .WithSummary("The caller's notifications, newest first, in the request's language (unread=true: only unread ones)")
            .Validate<NotificationListQuery>().Errors(Status401Unauthorized, Status403Forbidden);
        own.MapGet("/unread-count", GetUnreadNotificationCount).WithName(nameof(GetUnreadNotificationCount))
            .WithSummary("How many of the caller's notifications are unread (the bell's badge)").Errors(Status401Unauthorized, Status403Forbidden);
        own.MapPost("/{id:long}/read", MarkNotificationRead).WithName(nameof(MarkNotificationRead))
            .WithSummary("Mark one of the caller's notifications read (again: no change); another's answers 404")
            .Errors(Status401Unauthorized, Status403Forbidden);
        own.MapPost("/read-all", MarkAllNotificationsRead).WithName(nameof(MarkAllNotificationsRead))
            .WithSummary("Mark every unread notification of the caller read").Errors(Status401Unauthorized, Status403Forbidden);
        own.MapGet("/preferences", GetNotificationPreferences).WithName(nameof(GetNotificationPreferences))
            .WithSummary("The caller's notification preferences (the defaults, ETag \"1\", until first saved)").ReturnsETag()
            .Errors(Status401Unauthorized, Status403Forbidden);
        own.MapPut("/preferences", ReplaceNotificationPreferences).WithName(nameof(ReplaceNotificationPreferences))
            .WithSummary("Replace the caller's notification preferences: address, e-mail language, kinds mailed, daily digest and its hour (If-Match required)")
            .Validate<NotificationPreferencesRequest>().RequiresIfMatch()
            .Errors(Status401Unauthorized, Status403Forbidden, Status412PreconditionFailed, Status415UnsupportedMediaType, Status428PreconditionRequired);

        app.MapGet("/api/v1/notification-deliveries", ListNotificationDeliveries).WithName(nameof(ListNotificationDeliveries)).WithTags("Notifications")
            .RequireAuthorization(Permissions.NotificationDeliveriesRead)
            .WithSummary("E-mail deliveries, newest first, with state, attempts and last error (administrators)")
            .Validate<DeliveryListQuery>().Errors(Status401Unauthorized, Status403Forbidden);
        return app;
    }

    /// <summary>The caller's own user row; API keys and single sign-on callers have none, so no bell.</summary>
    private static long? Me(Actor actor) => actor.Type == ActorType.User ? actor.Id : null;

    public static async Task<Ok<Page<NotificationDto>>> ListNotifications([AsParameters] NotificationListQuery query, Actor actor, NotificationStore store,
        CancellationToken ct)
    {
        if (Me(actor) is not { } me) return TypedResults.Ok(new Page<NotificationDto>([], null, 0));
        var (sort, limit, cursor) = PagingRules<NotificationListQuery, NotificationStore.InboxRow>.Of(query, NotificationStore.SortFields,
            NotificationListQuery.DefaultSort);
        return TypedResults.Ok(await store.InboxAsync(me, query.Unread == true, sort, cursor, limit, ct));
    }

    public static async Task<Ok<UnreadCountDto>> GetUnreadNotificationCount(Actor actor, NotificationStore store, HttpContext http, CancellationToken ct)
    {
        http.Response.Headers.CacheControl = "no-store";
        return TypedResults.Ok(new UnreadCountDto(Me(actor) is { } me ? await store.UnreadCountAsync(me, ct) : 0));
    }

    public static async Task<Results<NoContent, ReadRefused>> MarkNotificationRead(long id, Actor actor, NotificationStore store, CancellationToken ct) =>
        Me(actor) is { } me && await store.MarkReadAsync(me, id, ct)
            ? TypedResults.NoContent()
            : ReadResponses.NotFound(Text.Of($"알림 {id}", $"Notification {id}"));

    public static async Task<Ok<MarkedReadDto>> MarkAllNotificationsRead(Actor actor, NotificationStore store, CancellationToken ct) =>
        TypedResults.Ok(new MarkedReadDto(Me(actor) is { } me ? await store.MarkAllReadAsync(me, ct) : 0));

    public static async Task<Results<Ok<NotificationPreferencesDto>, ActionRefused>> GetNotificationPreferences(Actor actor, NotificationStore store,
        HttpContext http, CancellationToken ct)
    {
        if (Me(actor) is not { } me) return new ActionRefused(NoAccount, Text.Of("알림 설정", "Notification preferences"));
        var prefs = await store.PreferencesAsync(me, ct);
        ETags.Set(http, prefs.Version);
        return TypedResults.Ok(prefs.Value);
    }

    public static async Task<Results<Ok<NotificationPreferencesDto>, WriteRefused>> ReplaceNotificationPreferences(NotificationPreferencesRequest request,
        Actor actor, NotificationStore store, HttpContext http, CancellationToken ct)
    {
        if (Me(actor) is null) return new WriteRefused(NoAccount, Text.Of("알림 설정", "Notification preferences"));
        return WriteResponses.Respond(await store.SavePreferencesAsync(actor, ETags.ExpectedVersion(http.Request), request, ct), Text.Of("알림 설정", "Notification preferences"),
            http, v => TypedResults.Ok(v));
    }

    private static Refusal NoAccount => Refusal.Forbidden(Text.Of("BioCluster 계정으로 로그인한 사람만 알림 설정이 있습니다.",
        "Only people signed in with a BioCluster account have notification preferences."));

    public static async Task<Ok<Page<NotificationDeliveryDto>>> ListNotificationDeliveries([AsParameters] DeliveryListQuery query, NotificationStore store,
        CancellationToken ct)
    {
        var (sort, limit, cursor) = PagingRules<DeliveryListQuery, NotificationStore.DeliveryRow>.Of(query, NotificationStore.DeliverySortFields,
            DeliveryListQuery.DefaultSort);
        var states = ListRules.Distinct(query.State).Select(s => WireNames.Parse<DeliveryState>(s)).ToList();
        return TypedResults.Ok(await store.DeliveriesAsync(states, sort, cursor, limit, ct));
    }
}

/// <summary>The bell's list: newest first, a keyset page, optionally only unread.</summary>
public sealed class NotificationListQuery : IPagedQuery
{
    public const string DefaultSort = "-id";

    /// <summary>true: only unread notifications.</summary>
    [FromQuery(Name = "unread")]
    public bool? Unread { get; init; }

    /// <summary>Page size, 1–200 (default 50).</summary>
    [FromQuery(Name = "limit")]
    public int? Limit { get; init; }

    /// <summary>The nextCursor of the previous page.</summary>
    [FromQuery(Name = "cursor")]
    public string? Cursor { get; init; }

    string? IPagedQuery.Sort => null;
}

public sealed class NotificationListQueryValidator : AbstractValidator<NotificationListQuery>
{
    public NotificationListQueryValidator() =>
        Include(new PagingRules<NotificationListQuery, NotificationStore.InboxRow>(NotificationStore.SortFields, NotificationListQuery.DefaultSort));
}

/// <summary>The deliveries list: newest first, filtered by state.</summary>
public sealed class DeliveryListQuery : IPagedQuery
{
    public const string DefaultSort = "-id";

    /// <summary>Only deliveries in these states (pending, sending, sent, failed).</summary>
    [FromQuery(Name = "state")]
    public string[]? State { get; init; }

    /// <summary>Page size, 1–200 (default 50).</summary>
    [FromQuery(Name = "limit")]
    public int? Limit { get; init; }

    /// <summary>The nextCursor of the previous page.</summary>
    [FromQuery(Name = "cursor")]
    public string? Cursor { get; init; }

    string? IPagedQuery.Sort => null;
}

public sealed class DeliveryListQueryValidator : AbstractValidator<DeliveryListQuery>
{
    public DeliveryListQueryValidator()
    {
        Include(new PagingRules<DeliveryListQuery, NotificationStore.DeliveryRow>(NotificationStore.DeliverySortFields, DeliveryListQuery.DefaultSort));
        RuleFor(q => q.State).WireNamesOf<DeliveryListQuery, DeliveryState>();
    }
}

public sealed class NotificationPreferencesRequestValidator : AbstractValidator<NotificationPreferencesRequest>
{
    public NotificationPreferencesRequestValidator()
    {
        RuleFor(x => x.Email!).MaximumLength(254).EmailAddress()
            .Must(e => MimeKit.MailboxAddress.TryParse(e.Trim(), out var m) && m.Address == e.Trim() && !e.Any(char.IsControl))
            .WithMessage(_ => Text.Of("올바른 전자우편 주소가 아닙니다.", "This is not a valid e-mail address."))
            .When(x => !string.IsNullOrWhiteSpace(x.Email));
        RuleFor(x => x.Language).DefinedEnum();
        RuleFor(x => x.EmailKinds).NotNull();
        RuleForEach(x => x.EmailKinds).DefinedEnum();
        RuleFor(x => x.DigestHour).InclusiveBetween(0, 23)
            .WithMessage(_ => Text.Of("알림 모음 시각은 0에서 23 사이입니다.", "The digest hour is between 0 and 23."));
    }
}
