using System.Net;
using BioCluster.Api.Tests.Infrastructure;
using Dapper;

namespace BioCluster.Api.Tests.Features.Access;

/// <summary>Security headers, rate limits, CORS and what errors give away.</summary>
public sealed class HardeningTests(SqliteApiFactory factory) : IClassFixture<SqliteApiFactory>
{
    [Fact]
    public async Task EveryAnswer_CarriesTheSecurityHeaders()
    {
        foreach (var path in new[] { "/health/live", "/api/v1/clusters", "/api/v1/nothing" })
        {
            var response = await factory.Anonymous().GetAsync(path);
            Assert.Equal("nosniff", response.Headers.GetValues("X-Content-Type-Options").Single());
            Assert.Equal("no-referrer", response.Headers.GetValues("Referrer-Policy").Single());
            var csp = response.Headers.GetValues("Content-Security-Policy").Single();
            Assert.Contains("frame-ancestors 'none'", csp);
            Assert.Contains("default-src 'self'", csp);
            Assert.DoesNotContain("unsafe-eval", csp);
            Assert.Contains("script-src 'self';", csp);
        }
    }

    [Fact]
    public async Task PerCallerLimit_Answers429WithRetryAfter()
    {
        await using var limited = new ConfiguredSqliteFactory(("RateLimits:PerCallerPerMinute", "5"));
        var client = await limited.WithKey("mohw", "read");
        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i < 8; i++) statuses.Add((await client.GetAsync("/api/v1/clusters")).StatusCode);
        Assert.Equal(5, statuses.Count(s => s == HttpStatusCode.OK));
        var refused = await client.GetAsync("/api/v1/clusters");
        await refused.Problem(HttpStatusCode.TooManyRequests);
        Assert.True(refused.Headers.RetryAfter?.Delta > TimeSpan.Zero);
        // Another caller from the same address still has its own budget.
        Assert.Equal(HttpStatusCode.OK, (await (await limited.WithKey("mohw", "read")).GetAsync("/api/v1/clusters")).StatusCode);
    }

    [Fact]
    public async Task PerAddressLimit_Answers429ForAnonymousFloods()
    {
        await using var limited = new ConfiguredSqliteFactory(("RateLimits:PerAddressPerMinute", "10"));
        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i < 14; i++) statuses.Add((await limited.Anonymous().GetAsync("/health/live")).StatusCode);
        Assert.Contains(HttpStatusCode.TooManyRequests, statuses);
        Assert.DoesNotContain(HttpStatusCode.ServiceUnavailable, statuses);
    }

    [Fact]
    public async Task LoginAttemptsPerAddress_AreLimited()
    {
        await using var limited = new ConfiguredSqliteFactory(("RateLimits:LoginPerAddressPerMinute", "3"));
        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i < 5; i++)
            statuses.Add((await limited.Anonymous().PostAsync("/api/v1/auth/login", Http.Body(new { username = $"x{i}", password = "Whatever-123456" }))).StatusCode);
        Assert.Equal(3, statuses.Count(s => s == HttpStatusCode.Unauthorized));
        Assert.Equal(2, statuses.Count(s => s == HttpStatusCode.TooManyRequests));
    }

    [Fact]
    public async Task Cors_AllowsOnlyConfiguredOrigins()
    {
        await using var cors = new ConfiguredSqliteFactory(("Cors:AllowedOrigins:0", "https://dashboard.example.kr"));
        async Task<HttpResponseMessage> Preflight(string origin)
        {
            var request = new HttpRequestMessage(HttpMethod.Options, "/api/v1/clusters");
            request.Headers.Add("Origin", origin);
            request.Headers.Add("Access-Control-Request-Method", "GET");
            return await cors.Anonymous().SendAsync(request);
        }
        var allowed = await Preflight("https://dashboard.example.kr");
        Assert.Equal("https://dashboard.example.kr", allowed.Headers.GetValues("Access-Control-Allow-Origin").Single());
        Assert.Equal("true", allowed.Headers.GetValues("Access-Control-Allow-Credentials").Single());
        var refused = await Preflight("https://evil.example.com");
        Assert.False(refused.Headers.Contains("Access-Control-Allow-Origin"));
        var localhost = await Preflight("http://localhost:5080");
        Assert.False(localhost.Headers.Contains("Access-Control-Allow-Origin"));
    }

    [Fact]
    public async Task ServerErrors_GiveNoStackTraceOrInternals()
    {
        await using var broken = new SqliteApiFactory();
        var client = broken.Client();
        await using (var db = broken.OpenDatabase())
            await db.ExecuteAsync("ALTER TABLE clusters RENAME TO clusters_gone");
        var response = await client.GetAsync("/api/v1/clusters");
        var body = await response.Content.ReadAsStringAsync();
        Assert.Equal(HttpStatusCode.InternalServerError, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.DoesNotContain("Exception", body);
        Assert.DoesNotContain(" at ", body);
        Assert.DoesNotContain("clusters_gone", body);
        Assert.DoesNotContain("SQLite", body, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("traceId", body);
    }
}

/// <summary>The built dashboard is public (its sign-in page must load); the API behind it is not.</summary>
public sealed class DashboardFilesTests : IAsyncLifetime
{
    private readonly string _root = Path.Combine(Path.GetTempPath(), "biocluster-dashboard-" + Guid.NewGuid().ToString("N"));
    private ConfiguredSqliteFactory? _factory;

    public Task InitializeAsync()
    {
        Directory.CreateDirectory(Path.Combine(_root, "assets"));
        File.WriteAllText(Path.Combine(_root, "index.html"), "<!doctype html><title>BioCluster</title>");
        File.WriteAllText(Path.Combine(_root, "config.js"), "window.BIOCLUSTER_CONFIG = { apiBaseUrl: '' };");
        File.WriteAllText(Path.Combine(_root, "assets", "app.js"), "console.log('bio');");
        _factory = new ConfiguredSqliteFactory(("Web:Root", _root));
        return Task.CompletedTask;
    }

    public async Task DisposeAsync()
    {
        if (_factory is not null) await _factory.DisposeAsync();
        Directory.Delete(_root, recursive: true);
    }

    [Fact]
    public async Task ShellScriptsAndConfig_LoadWithoutASession_ButTheApiDoesNot()
    {
        var client = _factory!.Anonymous();
        foreach (var path in new[] { "/config.js", "/assets/app.js", "/clusters/osong", "/sign-in", "/" })
        {
            var response = await client.GetAsync(path);
            Assert.True(HttpStatusCode.OK == response.StatusCode, $"{path} → {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
        }
        await (await client.GetAsync("/api/v1/clusters")).Problem(HttpStatusCode.Unauthorized);
        await (await client.GetAsync("/api/v1/no-such-endpoint")).Problem(HttpStatusCode.NotFound); // no API route, so nothing to guard
    }
}
