using BioCluster.Api.Infrastructure.Http;
using BioCluster.Api.Infrastructure.OpenApi;
using BioCluster.Contracts.Access;
using FluentValidation;
using Microsoft.AspNetCore.Mvc;

namespace BioCluster.Api.Features.Access;

/// <summary>The user list's query string (<c>[AsParameters]</c>).</summary>
public sealed class UserListQuery : IPagedQuery
{
    public const string DefaultSort = "username";

    /// <summary>Only these roles.</summary>
    [FromQuery(Name = "role"), WireEnum(typeof(Role))]
    public string[]? Role { get; init; }

    /// <summary>Only these statuses.</summary>
    [FromQuery(Name = "status"), WireEnum(typeof(UserStatus))]
    public string[]? Status { get; init; }

    /// <summary>Free text over username and display name.</summary>
    [FromQuery(Name = "q")]
    public string? Q { get; init; }

    /// <summary>One of username, role, id; '-' for descending.</summary>
    [FromQuery(Name = "sort")]
    public string? Sort { get; init; }

    /// <summary>Page size, 1–200 (default 50).</summary>
    [FromQuery(Name = "limit")]
    public int? Limit { get; init; }

    /// <summary>The nextCursor of the previous page.</summary>
    [FromQuery(Name = "cursor")]
    public string? Cursor { get; init; }

    public UserFilter ToFilter() => new(ListRules.Distinct(Role), ListRules.Distinct(Status), ListRules.Normal(Q));
}

public sealed class UserListQueryValidator : AbstractValidator<UserListQuery>
{
    public UserListQueryValidator()
    {
        RuleFor(q => q.Role).WireNamesOf<UserListQuery, Role>();
        RuleFor(q => q.Status).WireNamesOf<UserListQuery, UserStatus>();
        RuleFor(q => q.Q).FilterText();
        Include(new PagingRules<UserListQuery, UserStore.UserRow>(UserStore.SortFields, UserListQuery.DefaultSort));
    }
}

/// <summary>The API key list's query string: newest first, a keyset page.</summary>
public sealed class ApiKeyListQuery : IPagedQuery
{
    public const string DefaultSort = "-id";

    /// <summary>Page size, 1–200 (default 50).</summary>
    [FromQuery(Name = "limit")]
    public int? Limit { get; init; }

    /// <summary>The nextCursor of the previous page.</summary>
    [FromQuery(Name = "cursor")]
    public string? Cursor { get; init; }

    string? IPagedQuery.Sort => null;
}

public sealed class ApiKeyListQueryValidator : AbstractValidator<ApiKeyListQuery>
{
    public ApiKeyListQueryValidator() =>
        Include(new PagingRules<ApiKeyListQuery, ApiKeyStore.ApiKeyRow>(ApiKeyStore.SortFields, ApiKeyListQuery.DefaultSort));
}
