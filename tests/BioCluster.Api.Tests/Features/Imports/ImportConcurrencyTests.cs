using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using BioCluster.Api.Tests.Infrastructure;
using Xunit.Abstractions;

namespace BioCluster.Api.Tests.Features.Imports;

/// <summary>
/// While a large import runs on one API process, other callers — on that process and on a second process over the same
/// database, as two instances behind a load balancer would be — sign in, raise issues and comment. Each of those gets a
/// 2xx, or at worst 503 with Retry-After; never another 5xx. (Before, a long issue import held SQLite's write lock past
/// the 30 s busy timeout and every other write answered 500.) Both processes wait at most 1.5 s for the database, so the
/// test sees what happens when a write cannot get it in time, without waiting 30 s.
/// </summary>
public sealed class ImportConcurrencyTests(ITestOutputHelper output)
{
    [Fact]
    public async Task WritesAndSignInsDuringALargeImport_Get2xxOr503WithRetryAfter_NeverOther5xx()
    {
        const int rows = 40_000;
        var csv = new StringBuilder("외부참조번호,제목,현황및문제점,개선건의사항,분야,건의기관코드,관련클러스터코드\r\n");
        var prefix = $"conc{Guid.NewGuid():N}"[..12];
        for (var i = 0; i < rows; i++)
            csv.Append($"{prefix}-{i},{i}번 동시성 시험 과제,\"임상시험 승인 절차가 기관마다 달라 평균 {i % 9 + 3}개월 지연됩니다.\",\"공동 심의 결과를 모든 기관이 인정하도록 고시를 개정합니다.\",clinical_trials,kbiohealth,osong\r\n");
        var body = Encoding.UTF8.GetBytes(csv.ToString());

        var settings = new Dictionary<string, string> { ["Database__BusyTimeoutMs"] = "1500" };
        await using var first = await ApiProcess.StartAsync(settings: settings);
        await using var second = await ApiProcess.StartAsync(first.DataDirectory, deleteOnDispose: false, settings: settings);
        var importKey = await first.NewKeyAsync("mohw", "import");
        var operatorKeys = new[] { await first.NewKeyAsync("kbiohealth", "read", "write"), await second.NewKeyAsync("kbiohealth", "read", "write") };
        var apis = new[] { first, second };

        // An issue to comment on, raised before the import.
        using var setup = Client(first, operatorKeys[0]);
        var raised = await setup.PostAsync("/api/v1/regulatory-issues", Http.Body(NewIssue("동시성 시험의 댓글 대상")));
        Assert.Equal(HttpStatusCode.Created, raised.StatusCode);
        var issueId = JsonDocument.Parse(await raised.Content.ReadAsStringAsync()).RootElement.GetProperty("id").GetInt64();

        using var importer = Client(first, importKey);
        importer.Timeout = TimeSpan.FromMinutes(3);
        var content = new ByteArrayContent(body);
        content.Headers.ContentType = new MediaTypeHeaderValue("text/csv");
        var watch = Stopwatch.StartNew();
        var import = importer.PostAsync("/api/v1/imports/regulatory_issues?fileName=concurrency.csv", content);

        var answers = new ConcurrentBag<string>();
        var duringImport = 0;
        async Task WriterAsync(int api)
        {
            using var client = Client(apis[api], operatorKeys[api]);
            using var browser = new HttpClient(new HttpClientHandler { CookieContainer = new CookieContainer() }) { BaseAddress = new Uri(apis[api].BaseUrl) };
            for (var n = 0; !import.IsCompleted; n++)
            {
                Interlocked.Increment(ref duringImport);
                var responses = new List<(string What, HttpResponseMessage Response)>
                {
                    ("comment", await client.PostAsync($"/api/v1/regulatory-issues/{issueId}/comments", Http.Body(new { text = $"가져오기 중 댓글 {api}-{n}" }))),
                    ("create", await client.PostAsync("/api/v1/regulatory-issues", Http.Body(NewIssue($"가져오기 중 새 과제 {api}-{n}")))),
                    ("sign-in", await browser.PostAsync("/api/v1/auth/login", Http.Body(new { username = "admin", password = ApiProcess.AdminPassword }))),
                };
                foreach (var (what, response) in responses)
                {
                    var status = (int)response.StatusCode;
                    answers.Add($"{what}@{api}:{status}");
                    Assert.False(status >= 500 && status != 503, $"{what} on instance {api + 1} answered {status} during the import: {await response.Content.ReadAsStringAsync()}");
                    if (status == 503) Assert.NotNull(response.Headers.RetryAfter);
                    response.Dispose();
                }
                await Task.Delay(50);
            }
        }
        await Task.WhenAll(WriterAsync(0), WriterAsync(1));
        var imported = await import;
        output.WriteLine($"import {(int)imported.StatusCode} after {watch.ElapsedMilliseconds} ms; {duringImport} rounds of writes and a sign-in sent while it ran: "
                         + string.Join(", ", answers.GroupBy(a => a).OrderBy(g => g.Key).Select(g => $"{g.Key}×{g.Count()}")));
        Assert.Equal(HttpStatusCode.OK, imported.StatusCode);
        Assert.True(duringImport >= 2, $"only {duringImport} rounds were sent during the import; make the file larger");
    }

    private static HttpClient Client(ApiProcess api, string key)
    {
        var client = new HttpClient { BaseAddress = new Uri(api.BaseUrl) };
        client.DefaultRequestHeaders.Add("X-Api-Key", key);
        return client;
    }

    private static object NewIssue(string title) => new
    {
        titleKo = title,
        problemKo = "다기관 임상시험 승인에 기관마다 별도 심의가 필요해 6개월 이상 지연됩니다.",
        proposalKo = "공동 IRB 심의 결과를 모든 참여 기관이 인정하도록 고시를 개정합니다.",
        category = "clinical_trials",
        clusterCodes = new[] { "osong" },
    };
}
