using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using BioCluster.Api.Tests.Infrastructure;
using Dapper;
using Microsoft.Data.Sqlite;
using Xunit.Abstractions;

namespace BioCluster.Api.Tests.Features;

/// <summary>
/// One <c>Idempotency-Key</c> sent by 20 callers at once, spread over two real API processes on one database file:
/// the work runs once and every caller gets the first answer (or, for a run longer than the wait bound, the
/// documented 409 with Retry-After) — never a 408 or a 5xx.
/// </summary>
public sealed class IdempotencyConcurrencyTests(ITestOutputHelper output)
{
    private sealed record Answer(int Status, string Body, string? Location, string? ETag, string? RetryAfter, string? ContentType);

    private static async Task<Answer> Read(HttpResponseMessage response) => new(
        (int)response.StatusCode, await response.Content.ReadAsStringAsync(), response.Headers.Location?.ToString(), response.Headers.ETag?.Tag,
        response.Headers.RetryAfter?.ToString(), response.Content.Headers.ContentType?.MediaType);

    /// <summary>Two API processes over one data folder: the keys live in the database, not in either process.</summary>
    private static async Task<(ApiProcess A, ApiProcess B)> TwoInstancesAsync()
    {
        var a = await ApiProcess.StartAsync();
        try
        {
            return (a, await ApiProcess.StartAsync(a.DataDirectory, deleteOnDispose: false));
        }
        catch
        {
            await a.DisposeAsync();
            throw;
        }
    }

    private static HttpClient Client(ApiProcess api, string secret)
    {
        var client = new HttpClient { BaseAddress = new Uri(api.BaseUrl), Timeout = TimeSpan.FromMinutes(3) };
        client.DefaultRequestHeaders.Add("X-Api-Key", secret);
        client.DefaultRequestHeaders.Add("Idempotency-Key", Guid.NewGuid().ToString()); // replaced per request below
        return client;
    }

    private static async Task<long> Count(ApiProcess api, string sql, object? p = null)
    {
        await using var db = new SqliteConnection($"Data Source={api.DatabaseFile};Pooling=False");
        await db.OpenAsync();
        return await db.ExecuteScalarAsync<long>(sql, p);
    }

    /// <summary>Every answer is the first one (same status and body), or the documented 409 with Retry-After.</summary>
    private void AssertAlike(IReadOnlyList<Answer> answers)
    {
        foreach (var group in answers.GroupBy(a => a.Status)) output.WriteLine($"{group.Key}: {group.Count()}");
        Assert.All(answers, a => Assert.True(a.Status is >= 200 and < 300 or 409 or 422, $"answer {a.Status}: {a.Body}"));
        var done = answers.Where(a => a.Status != 409).ToList();
        Assert.NotEmpty(done);
        Assert.Single(done.Select(a => (a.Status, a.Body, a.Location, a.ETag)).Distinct());
        foreach (var busy in answers.Where(a => a.Status == 409))
        {
            Assert.Equal("application/problem+json", busy.ContentType);
            Assert.True(int.TryParse(busy.RetryAfter, out var seconds) && seconds > 0, $"409 without Retry-After: {busy.Body}");
            Assert.Equal("idempotency_key_in_progress", JsonDocument.Parse(busy.Body).RootElement.GetProperty("code").GetString());
        }
    }

    private static (string Prefix, byte[] Body) AgenciesCsv(int rows)
    {
        var prefix = $"idem{Guid.NewGuid():N}"[..12];
        var csv = new StringBuilder("code,nameKo,kind,sector,clusterCode\r\n");
        for (var i = 0; i < rows; i++) csv.Append($"{prefix}-{i},멱등 시험 기업 {i},company,industry,osong\r\n");
        return (prefix, Encoding.UTF8.GetBytes(csv.ToString()));
    }

    private static async Task<Answer[]> TwentyImportsAsync(byte[] body, string key, params HttpClient[] clients) =>
        await Task.WhenAll(Enumerable.Range(0, 20).Select(async i =>
        {
            using var request = new HttpRequestMessage(HttpMethod.Post, "/api/v1/imports/agencies") { Content = new ByteArrayContent(body) };
            request.Content.Headers.ContentType = new MediaTypeHeaderValue("text/csv");
            request.Headers.Remove("Idempotency-Key");
            request.Headers.Add("Idempotency-Key", key);
            using var response = await clients[i % clients.Length].SendAsync(request);
            return await Read(response);
        }));

    [Fact]
    public async Task TwentyParallelImports_OneKey_TwoInstances_RunOnce_AndAnswerAlike()
    {
        const int rows = 4_000;
        var (prefix, body) = AgenciesCsv(rows);
        var (a, b) = await TwoInstancesAsync();
        await using var _ = a;
        await using var __ = b;
        var secret = await a.NewKeyAsync("mohw", "import");
        using var clientA = Client(a, secret);
        using var clientB = Client(b, secret);
        var runsBefore = await Count(a, "SELECT COUNT(*) FROM import_runs");
        var key = Guid.NewGuid().ToString();

        var answers = await TwentyImportsAsync(body, key, clientA, clientB);

        AssertAlike(answers);
        Assert.Contains(answers, x => x.Status == 200);
        Assert.Equal(runsBefore + 1, await Count(a, "SELECT COUNT(*) FROM import_runs"));
        Assert.Equal(rows, await Count(a, "SELECT COUNT(*) FROM agencies WHERE code LIKE @p", new { p = prefix + "-%" }));
        Assert.Equal(0, await Count(a, "SELECT COUNT(*) FROM idempotency_keys WHERE status_code IS NULL"));
    }

    /// <summary>
    /// The repeats must not hold threads while they wait. They used to retry an INSERT that waits for SQLite's write
    /// lock — held by the very import they wait for — so each one parked a thread in SQLite's busy wait: on a busy
    /// two-core machine the starved pool let one upload's body time out (408). A pool capped at a few threads makes
    /// the same starvation certain instead of likely.
    /// </summary>
    [Fact]
    public async Task TwentyParallelImports_OneKey_OnAProcessWithFewThreads_AllAnswerTheFirstAnswer()
    {
        const int rows = 4_000;
        var (prefix, body) = AgenciesCsv(rows);
        await using var api = await ApiProcess.StartAsync(settings: new Dictionary<string, string> { ["DOTNET_ThreadPool_ForceMaxWorkerThreads"] = "6" });
        using var client = Client(api, await api.NewKeyAsync("mohw", "import"));
        var watch = System.Diagnostics.Stopwatch.StartNew();
        var answers = await TwentyImportsAsync(body, Guid.NewGuid().ToString(), client);
        output.WriteLine($"20 answers in {watch.ElapsedMilliseconds} ms");

        AssertAlike(answers);
        Assert.All(answers, x => Assert.Equal(200, x.Status));
        Assert.Equal(rows, await Count(api, "SELECT COUNT(*) FROM agencies WHERE code LIKE @p", new { p = prefix + "-%" }));
    }

    [Fact]
    public async Task RepeatsOfALongImport_Get409WithRetryAfter_AfterTheWaitBound_ThenTheFirstAnswer()
    {
        const int rows = 100_000;
        var (prefix, body) = AgenciesCsv(rows);
        await using var api = await ApiProcess.StartAsync(settings: new Dictionary<string, string> { ["Idempotency__WaitSeconds"] = "1" });
        using var client = Client(api, await api.NewKeyAsync("mohw", "import"));
        var key = Guid.NewGuid().ToString();
        var runsBefore = await Count(api, "SELECT COUNT(*) FROM import_runs");

        var answers = await TwentyImportsAsync(body, key, client);

        // The import takes longer than the one-second bound: the repeats were told to come back, not left hanging.
        AssertAlike(answers);
        Assert.Contains(answers, x => x.Status == 409);
        var first = answers.First(x => x.Status == 200);
        var again = await TwentyImportsAsync(body, key, client);
        Assert.All(again, x => Assert.Equal((200, first.Body), (x.Status, x.Body)));
        Assert.Equal(runsBefore + 1, await Count(api, "SELECT COUNT(*) FROM import_runs"));
        Assert.Equal(rows, await Count(api, "SELECT COUNT(*) FROM agencies WHERE code LIKE @p", new { p = prefix + "-%" }));
    }

    public static TheoryData<string> Creates => ["clusters", "agencies", "regulatory-issues", "comments"];

    [Theory]
    [MemberData(nameof(Creates))]
    public async Task TwentyParallelCreates_OneKey_TwoInstances_MakeOneRecord_AndAnswerAlike(string what)
    {
        var (a, b) = await TwoInstancesAsync();
        await using var _ = a;
        await using var __ = b;
        var secret = await a.NewKeyAsync("mohw", "write");
        using var clientA = Client(a, secret);
        using var clientB = Client(b, secret);
        var code = $"idem-{Guid.NewGuid():N}"[..16];
        var marker = $"멱등 {code}";
        string path;
        object body;
        string countSql;
        switch (what)
        {
            case "clusters":
                (path, countSql) = ("/api/v1/clusters", "SELECT COUNT(*) FROM clusters WHERE code = @code");
                body = new { code, nameKo = marker, region = "chungbuk", operatorCode = "kbiohealth" };
                break;
            case "agencies":
                (path, countSql) = ("/api/v1/agencies", "SELECT COUNT(*) FROM agencies WHERE code = @code");
                body = new { code, nameKo = marker, kind = "company" };
                break;
            case "regulatory-issues":
                (path, countSql) = ("/api/v1/regulatory-issues", "SELECT COUNT(*) FROM regulatory_issues WHERE title_ko = @marker");
                body = new
                {
                    titleKo = marker, problemKo = "동시 요청 멱등성 시험을 위한 문제 설명입니다.", proposalKo = "동시 요청 멱등성 시험을 위한 개선안입니다.",
                    category = "other", clusterCodes = new[] { "osong" },
                };
                break;
            default:
                var issue = await clientA.SendAsync(new HttpRequestMessage(HttpMethod.Post, "/api/v1/regulatory-issues")
                {
                    Content = Http.Body(new
                    {
                        titleKo = marker, problemKo = "댓글 멱등성 시험을 위한 문제 설명입니다.", proposalKo = "댓글 멱등성 시험을 위한 개선안입니다.",
                        category = "other", clusterCodes = new[] { "osong" },
                    }),
                });
                Assert.True(issue.IsSuccessStatusCode, await issue.Content.ReadAsStringAsync());
                var id = JsonDocument.Parse(await issue.Content.ReadAsStringAsync()).RootElement.GetProperty("id").GetInt64();
                (path, countSql) = ($"/api/v1/regulatory-issues/{id}/comments", "SELECT COUNT(*) FROM regulatory_issue_comments WHERE text = @marker");
                body = new { text = marker };
                break;
        }
        var key = Guid.NewGuid().ToString();

        var answers = await Task.WhenAll(Enumerable.Range(0, 20).Select(async i =>
        {
            using var request = new HttpRequestMessage(HttpMethod.Post, path) { Content = Http.Body(body) };
            request.Headers.Remove("Idempotency-Key");
            request.Headers.Add("Idempotency-Key", key);
            using var response = await (i % 2 == 0 ? clientA : clientB).SendAsync(request);
            return await Read(response);
        }));

        AssertAlike(answers);
        // A create takes milliseconds, well inside the wait bound: all 20 get the one 201.
        Assert.All(answers, x => Assert.Equal(201, x.Status));
        Assert.Equal(1, await Count(a, countSql, new { code, marker }));
    }
}
