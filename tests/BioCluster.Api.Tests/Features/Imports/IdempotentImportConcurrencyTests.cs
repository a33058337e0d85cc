using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using BioCluster.Api.Tests.Infrastructure;
using Dapper;
using Microsoft.Data.Sqlite;

namespace BioCluster.Api.Tests.Features.Imports;

/// <summary>
/// Twenty copies of one import sent at once under one Idempotency-Key, to the API as a real process: one import runs;
/// every caller gets its answer (the others wait for it), or — past the wait — 409 with Retry-After. Never a 408 or a 5xx
/// (once one of twenty got a 408: the upload-rate limit cut a starved upload off), and one run in the history.
/// </summary>
public sealed class IdempotentImportConcurrencyTests
{
    [Fact]
    public async Task TwentyParallelImportsUnderOneKey_OneRun_EveryAnswerTheSame()
    {
        var prefix = $"idem{Guid.NewGuid():N}"[..12];
        var csv = new StringBuilder("code,nameKo,kind,sector,clusterCode\r\n");
        for (var i = 0; i < 5_000; i++) csv.Append($"{prefix}-{i},동시 가져오기 시험 기업 {i},company,industry,osong\r\n");
        var body = Encoding.UTF8.GetBytes(csv.ToString());

        await using var api = await ApiProcess.StartAsync();
        var key = await api.NewKeyAsync("mohw", "import");
        var answers = await Task.WhenAll(Enumerable.Range(0, 20).Select(async _ =>
        {
            using var client = new HttpClient { BaseAddress = new Uri(api.BaseUrl), Timeout = TimeSpan.FromMinutes(2) };
            client.DefaultRequestHeaders.Add("X-Api-Key", key);
            var content = new ByteArrayContent(body);
            content.Headers.ContentType = new MediaTypeHeaderValue("text/csv");
            using var request = new HttpRequestMessage(HttpMethod.Post, "/api/v1/imports/agencies?fileName=parallel.csv") { Content = content };
            request.Headers.Add("Idempotency-Key", $"{prefix}-key");
            var response = await client.SendAsync(request);
            return (Status: (int)response.StatusCode, Body: await response.Content.ReadAsStringAsync(), RetryAfter: response.Headers.RetryAfter is not null);
        }));

        Assert.All(answers, a => Assert.True(a.Status is 200 or 409, $"{a.Status}: {a.Body}"));
        Assert.All(answers.Where(a => a.Status == 409), a => Assert.True(a.RetryAfter));
        var done = answers.Where(a => a.Status == 200).Select(a => a.Body).Distinct().ToList();
        var report = JsonDocument.Parse(Assert.Single(done)).RootElement; // every 200 is the same answer
        Assert.Equal(5_000, report.GetProperty("totals").GetProperty("created").GetInt32());

        await using var db = new SqliteConnection($"Data Source={api.DatabaseFile};Pooling=False");
        await db.OpenAsync();
        Assert.Equal(1, await db.ExecuteScalarAsync<long>("SELECT COUNT(*) FROM import_runs WHERE file_name = 'parallel.csv'"));
        Assert.Equal(5_000, await db.ExecuteScalarAsync<long>("SELECT COUNT(*) FROM agencies WHERE code LIKE @p", new { p = prefix + "-%" }));
    }

    /// <summary>A host whose repeats do not wait at all, so "still in progress" shows without waiting a minute.</summary>
    public sealed class NoWaitFactory() : ConfiguredSqliteFactory(("Idempotency:WaitSeconds", "0"));

    [Fact]
    public async Task ARepeatWhileTheFirstStillRuns_PastTheWait_Is409WithRetryAfter_AndWritesNothing()
    {
        await using var factory = new NoWaitFactory();
        var prefix = $"wait{Guid.NewGuid():N}"[..12];
        var body = Encoding.UTF8.GetBytes($"code,nameKo,kind\r\n{prefix}-1,대기 시험 기업,company\r\n");
        HttpRequestMessage Request()
        {
            var content = new ByteArrayContent(body);
            content.Headers.ContentType = new MediaTypeHeaderValue("text/csv");
            var request = new HttpRequestMessage(HttpMethod.Post, "/api/v1/imports/agencies?fileName=wait.csv") { Content = content };
            request.Headers.Add("Idempotency-Key", $"{prefix}-key");
            return request;
        }
        var client = factory.Client();
        var me = JsonDocument.Parse(await client.GetStringAsync("/api/v1/auth/me")).RootElement;
        // "The first request" is running: its claim is in the table, unanswered (as another instance would leave it mid-import).
        var sha = Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(body));
        var hash = Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(Encoding.UTF8.GetBytes($"import\nagencies\nFalse\nfail\n\nwait.csv\n{sha}")));
        await using (var db = factory.OpenDatabase())
            await db.ExecuteAsync("INSERT INTO idempotency_keys (owner, idem_key, request_hash, created_at) VALUES (@owner, @key, @hash, @now)",
                new { owner = $"user:{me.GetProperty("id").GetInt64()}:{me.GetProperty("name").GetString()}", key = $"{prefix}-key", hash,
                      now = DateTimeOffset.UtcNow.ToString("yyyy-MM-ddTHH:mm:ss.fffffffZ") });

        var repeat = await client.SendAsync(Request());
        await repeat.Problem(HttpStatusCode.Conflict);
        Assert.NotNull(repeat.Headers.RetryAfter);
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync($"/api/v1/agencies/by-code/{prefix}-1")).StatusCode);

        // The first gives the key up (it failed): the next copy runs.
        await using (var db = factory.OpenDatabase())
            await db.ExecuteAsync("DELETE FROM idempotency_keys WHERE idem_key = @key", new { key = $"{prefix}-key" });
        Assert.Equal(HttpStatusCode.OK, (await client.SendAsync(Request())).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync($"/api/v1/agencies/by-code/{prefix}-1")).StatusCode);
    }
}
