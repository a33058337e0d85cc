using BioCluster.Api.Infrastructure.Http;
using BioCluster.Api.Infrastructure.OpenApi;
using BioCluster.Contracts.Registry;
using FluentValidation;
using Microsoft.AspNetCore.Mvc;

namespace BioCluster.Api.Features.Clusters;

/// <summary>The filters of the cluster list and its exports (<c>[AsParameters]</c>).</summary>
public class ClusterFilterQuery
{
    /// <summary>Only clusters in these 시·도 (repeat the parameter for several).</summary>
    [FromQuery(Name = "region"), WireEnum(typeof(Region))]
    public string[]? Region { get; init; }

    /// <summary>Only clusters run by the agency with this code.</summary>
    [FromQuery(Name = "operatorCode")]
    public string? OperatorCode { get; init; }

    /// <summary>Only these statuses; by default every status except archived.</summary>
    [FromQuery(Name = "status"), WireEnum(typeof(ClusterStatus))]
    public string[]? Status { get; init; }

    /// <summary>Free text matched against the Korean and English names and the code.</summary>
    [FromQuery(Name = "q")]
    public string? Q { get; init; }

    public ClusterFilter ToFilter() =>
        new(ListRules.Distinct(Region), ListRules.Normal(OperatorCode), ListRules.Distinct(Status), ListRules.Normal(Q));
}

/// <summary>The cluster list's query string.</summary>
public sealed class ClusterListQuery : ClusterFilterQuery, IPagedQuery
{
    public const string DefaultSort = "code";

    /// <summary>One of code, nameKo, region, id; prefix with '-' for descending. Default code.</summary>
    [FromQuery(Name = "sort")]
    public string? Sort { get; init; }

    /// <summary>Page size, 1–200 (default 50).</summary>
    [FromQuery(Name = "limit")]
    public int? Limit { get; init; }

    /// <summary>The nextCursor of the previous page.</summary>
    [FromQuery(Name = "cursor")]
    public string? Cursor { get; init; }
}

public sealed class ClusterFilterQueryValidator : AbstractValidator<ClusterFilterQuery>
{
    public ClusterFilterQueryValidator()
    {
        RuleFor(q => q.Region).WireNamesOf<ClusterFilterQuery, Region>();
        RuleFor(q => q.Status).WireNamesOf<ClusterFilterQuery, ClusterStatus>();
        RuleFor(q => q.OperatorCode).FilterText();
        RuleFor(q => q.Q).FilterText();
    }
}

public sealed class ClusterListQueryValidator : AbstractValidator<ClusterListQuery>
{
    public ClusterListQueryValidator()
    {
        Include(new ClusterFilterQueryValidator());
        Include(new PagingRules<ClusterListQuery, ClusterStore.ClusterRow>(ClusterStore.SortFields, ClusterListQuery.DefaultSort));
    }
}
