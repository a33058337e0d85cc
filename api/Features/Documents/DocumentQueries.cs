using BioCluster.Api.Infrastructure.Http;
using FluentValidation;
using Microsoft.AspNetCore.Mvc;

namespace BioCluster.Api.Features.Documents;

/// <summary>The query string of a record's document list (<c>[AsParameters]</c>): newest first, a keyset page.</summary>
public sealed class DocumentListQuery : IPagedQuery
{
    public const string NewestFirst = "-id";

    /// <summary>Page size, 1–200 (default 50).</summary>
    [FromQuery(Name = "limit")]
    public int? Limit { get; init; }

    /// <summary>The nextCursor of the previous page.</summary>
    [FromQuery(Name = "cursor")]
    public string? Cursor { get; init; }

    string? IPagedQuery.Sort => null;
}

public sealed class DocumentListQueryValidator : AbstractValidator<DocumentListQuery>
{
    public DocumentListQueryValidator() =>
        Include(new PagingRules<DocumentListQuery, DocumentStore.DocumentRow>(DocumentStore.SortFields, DocumentListQuery.NewestFirst));
}
