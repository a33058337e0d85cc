using BioCluster.Api.Infrastructure.Http;
using FluentValidation;
using Microsoft.AspNetCore.Mvc;

namespace BioCluster.Api.Features.ClusterIndicators;

/// <summary>The filters of the yearly figures' list and export (<c>[AsParameters]</c>).</summary>
public class ClusterIndicatorFilterQuery
{
    /// <summary>Only the figures of the cluster with this code.</summary>
    [FromQuery(Name = "clusterCode")]
    public string? ClusterCode { get; init; }

    /// <summary>Only years from this one (inclusive), 1990–2100.</summary>
    [FromQuery(Name = "yearFrom")]
    public int? YearFrom { get; init; }

    /// <summary>Only years up to this one (inclusive), 1990–2100.</summary>
    [FromQuery(Name = "yearTo")]
    public int? YearTo { get; init; }

    public ClusterIndicatorFilter ToFilter() => new(ListRules.Normal(ClusterCode), YearFrom, YearTo);
}

/// <summary>The yearly figures' list query string.</summary>
public sealed class ClusterIndicatorListQuery : ClusterIndicatorFilterQuery, IPagedQuery
{
    public const string DefaultSort = "year";

    /// <summary>One of year, clusterCode, id; prefix with '-' for descending. Default year.</summary>
    [FromQuery(Name = "sort")]
    public string? Sort { get; init; }

    /// <summary>Page size, 1–200 (default 50).</summary>
    [FromQuery(Name = "limit")]
    public int? Limit { get; init; }

    /// <summary>The nextCursor of the previous page.</summary>
    [FromQuery(Name = "cursor")]
    public string? Cursor { get; init; }
}

public sealed class ClusterIndicatorFilterQueryValidator : AbstractValidator<ClusterIndicatorFilterQuery>
{
    public ClusterIndicatorFilterQueryValidator()
    {
        const int first = PutClusterIndicatorRequestValidator.FirstYear, last = PutClusterIndicatorRequestValidator.LastYear;
        RuleFor(q => q.ClusterCode).FilterText();
        RuleFor(q => q.YearFrom).InclusiveBetween(first, last).WithMessage(_ => Text.Of($"{first}에서 {last} 사이여야 합니다.", $"Must be between {first} and {last}."));
        RuleFor(q => q.YearTo).InclusiveBetween(first, last).WithMessage(_ => Text.Of($"{first}에서 {last} 사이여야 합니다.", $"Must be between {first} and {last}."))
            .Must((q, to) => !(q.YearFrom > to)).WithMessage(_ => Text.Of("yearTo는 yearFrom보다 앞설 수 없습니다.", "yearTo cannot be before yearFrom."));
    }
}

public sealed class ClusterIndicatorListQueryValidator : AbstractValidator<ClusterIndicatorListQuery>
{
    public ClusterIndicatorListQueryValidator()
    {
        Include(new ClusterIndicatorFilterQueryValidator());
        Include(new PagingRules<ClusterIndicatorListQuery, ClusterIndicatorStore.IndicatorRow>(ClusterIndicatorStore.SortFields,
            ClusterIndicatorListQuery.DefaultSort));
    }
}
