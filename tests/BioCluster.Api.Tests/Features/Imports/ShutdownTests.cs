using System.Diagnostics;
using System.Net;
using System.Net.Http.Headers;
using System.Text;
using BioCluster.Api.Tests.Infrastructure;
using Dapper;
using Microsoft.Data.Sqlite;
using Xunit.Abstractions;

namespace BioCluster.Api.Tests.Features.Imports;

/// <summary>
/// SIGTERM to the API as a real process: a request under way — here a large import — finishes and is answered within the
/// shutdown timeout, and the process exits cleanly; one that cannot finish in time is cancelled and its import rolls
/// back, leaving all of it or none of it and an intact database that the next process serves.
/// </summary>
public sealed class ShutdownTests(ITestOutputHelper output)
{
    private static byte[] Issues(string prefix, int rows)
    {
        var csv = new StringBuilder("외부참조번호,제목,현황및문제점,개선건의사항,분야,건의기관코드,관련클러스터코드\r\n");
        for (var i = 0; i < rows; i++)
            csv.Append($"{prefix}-{i},{i}번 종료 시험 과제,\"임상시험 승인 절차가 기관마다 달라 지연됩니다.\",\"공동 심의를 인정하도록 고시를 개정합니다.\",clinical_trials,kbiohealth,osong\r\n");
        return Encoding.UTF8.GetBytes(csv.ToString());
    }

    private static async Task<(HttpClient Client, Task<HttpResponseMessage> Import)> StartImportAsync(ApiProcess api, string key, byte[] body)
    {
        var client = new HttpClient { BaseAddress = new Uri(api.BaseUrl), Timeout = TimeSpan.FromMinutes(2) };
        client.DefaultRequestHeaders.Add("X-Api-Key", key);
        var content = new ByteArrayContent(body);
        content.Headers.ContentType = new MediaTypeHeaderValue("text/csv");
        var import = client.PostAsync("/api/v1/imports/regulatory_issues?fileName=shutdown.csv", content);
        // Terminate once the import writes (its rows reach the write-ahead log), not while the file is still uploading.
        var wal = api.DatabaseFile + "-wal";
        var before = File.Exists(wal) ? new FileInfo(wal).Length : 0;
        var watch = Stopwatch.StartNew();
        while (!import.IsCompleted && (File.Exists(wal) ? new FileInfo(wal).Length : 0) < before + 256 * 1024 && watch.Elapsed < TimeSpan.FromSeconds(60))
            await Task.Delay(5);
        Assert.False(import.IsCompleted, "the import finished before SIGTERM; make the file larger");
        return (client, import);
    }

    private static async Task<(long Issues, string Integrity)> InspectAsync(string databaseFile, string prefix)
    {
        await using var db = new SqliteConnection($"Data Source={databaseFile};Pooling=False");
        await db.OpenAsync();
        return (await db.ExecuteScalarAsync<long>("SELECT COUNT(*) FROM regulatory_issues WHERE external_ref LIKE @p", new { p = prefix + "-%" }),
            (await db.ExecuteScalarAsync<string>("PRAGMA integrity_check"))!);
    }

    [Fact]
    public async Task SigtermDuringAnImport_LetsItFinish_AndTheProcessExitsCleanly()
    {
        var prefix = $"term{Guid.NewGuid():N}"[..12];
        await using var api = await ApiProcess.StartAsync();
        var key = await api.NewKeyAsync("mohw", "import");
        var (client, import) = await StartImportAsync(api, key, Issues(prefix, 40_000));
        using (client)
        {
            var exit = api.TerminateAsync(TimeSpan.FromSeconds(60));
            var answer = await import;
            Assert.Equal(HttpStatusCode.OK, answer.StatusCode);
            Assert.Equal(0, await exit);
            // A new request after SIGTERM finds no one listening: refused at the door, not half-served.
            await Assert.ThrowsAnyAsync<HttpRequestException>(() => client.GetAsync("/health/live"));
        }
        Assert.Equal((40_000L, "ok"), await InspectAsync(api.DatabaseFile, prefix));
    }

    [Fact]
    public async Task SigtermWithAnImportLongerThanTheTimeout_RollsItBack_AndTheNextProcessServes()
    {
        var prefix = $"roll{Guid.NewGuid():N}"[..12];
        var api = await ApiProcess.StartAsync(settings: new Dictionary<string, string> { ["Api__ShutdownSeconds"] = "1" });
        var dataDirectory = api.DataDirectory;
        try
        {
            var key = await api.NewKeyAsync("mohw", "import");
            var (client, import) = await StartImportAsync(api, key, Issues(prefix, 150_000));
            using (client)
            {
                var watch = Stopwatch.StartNew();
                var exit = await api.TerminateAsync(TimeSpan.FromSeconds(60));
                output.WriteLine($"exited with {exit} after {watch.ElapsedMilliseconds} ms");
                HttpResponseMessage? answer = null;
                var failed = await Record.ExceptionAsync(async () => answer = await import);
                output.WriteLine($"the import: {(answer is not null ? $"answered {(int)answer.StatusCode}" : failed!.GetType().Name)}");
                if (answer is not null) Assert.True((int)answer.StatusCode < 500 || answer.StatusCode == HttpStatusCode.ServiceUnavailable, $"answered {(int)answer.StatusCode}");
            }
            var (issues, integrity) = await InspectAsync(api.DatabaseFile, prefix);
            Assert.Equal("ok", integrity);
            Assert.True(issues is 0 or 150_000, $"{issues} of 150,000 issues: not all or nothing");
        }
        finally
        {
            api.Kill();
        }
        await using var again = await ApiProcess.StartAsync(dataDirectory);
        using var probe = new HttpClient { BaseAddress = new Uri(again.BaseUrl) };
        Assert.Equal(HttpStatusCode.OK, (await probe.GetAsync("/health/ready")).StatusCode);
        var key2 = await again.NewKeyAsync("mohw", "read");
        probe.DefaultRequestHeaders.Add("X-Api-Key", key2);
        Assert.Equal(HttpStatusCode.OK, (await probe.GetAsync("/api/v1/regulatory-issues?limit=1")).StatusCode);
    }
}
