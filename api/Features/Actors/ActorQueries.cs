using BioCluster.Api.Infrastructure.Http;
using BioCluster.Api.Infrastructure.OpenApi;
using BioCluster.Contracts.Actors;
using BioCluster.Contracts.Registry;
using FluentValidation;
using Microsoft.AspNetCore.Mvc;

namespace BioCluster.Api.Features.Actors;

/// <summary>The filters of the partner search (the actor list) and its export (<c>[AsParameters]</c>).</summary>
public class ActorFilterQuery
{
    /// <summary>Only actors of these sectors (산·학·연·병; repeat the parameter for several).</summary>
    [FromQuery(Name = "sector"), WireEnum(typeof(Sector))]
    public string[]? Sector { get; init; }

    /// <summary>Only actors in these regions (시·도).</summary>
    [FromQuery(Name = "region"), WireEnum(typeof(Region))]
    public string[]? Region { get; init; }

    /// <summary>Only agencies of these kinds.</summary>
    [FromQuery(Name = "kind"), WireEnum(typeof(AgencyKind))]
    public string[]? Kind { get; init; }

    /// <summary>Only actors with a specialisation containing this text.</summary>
    [FromQuery(Name = "specialization")]
    public string? Specialization { get; init; }

    /// <summary>Only actors located in the cluster with this code.</summary>
    [FromQuery(Name = "clusterCode")]
    public string? ClusterCode { get; init; }

    /// <summary>Free text matched against the names, the code and the specialisations.</summary>
    [FromQuery(Name = "q")]
    public string? Q { get; init; }

    public ActorFilter ToFilter() => new(ListRules.Distinct(Sector), ListRules.Distinct(Region), ListRules.Distinct(Kind),
        ListRules.Normal(Specialization), ListRules.Normal(ClusterCode), ListRules.Normal(Q));
}

/// <summary>The actor list's query string.</summary>
public sealed class ActorListQuery : ActorFilterQuery, IPagedQuery
{
    public const string DefaultSort = "nameKo";

    /// <summary>One of nameKo, code, id; prefix with '-' for descending. Default nameKo.</summary>
    [FromQuery(Name = "sort")]
    public string? Sort { get; init; }

    /// <summary>Page size, 1–200 (default 50).</summary>
    [FromQuery(Name = "limit")]
    public int? Limit { get; init; }

    /// <summary>The nextCursor of the previous page.</summary>
    [FromQuery(Name = "cursor")]
    public string? Cursor { get; init; }
}

/// <summary>The counts' query string.</summary>
public sealed class ActorCountsQuery
{
    /// <summary>Only the cluster with this code; by default every active cluster.</summary>
    [FromQuery(Name = "clusterCode")]
    public string? ClusterCode { get; init; }
}

public sealed class ActorFilterQueryValidator : AbstractValidator<ActorFilterQuery>
{
    public ActorFilterQueryValidator()
    {
        RuleFor(q => q.Sector).WireNamesOf<ActorFilterQuery, Sector>();
        RuleFor(q => q.Region).WireNamesOf<ActorFilterQuery, Region>();
        RuleFor(q => q.Kind).WireNamesOf<ActorFilterQuery, AgencyKind>();
        RuleFor(q => q.Specialization).FilterText();
        RuleFor(q => q.ClusterCode).FilterText();
        RuleFor(q => q.Q).FilterText();
    }
}

public sealed class ActorListQueryValidator : AbstractValidator<ActorListQuery>
{
    public ActorListQueryValidator()
    {
        Include(new ActorFilterQueryValidator());
        Include(new PagingRules<ActorListQuery, ActorStore.ActorRow>(ActorStore.SortFields, ActorListQuery.DefaultSort));
    }
}

public sealed class ActorCountsQueryValidator : AbstractValidator<ActorCountsQuery>
{
    public ActorCountsQueryValidator() => RuleFor(q => q.ClusterCode).FilterText();
}

public sealed class UpdateActorProfileRequestValidator : AbstractValidator<UpdateActorProfileRequest>
{
    public UpdateActorProfileRequestValidator()
    {
        RuleFor(x => x.Sector).DefinedEnum();
        RuleFor(x => x.Region).DefinedEnum();
        RuleForEach(x => x.Specializations).ShortText(100).NotEmpty();
        RuleFor(x => x.Specializations).Must(s => s is null || s.Count <= 20).WithMessage(_ => Text.Of("전문 분야는 20개까지 적을 수 있습니다.", "At most 20 specialisation fields."));
    }
}
