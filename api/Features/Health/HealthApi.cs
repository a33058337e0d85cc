using BioCluster.Api.Infrastructure.Data;
using BioCluster.Contracts.Common;
using Microsoft.AspNetCore.Http.HttpResults;

namespace BioCluster.Api.Features.Health;

public static class HealthApi
{
    public static IEndpointRouteBuilder MapHealth(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/health").WithTags("Health").AllowAnonymous();
        group.MapGet("/live", Live).WithName(nameof(Live))
            .WithSummary("Liveness: the process is up and answering");
        group.MapGet("/ready", Ready).WithName(nameof(Ready))
            .WithSummary("Readiness: the database is reachable and every migration is applied");
        return app;
    }

    public static Ok<HealthReport> Live() =>
        TypedResults.Ok(new HealthReport("healthy", new Dictionary<string, string> { ["process"] = "up" }));

    public static async Task<Results<Ok<HealthReport>, JsonHttpResult<HealthReport>>> Ready(
        DbConnectionFactory factory, Migrator migrator, CancellationToken ct)
    {
        var checks = new Dictionary<string, string>();
        var healthy = true;
        try
        {
            await using var connection = await factory.OpenAsync(ct);
            checks["database"] = "reachable";
            var applied = await migrator.AppliedNumberAsync(connection);
            var latest = Migrator.LatestNumber(factory.Provider);
            if (applied == latest)
            {
                checks["migrations"] = $"{applied} of {latest} applied";
            }
            else
            {
                healthy = false;
                checks["migrations"] = $"{applied?.ToString() ?? "none"} of {latest} applied";
            }
        }
        catch (Exception e) when (e is System.Data.Common.DbException or InvalidOperationException or TimeoutException)
        {
            healthy = false;
            checks["database"] = "unreachable";
        }

        var report = new HealthReport(healthy ? "healthy" : "unhealthy", checks);
        return healthy
            ? TypedResults.Ok(report)
            : TypedResults.Json(report, statusCode: StatusCodes.Status503ServiceUnavailable);
    }
}
