using System.Text.RegularExpressions;
using BioCluster.Api.Features.Access;
using BioCluster.Api.Infrastructure.Data;
using BioCluster.Api.Infrastructure.Http;
using BioCluster.Api.Infrastructure.OpenApi;
using BioCluster.Contracts.Access;
using BioCluster.Contracts.Common;
using BioCluster.Contracts.SavedViews;
using FluentValidation;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using static Microsoft.AspNetCore.Http.StatusCodes;

namespace BioCluster.Api.Features.SavedViews;

/// <summary>
/// The caller's saved views (저장한 보기): named filters of a list page, kept per person on the server. Only people signed in
/// with a BioCluster account have them (an API key has no person: 403); another person's view is a 404.
/// </summary>
public static class SavedViewsApi
{
    public static IEndpointRouteBuilder MapSavedViews(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/v1/me/saved-views").WithTags("SavedViews").RequireAuthorization(AuthSetup.Person)
            // A person without a user row (single sign-on without an account) has nowhere to keep views either.
            .AddEndpointFilter(async (context, next) => Owner(Actor.From(context.HttpContext)) is null
                ? new ActionRefused(NoAccount, "Saved views")
                : await next(context));
        group.MapGet("/", ListSavedViews).WithName(nameof(ListSavedViews))
            .WithSummary("The caller's saved views of one list page (page=issues …) or of all pages, by name; at most 50 in all, so one page holds them")
            .Validate<SavedViewListQuery>().Errors(Status401Unauthorized, Status403Forbidden);
        group.MapGet("/{id:long}", GetSavedView).WithName(nameof(GetSavedView))
            .WithSummary("One of the caller's saved views (another's: 404)").ReturnsETag().Errors(Status401Unauthorized, Status403Forbidden);
        group.MapPost("/", CreateSavedView).WithName(nameof(CreateSavedView))
            .WithSummary("Save a list page's filters under a name; 409 when the name is taken on that page or the caller keeps 50 already")
            .Validate<CreateSavedViewRequest>().ReturnsETag()
            .Errors(Status401Unauthorized, Status403Forbidden, Status409Conflict, Status415UnsupportedMediaType);
        group.MapDelete("/{id:long}", DeleteSavedView).WithName(nameof(DeleteSavedView))
            .WithSummary("Delete one of the caller's saved views (If-Match required; another's: 404)").RequiresIfMatch()
            .Errors(Status401Unauthorized, Status403Forbidden);
        return app;
    }

    /// <summary>The caller's own user row; API keys and single sign-on callers have none.</summary>
    private static long? Owner(Actor? actor) => actor is { Type: ActorType.User, Id: { } id } ? id : null;

    private static Refusal NoAccount => Refusal.Forbidden(Text.Of("BioCluster 계정으로 로그인한 사람만 보기를 저장할 수 있습니다.",
        "Only people signed in with a BioCluster account keep saved views."));

    public static async Task<Ok<Page<SavedViewDto>>> ListSavedViews([AsParameters] SavedViewListQuery query, Actor actor, SavedViewStore store, CancellationToken ct)
    {
        var items = await store.ListAsync(Owner(actor)!.Value, query.Page is null ? null : WireNames.Parse<SavedViewPage>(query.Page), ct);
        return TypedResults.Ok(new Page<SavedViewDto>(items, null, items.Count));
    }

    public static async Task<Results<Ok<SavedViewDto>, ReadRefused>> GetSavedView(long id, Actor actor, SavedViewStore store, HttpContext http,
        CancellationToken ct) =>
        ReadResponses.Found(await store.GetAsync(Owner(actor)!.Value, id, ct), $"Saved view {id}", http);

    public static async Task<Results<Created<SavedViewDto>, CreateRefused>> CreateSavedView(CreateSavedViewRequest request, Actor actor, SavedViewStore store,
        HttpContext http, CancellationToken ct) =>
        WriteResponses.Created(await store.CreateAsync(Owner(actor)!.Value, request, actor, ct), "Saved view", http, v => $"/api/v1/me/saved-views/{v.Id}");

    public static async Task<Results<NoContent, WriteRefused>> DeleteSavedView(long id, Actor actor, SavedViewStore store, HttpContext http, CancellationToken ct) =>
        WriteResponses.Respond(await store.DeleteAsync(Owner(actor)!.Value, id, ETags.ExpectedVersion(http.Request), actor, ct), $"Saved view {id}", http,
            _ => TypedResults.NoContent());
}

/// <summary>The saved-view list's query string.</summary>
public sealed class SavedViewListQuery
{
    /// <summary>Only the views of this list page.</summary>
    [FromQuery(Name = "page"), WireEnum(typeof(SavedViewPage))]
    public string? Page { get; init; }
}

public sealed class SavedViewListQueryValidator : AbstractValidator<SavedViewListQuery>
{
    public SavedViewListQueryValidator()
    {
        RuleFor(q => q.Page).Must(p => p is null || WireNames.TryParse<SavedViewPage>(p, out _))
            .WithMessage(_ => Text.Of("알 수 없는 목록입니다.", "Unknown list page."));
    }
}

public sealed partial class CreateSavedViewRequestValidator : AbstractValidator<CreateSavedViewRequest>
{
    public const int MaxQueryLength = 1000;

    /// <summary>Query-string parameters a saved view may not keep: where a page was, not what it shows.</summary>
    private static readonly string[] PagingKeys = ["cursor", "limit"];

    public CreateSavedViewRequestValidator()
    {
        RuleFor(r => r.Page).DefinedEnum();
        RuleFor(r => r.Name).NotEmpty().WithMessage(_ => Text.Of("보기 이름이 필요합니다.", "A name is required."))
            .Must(n => n is null || n.Trim().Length is >= 1 and <= 60)
            .WithMessage(_ => Text.Of("보기 이름은 1–60자입니다.", "A view's name is 1–60 characters."))
            .ShortText(200);
        RuleFor(r => r.Query).NotNull().MaximumLength(MaxQueryLength)
            .Must(IsQueryString)
            .WithMessage(_ => Text.Of("검색 조건은 '?' 없이 URL 인코딩된 쿼리 문자열(이름=값&…)이어야 하며 cursor·limit은 넣지 않습니다.",
                "The filters must be a URL-encoded query string without '?' (name=value&…) and without cursor or limit."));
    }

    /// <summary>name=value pairs joined by '&amp;', every name a plain parameter name, every value URL-encoded text that decodes.</summary>
    public static bool IsQueryString(string? query)
    {
        if (query is null) return false;
        if (query.Length == 0) return true;
        if (!QueryCharacters().IsMatch(query)) return false;
        foreach (var pair in query.Split('&'))
        {
            var equals = pair.IndexOf('=');
            var name = equals < 0 ? pair : pair[..equals];
            if (!ParameterName().IsMatch(name) || PagingKeys.Contains(name)) return false;
            if (BadEscape().IsMatch(pair)) return false;
            try
            {
                var value = Uri.UnescapeDataString(equals < 0 ? "" : pair[(equals + 1)..].Replace('+', ' '));
                if (value.Any(char.IsControl)) return false;
            }
            catch (UriFormatException)
            {
                return false;
            }
        }
        return true;
    }

    [GeneratedRegex("^[A-Za-z0-9._~%=&+,:-]*$")]
    private static partial Regex QueryCharacters();

    [GeneratedRegex("%(?![0-9A-Fa-f]{2})")]
    private static partial Regex BadEscape();

    [GeneratedRegex("^[A-Za-z][A-Za-z0-9]{0,39}$")]
    private static partial Regex ParameterName();
}
