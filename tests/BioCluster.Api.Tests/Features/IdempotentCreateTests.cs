using System.Net;
using BioCluster.Api.Tests.Infrastructure;
using Dapper;

namespace BioCluster.Api.Tests.Features;

/// <summary><c>Idempotency-Key</c> on ordinary creates (clusters, agencies, issues, comments).</summary>
public sealed class IdempotentCreateTests(SqliteApiFactory factory) : IClassFixture<SqliteApiFactory>
{
    private static object NewCluster(string code, string nameKo = "멱등 클러스터") => new
    {
        code, nameKo, region = "chungbuk", operatorCode = "kbiohealth", designation = "첨단의료복합단지", specializations = new[] { "의료기기" },
    };

    private async Task<long> Count(string sql, object? p = null)
    {
        await using var db = factory.OpenDatabase();
        return await db.ExecuteScalarAsync<long>(sql, p);
    }

    private static HttpRequestMessage Post(string path, object body, string? key)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, path) { Content = Http.Body(body) };
        if (key is not null) request.Headers.TryAddWithoutValidation("Idempotency-Key", key);
        return request;
    }

    [Fact]
    public async Task TwentyConcurrentCreates_WithOneKey_MakeOneCluster_AndAnswerAlike()
    {
        var code = Http.Unique("idem").ToLowerInvariant();
        var key = Guid.NewGuid().ToString();
        var client = factory.Client();
        var audits = await Count("SELECT COUNT(*) FROM audit_entries");
        var responses = await Task.WhenAll(Enumerable.Range(0, 20).Select(async _ =>
        {
            using var response = await client.SendAsync(Post("/api/v1/clusters", NewCluster(code), key));
            return (Status: (int)response.StatusCode, Body: await response.Content.ReadAsStringAsync(),
                Location: response.Headers.Location?.ToString(), ETag: response.Headers.ETag?.Tag,
                Replayed: response.Headers.Contains("Idempotent-Replayed"));
        }));

        Assert.All(responses, r => Assert.Equal(201, r.Status));
        Assert.Single(responses.Select(r => (r.Body, r.Location, r.ETag)).Distinct());
        Assert.NotNull(responses[0].Location);
        Assert.NotNull(responses[0].ETag);
        Assert.Equal(19, responses.Count(r => r.Replayed));
        Assert.Equal(1, await Count("SELECT COUNT(*) FROM clusters WHERE code = @code", new { code }));
        Assert.Equal(audits + 1, await Count("SELECT COUNT(*) FROM audit_entries"));
    }

    [Fact]
    public async Task SameKey_DifferentBody_Is422_AndWritesNothing()
    {
        var key = Guid.NewGuid().ToString();
        var client = factory.Client();
        var first = Http.Unique("idem").ToLowerInvariant();
        Assert.Equal(HttpStatusCode.Created, (await client.SendAsync(Post("/api/v1/clusters", NewCluster(first), key))).StatusCode);
        var second = Http.Unique("idem").ToLowerInvariant();
        await (await client.SendAsync(Post("/api/v1/clusters", NewCluster(second), key))).Problem(HttpStatusCode.UnprocessableEntity);
        Assert.Equal(0, await Count("SELECT COUNT(*) FROM clusters WHERE code = @second", new { second }));
    }

    [Fact]
    public async Task ARefusedCreate_IsKeptUnderItsKey_AndReplayed_WithoutRunningAgain()
    {
        var client = factory.Client();
        var code = Http.Unique("idem").ToLowerInvariant();
        Assert.Equal(HttpStatusCode.Created, (await client.SendAsync(Post("/api/v1/clusters", NewCluster(code), null))).StatusCode);
        var audits = await Count("SELECT COUNT(*) FROM audit_entries");

        // The same code again under a key: refused (409), and the refusal is the key's answer from then on.
        var key = Guid.NewGuid().ToString();
        using var first = await client.SendAsync(Post("/api/v1/clusters", NewCluster(code), key));
        var firstBody = await first.Problem(HttpStatusCode.Conflict);
        Assert.False(first.Headers.Contains("Idempotent-Replayed"));
        using var again = await client.SendAsync(Post("/api/v1/clusters", NewCluster(code), key));
        var againBody = await again.Problem(HttpStatusCode.Conflict);
        Assert.True(again.Headers.Contains("Idempotent-Replayed"));
        Assert.Equal(firstBody.GetProperty("detail").GetString(), againBody.GetProperty("detail").GetString());
        Assert.Equal(1, await Count("SELECT COUNT(*) FROM clusters WHERE code = @code", new { code }));
        Assert.Equal(audits, await Count("SELECT COUNT(*) FROM audit_entries"));
    }

    [Fact]
    public async Task WithoutAKey_EachCreateRuns_AndABadKeyIs400()
    {
        var client = factory.Client();
        var code = Http.Unique("idem").ToLowerInvariant();
        Assert.Equal(HttpStatusCode.Created, (await client.SendAsync(Post("/api/v1/clusters", NewCluster(code), null))).StatusCode);
        await (await client.SendAsync(Post("/api/v1/clusters", NewCluster(code), null))).Problem(HttpStatusCode.Conflict);
        var other = Http.Unique("idem").ToLowerInvariant();
        await (await client.SendAsync(Post("/api/v1/clusters", NewCluster(other), "키 with spaces"))).Problem(HttpStatusCode.BadRequest);
        await (await client.SendAsync(Post("/api/v1/clusters", NewCluster(other), new string('k', 201)))).Problem(HttpStatusCode.BadRequest);
        Assert.Equal(0, await Count("SELECT COUNT(*) FROM clusters WHERE code = @other", new { other }));

        // The generated TypeScript client sends the header empty when no key is given: that is no key.
        Assert.Equal(HttpStatusCode.Created, (await client.SendAsync(Post("/api/v1/clusters", NewCluster(other), ""))).StatusCode);
        await (await client.SendAsync(Post("/api/v1/clusters", NewCluster(other), ""))).Problem(HttpStatusCode.Conflict);
    }

    [Fact]
    public async Task KeysBelongToTheirCaller()
    {
        var key = Guid.NewGuid().ToString();
        var admin = factory.Client();
        var secretariat = await factory.WithKey("mohw", "write");
        var a = Http.Unique("idem").ToLowerInvariant();
        var b = Http.Unique("idem").ToLowerInvariant();
        Assert.Equal(HttpStatusCode.Created, (await admin.SendAsync(Post("/api/v1/clusters", NewCluster(a), key))).StatusCode);
        using var response = await secretariat.SendAsync(Post("/api/v1/clusters", NewCluster(b), key));
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        Assert.False(response.Headers.Contains("Idempotent-Replayed"));
        Assert.Equal(2, await Count("SELECT COUNT(*) FROM clusters WHERE code IN (@a, @b)", new { a, b }));
    }

    [Fact]
    public async Task AValidationProblem_IsKept_AndReplayedUnderItsKey()
    {
        var key = Guid.NewGuid().ToString();
        var client = factory.Client();
        var bad = new { titleKo = "", problemKo = "짧음", proposalKo = "짧음", category = "other", clusterCodes = Array.Empty<string>() };
        var first = await client.SendAsync(Post("/api/v1/regulatory-issues", bad, key));
        var again = await client.SendAsync(Post("/api/v1/regulatory-issues", bad, key));
        Assert.Equal(HttpStatusCode.BadRequest, first.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, again.StatusCode);
        Assert.Equal(await first.Content.ReadAsStringAsync(), await again.Content.ReadAsStringAsync());
        Assert.True(again.Headers.Contains("Idempotent-Replayed"));
    }
}
