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
    public async Task ARepeatWhileTheFirstStillRuns_PastTheWait_Is409WithRetryAfter_ThenGetsTheAnswer()
    {
        await using var factory = new NoWaitFactory();
        var prefix = $"wait{Guid.NewGuid():N}"[..12];
        // Regulatory issues: the slowest rows to import, so the first request is still running when the repeat arrives.
        var csv = new StringBuilder("외부참조번호,제목,현황및문제점,개선건의사항,분야,건의기관코드,관련클러스터코드\r\n");
        for (var i = 0; i < 60_000; i++)
            csv.Append($"{prefix}-{i},{i}번 대기 시험 과제,\"임상시험 승인 절차가 기관마다 달라 지연됩니다.\",\"공동 심의를 인정하도록 고시를 개정합니다.\",clinical_trials,kbiohealth,osong\r\n");
        var body = Encoding.UTF8.GetBytes(csv.ToString());
        HttpRequestMessage Request()
        {
            var content = new ByteArrayContent(body);
            content.Headers.ContentType = new MediaTypeHeaderValue("text/csv");
            var request = new HttpRequestMessage(HttpMethod.Post, "/api/v1/imports/regulatory_issues?fileName=wait.csv") { Content = content };
            request.Headers.Add("Idempotency-Key", $"{prefix}-key");
            return request;
        }
        var client = factory.Client();
        var first = client.SendAsync(Request());
        await using (var db = factory.OpenDatabase()) // the first has claimed the key
            for (var i = 0; i < 400 && await db.ExecuteScalarAsync<long>("SELECT COUNT(*) FROM idempotency_keys WHERE idem_key = @k", new { k = $"{prefix}-key" }) == 0; i++)
                await Task.Delay(10);
        var repeat = await client.SendAsync(Request());
        Assert.False(first.IsCompleted, "the first import finished before the repeat; make the file larger");
        await repeat.Problem(HttpStatusCode.Conflict);
        Assert.NotNull(repeat.Headers.RetryAfter);
        var answer = await first;
        Assert.Equal(HttpStatusCode.OK, answer.StatusCode);
        var again = await client.SendAsync(Request());
        Assert.Equal(await answer.Content.ReadAsStringAsync(), await again.Content.ReadAsStringAsync());
        Assert.Equal("true", again.Headers.GetValues("Idempotent-Replayed").Single());
    }
}
