using BioCluster.Api.Features.Access;
using BioCluster.Api.Infrastructure.Http;
using BioCluster.Api.Infrastructure.OpenApi;
using BioCluster.Contracts.Home;
using FluentValidation;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using static Microsoft.AspNetCore.Http.StatusCodes;

namespace BioCluster.Api.Features.Home;

/// <summary>The home (오늘 할 일): the first page after sign-in, shaped by the caller's role.</summary>
public static class HomeApi
{
    public static IEndpointRouteBuilder MapHome(this IEndpointRouteBuilder app)
    {
        app.MapGet("/api/v1/home", GetHome).WithName(nameof(GetHome)).WithTags("Home").RequireAuthorization(Permissions.IssuesRead)
            .WithSummary("The caller's home: its role's work lists with counts, a summary and the chart data")
            .Validate<HomeQuery>().Errors(Status401Unauthorized, Status403Forbidden);
        return app;
    }

    public static async Task<Ok<HomeDto>> GetHome([AsParameters] HomeQuery query, Actor actor, HomeStore store, CancellationToken ct) =>
        TypedResults.Ok(await store.HomeAsync(actor, query.Items ?? HomeQuery.DefaultItems, ct));
}

/// <summary>How many items each of the home's lists shows (1–20, default 5); the counts are always whole.</summary>
public sealed class HomeQuery
{
    public const int DefaultItems = 5;
    public const int MaxItems = 20;

    [FromQuery(Name = "items")]
    public int? Items { get; init; }
}

public sealed class HomeQueryValidator : AbstractValidator<HomeQuery>
{
    public HomeQueryValidator() =>
        RuleFor(q => q.Items).InclusiveBetween(1, HomeQuery.MaxItems)
            .WithMessage(_ => Text.Of($"1–{HomeQuery.MaxItems} 사이여야 합니다.", $"Between 1 and {HomeQuery.MaxItems}."));
}
