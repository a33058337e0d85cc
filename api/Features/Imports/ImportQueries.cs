using BioCluster.Api.Infrastructure.Http;
using BioCluster.Api.Infrastructure.OpenApi;
using BioCluster.Contracts.Imports;
using FluentValidation;
using Microsoft.AspNetCore.Mvc;

namespace BioCluster.Api.Features.Imports;

/// <summary>The import history's query string (<c>[AsParameters]</c>): newest first, a keyset page.</summary>
public sealed class ImportListQuery : IPagedQuery
{
    public const string NewestFirst = "-id";

    /// <summary>Only runs of this entity.</summary>
    [FromQuery(Name = "entity"), WireEnum(typeof(ImportEntity))]
    public string? Entity { get; init; }

    /// <summary>Page size, 1–200 (default 50).</summary>
    [FromQuery(Name = "limit")]
    public int? Limit { get; init; }

    /// <summary>The nextCursor of the previous page.</summary>
    [FromQuery(Name = "cursor")]
    public string? Cursor { get; init; }

    string? IPagedQuery.Sort => null;
}

public sealed class ImportListQueryValidator : AbstractValidator<ImportListQuery>
{
    public ImportListQueryValidator()
    {
        RuleFor(q => q.Entity == null ? null : new[] { q.Entity }).WireNamesOf<ImportListQuery, ImportEntity>().Field("entity");
        Include(new PagingRules<ImportListQuery, ImportStore.RunRow>(ImportStore.SortFields, ImportListQuery.NewestFirst));
    }
}
