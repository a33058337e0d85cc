using BioCluster.Api.Infrastructure.Http;
using BioCluster.Api.Infrastructure.OpenApi;
using BioCluster.Contracts.Access;
using FluentValidation;
using Microsoft.AspNetCore.Mvc;

namespace BioCluster.Api.Features.Audit;

/// <summary>The filters of the audit log and its export (<c>[AsParameters]</c>).</summary>
public class AuditFilterQuery
{
    /// <summary>cluster, agency, user, api_key, …</summary>
    [FromQuery(Name = "entityType")]
    public string? EntityType { get; init; }

    /// <summary>Only entries about this record (with entityType).</summary>
    [FromQuery(Name = "entityId")]
    public long? EntityId { get; init; }

    /// <summary>user, api_key or system.</summary>
    [FromQuery(Name = "actorType"), WireEnum(typeof(ActorType))]
    public string? ActorType { get; init; }

    /// <summary>The user or key id (with actorType).</summary>
    [FromQuery(Name = "actorId")]
    public long? ActorId { get; init; }

    /// <summary>Entries at or after this instant (ISO-8601).</summary>
    [FromQuery(Name = "from")]
    public DateTimeOffset? From { get; init; }

    /// <summary>Entries before this instant (ISO-8601).</summary>
    [FromQuery(Name = "to")]
    public DateTimeOffset? To { get; init; }

    /// <summary>Only the entries one import run wrote for its rows (its run's own entry is the "import" entry with entityId = the run).</summary>
    [FromQuery(Name = "importRunId")]
    public long? ImportRunId { get; init; }

    public AuditFilter ToFilter() => new(ListRules.Normal(EntityType), EntityId, ActorType, ActorId, From, To, ImportRunId);
}

/// <summary>The audit log's query string: its filters and a keyset page, newest first.</summary>
public sealed class AuditListQuery : AuditFilterQuery, IPagedQuery
{
    /// <summary>Page size, 1–200 (default 50).</summary>
    [FromQuery(Name = "limit")]
    public int? Limit { get; init; }

    /// <summary>The nextCursor of the previous page.</summary>
    [FromQuery(Name = "cursor")]
    public string? Cursor { get; init; }

    /// <summary>
    /// Read each import run as one line: its own entry (entityType "import", with its totals in <c>import</c>) stands for the
    /// entries it wrote for its rows, which importRunId lists. Filtered by an entity type, a run's line shows when it wrote that type.
    /// </summary>
    [FromQuery(Name = "summarise")]
    public bool? Summarise { get; init; }

    string? IPagedQuery.Sort => null;

    public AuditFilter ToListFilter() => ToFilter() with { Summarise = Summarise == true };
}

/// <summary>A page of one record's own trail (the <c>…/{id}/history</c> endpoints), newest first.</summary>
public sealed class AuditPageQuery : IPagedQuery
{
    /// <summary>Page size, 1–200 (default 50).</summary>
    [FromQuery(Name = "limit")]
    public int? Limit { get; init; }

    /// <summary>The nextCursor of the previous page.</summary>
    [FromQuery(Name = "cursor")]
    public string? Cursor { get; init; }

    string? IPagedQuery.Sort => null;
}

public sealed class AuditFilterQueryValidator : AbstractValidator<AuditFilterQuery>
{
    public AuditFilterQueryValidator()
    {
        RuleFor(q => q.EntityType).FilterText();
        RuleFor(q => q.ActorType == null ? null : new[] { q.ActorType }).WireNamesOf<AuditFilterQuery, ActorType>().Field("actorType");
    }
}

public sealed class AuditListQueryValidator : AbstractValidator<AuditListQuery>
{
    public AuditListQueryValidator()
    {
        Include(new AuditFilterQueryValidator());
        Include(new PagingRules<AuditListQuery, AuditStore.AuditRow>(AuditStore.SortFields, AuditApi.NewestFirst));
    }
}

public sealed class AuditPageQueryValidator : AbstractValidator<AuditPageQuery>
{
    public AuditPageQueryValidator() => Include(new PagingRules<AuditPageQuery, AuditStore.AuditRow>(AuditStore.SortFields, AuditApi.NewestFirst));
}
