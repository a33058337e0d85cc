using BioCluster.Api.Features.Access;
using BioCluster.Api.Features.ClusterIndicators;
using BioCluster.Api.Infrastructure.Data;
using BioCluster.Api.Infrastructure.Http;
using BioCluster.Api.Infrastructure.OpenApi;
using BioCluster.Contracts.ClusterProfile;
using BioCluster.Contracts.Common;
using FluentValidation;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using static Microsoft.AspNetCore.Http.StatusCodes;

namespace BioCluster.Api.Features.ClusterProfile;

/// <summary>
/// The cluster profile (issue 20, ADR 0026): a cluster's timeline of what the council did for it, and one figure of
/// every cluster over the years for the trend charts, the comparison and the map.
/// </summary>
public static class ClusterProfileApi
{
    private const string Tag = "ClusterProfile";

    public static IEndpointRouteBuilder MapClusterProfile(this IEndpointRouteBuilder app)
    {
        app.MapGet("/api/v1/clusters/{id:long}/timeline", GetClusterTimeline).WithName(nameof(GetClusterTimeline)).WithTags(Tag)
            .RequireAuthorization(Permissions.RegistryRead)
            .WithSummary("Everything the council did for a cluster, newest first: issues raised and answered, recommendations, agenda items and "
                + "decisions, follow-ups, site projects and their stages — as far as the caller may read each")
            .Validate<TimelineQuery>().Errors(Status401Unauthorized, Status403Forbidden, Status404NotFound);
        app.MapGet("/api/v1/cluster-indicators/comparison", CompareClusterIndicator).WithName(nameof(CompareClusterIndicator)).WithTags(Tag)
            .RequireAuthorization(Permissions.RegistryRead)
            .WithSummary("One yearly figure of every active cluster (or the chosen ones) over the years, with each cluster's region and location")
            .Validate<ComparisonQuery>().Errors(Status401Unauthorized, Status403Forbidden);
        return app;
    }

    public static async Task<Results<Ok<Page<TimelineEntryDto>>, ReadRefused>> GetClusterTimeline(long id, [AsParameters] TimelineQuery query,
        ClusterTimelineStore store, Actor actor, CancellationToken ct)
    {
        if (!await store.ExistsAsync(id, ct)) return ReadResponses.NotFound(Text.Of($"클러스터 {id}", $"Cluster {id}"));
        TimelineCursor.TryDecode(query.Cursor, out var cursor);
        var kinds = ListRules.Distinct(query.Kinds).Select(k => WireNames.Parse<TimelineKind>(k)).ToList();
        return TypedResults.Ok(await store.PageAsync(id, kinds, cursor, query.Limit ?? 20, actor, ct));
    }

    public static async Task<Ok<IndicatorComparisonDto>> CompareClusterIndicator([AsParameters] ComparisonQuery query, IndicatorComparisonStore store,
        CancellationToken ct) =>
        TypedResults.Ok(await store.CompareAsync(WireNames.Parse<IndicatorKind>(query.Indicator!),
            query.YearFrom ?? PutClusterIndicatorRequestValidator.FirstYear, query.YearTo ?? PutClusterIndicatorRequestValidator.LastYear,
            ListRules.Distinct(query.ClusterCodes), ct));
}

/// <summary>A cluster timeline's query string.</summary>
public sealed class TimelineQuery
{
    /// <summary>Only these kinds of entry; default every kind the caller may read.</summary>
    [FromQuery(Name = "kinds"), WireEnum(typeof(TimelineKind))]
    public string[]? Kinds { get; init; }

    /// <summary>Page size, 1–200 (default 20).</summary>
    [FromQuery(Name = "limit")]
    public int? Limit { get; init; }

    /// <summary>The nextCursor of the previous page.</summary>
    [FromQuery(Name = "cursor")]
    public string? Cursor { get; init; }
}

public sealed class TimelineQueryValidator : AbstractValidator<TimelineQuery>
{
    public TimelineQueryValidator()
    {
        RuleFor(q => q.Kinds).WireNamesOf<TimelineQuery, TimelineKind>();
        RuleFor(q => q.Limit).InclusiveBetween(1, Keyset.MaxLimit)
            .WithMessage(_ => Text.Of($"limit은 1에서 {Keyset.MaxLimit} 사이여야 합니다.", $"The limit must be between 1 and {Keyset.MaxLimit}."));
        RuleFor(q => q.Cursor).Must(c => TimelineCursor.TryDecode(c, out _))
            .WithMessage(_ => Text.Of("cursor가 올바르지 않습니다.", "The cursor is not valid."));
    }
}

/// <summary>The comparison's query string.</summary>
public sealed class ComparisonQuery
{
    /// <summary>The figure to compare (required).</summary>
    [FromQuery(Name = "indicator"), WireEnum(typeof(IndicatorKind))]
    public string? Indicator { get; init; }

    /// <summary>Only years from this one (inclusive), 1990–2100.</summary>
    [FromQuery(Name = "yearFrom")]
    public int? YearFrom { get; init; }

    /// <summary>Only years up to this one (inclusive), 1990–2100.</summary>
    [FromQuery(Name = "yearTo")]
    public int? YearTo { get; init; }

    /// <summary>Only these clusters (by code); default every active cluster.</summary>
    [FromQuery(Name = "clusterCode")]
    public string[]? ClusterCodes { get; init; }
}

public sealed class ComparisonQueryValidator : AbstractValidator<ComparisonQuery>
{
    public const int MaxClusters = 50;

    public ComparisonQueryValidator()
    {
        const int first = PutClusterIndicatorRequestValidator.FirstYear, last = PutClusterIndicatorRequestValidator.LastYear;
        RuleFor(q => q.Indicator).Must(i => !string.IsNullOrEmpty(i))
            .WithMessage(_ => Text.Of("비교할 지표를 고르세요.", "Choose the figure to compare."))
            .DependentRules(() => RuleFor(q => q.Indicator).Must(i => WireNames.TryParse<IndicatorKind>(i, out _))
                .WithMessage(q => Text.Of($"알 수 없는 지표입니다. 다음 중에서 고르세요: {string.Join(", ", WireNames.All<IndicatorKind>())}.",
                    $"Unknown figure; use one of: {string.Join(", ", WireNames.All<IndicatorKind>())}.")));
        RuleFor(q => q.YearFrom).InclusiveBetween(first, last).WithMessage(_ => Text.Of($"{first}에서 {last} 사이여야 합니다.", $"Must be between {first} and {last}."));
        RuleFor(q => q.YearTo).InclusiveBetween(first, last).WithMessage(_ => Text.Of($"{first}에서 {last} 사이여야 합니다.", $"Must be between {first} and {last}."))
            .Must((q, to) => !(q.YearFrom > to)).WithMessage(_ => Text.Of("yearTo는 yearFrom보다 앞설 수 없습니다.", "yearTo cannot be before yearFrom."));
        RuleFor(q => q.ClusterCodes).Must(c => c is null || c.Length <= MaxClusters)
            .WithMessage(_ => Text.Of($"클러스터는 {MaxClusters}개까지 고를 수 있습니다.", $"At most {MaxClusters} clusters."));
        RuleForEach(q => q.ClusterCodes).FilterText();
    }
}
