using BioCluster.Api.Infrastructure.Http;
using BioCluster.Api.Infrastructure.OpenApi;
using BioCluster.Contracts.Registry;
using FluentValidation;
using Microsoft.AspNetCore.Mvc;

namespace BioCluster.Api.Features.Agencies;

/// <summary>The filters of the agency list and its export (<c>[AsParameters]</c>).</summary>
public class AgencyFilterQuery
{
    /// <summary>Only agencies of these kinds (repeat the parameter for several).</summary>
    [FromQuery(Name = "kind"), WireEnum(typeof(AgencyKind))]
    public string[]? Kind { get; init; }

    /// <summary>Only innovation actors of these sectors.</summary>
    [FromQuery(Name = "sector"), WireEnum(typeof(Sector))]
    public string[]? Sector { get; init; }

    /// <summary>Only these statuses; by default active only.</summary>
    [FromQuery(Name = "status"), WireEnum(typeof(RecordStatus))]
    public string[]? Status { get; init; }

    /// <summary>Free text matched against the Korean and English names and the code.</summary>
    [FromQuery(Name = "q")]
    public string? Q { get; init; }

    /// <summary>Only agencies located in the cluster with this code (its innovation actors).</summary>
    [FromQuery(Name = "clusterCode")]
    public string? ClusterCode { get; init; }

    public AgencyFilter ToFilter() => new(ListRules.Distinct(Kind), ListRules.Distinct(Sector), ListRules.Distinct(Status),
        ListRules.Normal(Q), ListRules.Normal(ClusterCode));
}

/// <summary>The agency list's query string.</summary>
public sealed class AgencyListQuery : AgencyFilterQuery, IPagedQuery
{
    public const string DefaultSort = "code";

    /// <summary>One of code, nameKo, kind, id; prefix with '-' for descending. Default code.</summary>
    [FromQuery(Name = "sort")]
    public string? Sort { get; init; }

    /// <summary>Page size, 1–200 (default 50).</summary>
    [FromQuery(Name = "limit")]
    public int? Limit { get; init; }

    /// <summary>The nextCursor of the previous page.</summary>
    [FromQuery(Name = "cursor")]
    public string? Cursor { get; init; }
}

public sealed class AgencyFilterQueryValidator : AbstractValidator<AgencyFilterQuery>
{
    public AgencyFilterQueryValidator()
    {
        RuleFor(q => q.Kind).WireNamesOf<AgencyFilterQuery, AgencyKind>();
        RuleFor(q => q.Sector).WireNamesOf<AgencyFilterQuery, Sector>();
        RuleFor(q => q.Status).WireNamesOf<AgencyFilterQuery, RecordStatus>();
        RuleFor(q => q.Q).FilterText();
        RuleFor(q => q.ClusterCode).FilterText();
    }
}

public sealed class AgencyListQueryValidator : AbstractValidator<AgencyListQuery>
{
    public AgencyListQueryValidator()
    {
        Include(new AgencyFilterQueryValidator());
        Include(new PagingRules<AgencyListQuery, AgencyStore.AgencyRow>(AgencyStore.SortFields, AgencyListQuery.DefaultSort));
    }
}
