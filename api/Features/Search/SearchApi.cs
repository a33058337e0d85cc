using BioCluster.Api.Features.Access;
using BioCluster.Api.Infrastructure.Data;
using BioCluster.Api.Infrastructure.Http;
using BioCluster.Api.Infrastructure.OpenApi;
using BioCluster.Contracts.Search;
using FluentValidation;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using static Microsoft.AspNetCore.Http.StatusCodes;

namespace BioCluster.Api.Features.Search;

/// <summary>The one search box: clusters, agencies, meetings and agenda items, regulatory issues and their comments (ADR 0017).</summary>
public static class SearchApi
{
    public static IEndpointRouteBuilder MapSearch(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/v1/search").WithTags("Search");
        group.MapGet("/", Search).WithName(nameof(Search)).RequireAuthorization(Permissions.RegistryRead)
            .WithSummary("Search every record the caller may read for a Korean or English substring (2–100 characters), grouped by kind")
            .Validate<SearchQuery>().Errors(Status401Unauthorized, Status403Forbidden);
        return app;
    }

    public static async Task<Ok<SearchResultsDto>> Search([AsParameters] SearchQuery query, SearchStore store, Actor actor, CancellationToken ct)
    {
        SearchCursor.TryDecode(query.Cursor, out var cursor);
        var kinds = ListRules.Distinct(query.Kinds).Select(k => WireNames.Parse<SearchKind>(k)).ToList();
        return TypedResults.Ok(await store.SearchAsync(query.Q!, kinds, query.Limit ?? 20, cursor, actor, ct));
    }
}

/// <summary>The search's query string.</summary>
public sealed class SearchQuery
{
    /// <summary>What to find: 2–100 characters, matched as a substring anywhere in the searched text (two characters: letters or digits).</summary>
    [FromQuery(Name = "q")]
    public string? Q { get; init; }

    /// <summary>Only these kinds (cluster, agency, meeting, agenda_item, regulatory_issue, issue_comment); default all the caller may read.</summary>
    [FromQuery(Name = "kinds"), WireEnum(typeof(SearchKind))]
    public string[]? Kinds { get; init; }

    /// <summary>Page size, 1–200 (default 20).</summary>
    [FromQuery(Name = "limit")]
    public int? Limit { get; init; }

    /// <summary>The nextCursor of the previous page.</summary>
    [FromQuery(Name = "cursor")]
    public string? Cursor { get; init; }
}

public sealed class SearchQueryValidator : AbstractValidator<SearchQuery>
{
    public SearchQueryValidator()
    {
        RuleFor(q => q.Q).Must(q => !string.IsNullOrWhiteSpace(q))
            .WithMessage(_ => Text.Of("검색어를 입력하세요.", "Enter a search term."))
            .DependentRules(() =>
            {
                RuleFor(q => q.Q).Must(q => SearchStore.Normal(q!).Length is >= SearchStore.MinQueryLength and <= SearchStore.MaxQueryLength)
                    .WithMessage(_ => Text.Of($"검색어는 {SearchStore.MinQueryLength}자에서 {SearchStore.MaxQueryLength}자 사이로 입력하세요.",
                        $"The search term must be {SearchStore.MinQueryLength}–{SearchStore.MaxQueryLength} characters."))
                    .Must(q => !q!.Any(char.IsControl))
                    .WithMessage(_ => Text.Of("제어 문자는 쓸 수 없습니다.", "Control characters are not allowed."))
                    .Must(q => SearchStore.Normal(q!) is not { Length: 2 } two || (SearchDocuments.IsGramChar(two[0]) && SearchDocuments.IsGramChar(two[1])))
                    .WithMessage(_ => Text.Of("두 글자 검색어는 글자나 숫자로만 입력하세요.", "A two-character search term must be letters or digits."));
            });
        RuleFor(q => q.Kinds).WireNamesOf<SearchQuery, SearchKind>();
        RuleFor(q => q.Limit).InclusiveBetween(1, Keyset.MaxLimit)
            .WithMessage(_ => Text.Of($"limit은 1에서 {Keyset.MaxLimit} 사이여야 합니다.", $"The limit must be between 1 and {Keyset.MaxLimit}."));
        RuleFor(q => q.Cursor).Must(c => SearchCursor.TryDecode(c, out _))
            .WithMessage(_ => Text.Of("cursor가 올바르지 않습니다.", "The cursor is not valid."));
    }
}
