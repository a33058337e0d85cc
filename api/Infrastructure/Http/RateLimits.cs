using System.Threading.RateLimiting;
using BioCluster.Api.Features.Access;
using Microsoft.AspNetCore.RateLimiting;

namespace BioCluster.Api.Infrastructure.Http;

/// <summary>
/// Per-caller and per-address request budgets, answered with 429 and Retry-After.
/// REVIEW: the budgets are counted in each instance's memory, so N instances allow up to N times the
/// budget; that is fine as flood protection. Lock-out after failed sign-ins is counted in the
/// database and is exact across instances.
/// </summary>
public static class RateLimits
{
    public static IServiceCollection AddBioClusterRateLimits(this IServiceCollection services, IConfiguration configuration)
    {
        var perCaller = configuration.GetValue("RateLimits:PerCallerPerMinute", 600);
        var perAddress = configuration.GetValue("RateLimits:PerAddressPerMinute", 1200);
        var loginPerAddress = configuration.GetValue("RateLimits:LoginPerAddressPerMinute", 20);
        // Calendar programs poll a feed every few minutes to hours; many subscribers behind one address (an office) stay
        // well inside this, while guessing tokens from one address is slowed to a crawl (and a token is 256 bits anyway).
        // Open data (ADR 0027): harvesters page through lists; a generous budget per address, counted per instance.
        var openDataPerAddress = configuration.GetValue("RateLimits:OpenDataPerAddressPerMinute", 120);
        var calendarPerAddress = configuration.GetValue("RateLimits:CalendarFeedPerAddressPerMinute", 120);

        services.AddRateLimiter(o =>
        {
            o.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            o.OnRejected = async (context, ct) =>
            {
                var retry = context.Lease.TryGetMetadata(MetadataName.RetryAfter, out var after) ? after : TimeSpan.FromSeconds(60);
                context.HttpContext.Response.Headers.RetryAfter = Math.Max(1, (int)Math.Ceiling(retry.TotalSeconds)).ToString();
                await context.HttpContext.RequestServices.GetRequiredService<IProblemDetailsService>().WriteAsync(new ProblemDetailsContext
                {
                    HttpContext = context.HttpContext,
                    ProblemDetails =
                    {
                        Status = StatusCodes.Status429TooManyRequests,
                        Title = "Too many requests",
                        Detail = Text.Of($"요청이 너무 많습니다. {Math.Ceiling(retry.TotalSeconds)}초 뒤에 다시 시도하십시오.",
                            $"Slow down and retry after {Math.Ceiling(retry.TotalSeconds)} seconds."),
                    },
                });
            };
            o.GlobalLimiter = PartitionedRateLimiter.CreateChained(
                PartitionedRateLimiter.Create<HttpContext, string>(context =>
                {
                    var caller = context.User.FindFirst(BioClaims.Subject)?.Value ?? context.User.FindFirst(BioClaims.Name)?.Value;
                    return caller is null
                        ? RateLimitPartition.GetNoLimiter("anonymous")
                        : RateLimitPartition.GetFixedWindowLimiter(
                            $"{context.User.FindFirst(BioClaims.ActorType)?.Value}:{caller}",
                            _ => new FixedWindowRateLimiterOptions { PermitLimit = perCaller, Window = TimeSpan.FromMinutes(1) });
                }),
                PartitionedRateLimiter.Create<HttpContext, string>(context =>
                    RateLimitPartition.GetFixedWindowLimiter(
                        context.Connection.RemoteIpAddress?.ToString() ?? "unknown",
                        _ => new FixedWindowRateLimiterOptions { PermitLimit = perAddress, Window = TimeSpan.FromMinutes(1) })));
            o.AddPolicy(AuthApi.LoginRateLimit, context => RateLimitPartition.GetFixedWindowLimiter(
                context.Connection.RemoteIpAddress?.ToString() ?? "unknown",
                _ => new FixedWindowRateLimiterOptions { PermitLimit = loginPerAddress, Window = TimeSpan.FromMinutes(1) }));
            o.AddPolicy(Features.Calendar.CalendarFeedsApi.FeedRateLimit, context => RateLimitPartition.GetFixedWindowLimiter(
                context.Connection.RemoteIpAddress?.ToString() ?? "unknown",
                _ => new FixedWindowRateLimiterOptions { PermitLimit = calendarPerAddress, Window = TimeSpan.FromMinutes(1) }));
            o.AddPolicy(Features.OpenData.OpenDataApi.RateLimit, context => RateLimitPartition.GetFixedWindowLimiter(
                context.Connection.RemoteIpAddress?.ToString() ?? "unknown",
                _ => new FixedWindowRateLimiterOptions { PermitLimit = openDataPerAddress, Window = TimeSpan.FromMinutes(1) }));
        });
        return services;
    }
}
