using System.Diagnostics;
using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using BioCluster.Api.Tests.Infrastructure;
using Dapper;
using Microsoft.Data.Sqlite;
using Xunit.Abstractions;

namespace BioCluster.Api.Tests.Features.Health;

/// <summary>
/// SIGTERM to a real API process in the middle of an import: the import finishes (or, past the shutdown timeout, rolls
/// back and gives its Idempotency-Key up), new requests are turned away cleanly, and the database stays whole.
/// </summary>
public sealed class ShutdownTests(ITestOutputHelper output)
{
    private static (string Prefix, byte[] Body) AgenciesCsv(int rows)
    {
        var prefix = $"stop{Guid.NewGuid():N}"[..12];
        var csv = new StringBuilder("code,nameKo,kind,sector,clusterCode\r\n");
        for (var i = 0; i < rows; i++) csv.Append($"{prefix}-{i},종료 시험 기업 {i},company,industry,osong\r\n");
        return (prefix, Encoding.UTF8.GetBytes(csv.ToString()));
    }

    private static ByteArrayContent Csv(byte[] body)
    {
        var content = new ByteArrayContent(body);
        content.Headers.ContentType = new MediaTypeHeaderValue("text/csv");
        return content;
    }

    private static HttpClient Client(ApiProcess api, string secret)
    {
        var client = new HttpClient { BaseAddress = new Uri(api.BaseUrl), Timeout = TimeSpan.FromMinutes(3) };
        client.DefaultRequestHeaders.Add("X-Api-Key", secret);
        return client;
    }

    /// <summary>Waits until the import's transaction is writing: its rows have started to fill the write-ahead log.</summary>
    private static async Task WaitUntilWritingAsync(ApiProcess api, Task import)
    {
        var wal = api.DatabaseFile + "-wal";
        var before = File.Exists(wal) ? new FileInfo(wal).Length : 0;
        var watch = Stopwatch.StartNew();
        while (!import.IsCompleted && (File.Exists(wal) ? new FileInfo(wal).Length : 0) < before + 512 * 1024 && watch.Elapsed < TimeSpan.FromSeconds(60))
            await Task.Delay(5);
        Assert.False(import.IsCompleted, "the import finished before the signal; make the file larger");
    }

    private static async Task<SqliteConnection> OpenAsync(string dataDirectory)
    {
        var db = new SqliteConnection($"Data Source={Path.Combine(dataDirectory, "biocluster.db")};Pooling=False");
        await db.OpenAsync();
        return db;
    }

    [Fact]
    public async Task Sigterm_DuringAnImport_LetsItFinishWith200_RefusesNewRequests_AndExits0()
    {
        const int rows = 120_000;
        var (prefix, body) = AgenciesCsv(rows);
        var api = await ApiProcess.StartAsync();
        await using var _ = api;
        using var client = Client(api, await api.NewKeyAsync("mohw", "import"));
        using var other = new HttpClient { BaseAddress = new Uri(api.BaseUrl) };
        Assert.Equal(HttpStatusCode.OK, (await other.GetAsync("/health/live")).StatusCode); // an idle kept-alive connection

        var import = client.PostAsync("/api/v1/imports/agencies", Csv(body));
        await WaitUntilWritingAsync(api, import);
        var exit = api.TerminateAsync();

        // New work while the API stops: refused (connection refused or closed, or 503 with Retry-After), never run.
        await Task.Delay(500);
        try
        {
            using var late = await other.GetAsync("/health/ready");
            output.WriteLine($"a request during shutdown: {(int)late.StatusCode}");
            Assert.Equal(HttpStatusCode.ServiceUnavailable, late.StatusCode);
            Assert.NotNull(late.Headers.RetryAfter);
        }
        catch (HttpRequestException e)
        {
            output.WriteLine($"a request during shutdown: {e.Message}");
        }

        using var answer = await import;
        var report = await answer.Content.ReadAsStringAsync();
        Assert.True(answer.StatusCode == HttpStatusCode.OK, $"{(int)answer.StatusCode}: {report}");
        Assert.Equal(rows, JsonDocument.Parse(report).RootElement.GetProperty("totals").GetProperty("created").GetInt32());
        Assert.Equal(0, await exit);

        await using var db = await OpenAsync(api.DataDirectory);
        Assert.Equal("ok", await db.ExecuteScalarAsync<string>("PRAGMA integrity_check"));
        Assert.Equal(rows, await db.ExecuteScalarAsync<long>("SELECT COUNT(*) FROM agencies WHERE code LIKE @p", new { p = prefix + "-%" }));
    }

    [Fact]
    public async Task Sigterm_DuringAnImportLongerThanTheShutdownTimeout_RollsItBack_ReleasesItsKey_AndARestartServes()
    {
        const int rows = 200_000;
        var (prefix, body) = AgenciesCsv(rows);
        var key = Guid.NewGuid().ToString();
        var api = await ApiProcess.StartAsync(settings: new Dictionary<string, string> { ["Api__ShutdownSeconds"] = "2" });
        var dataDirectory = api.DataDirectory;
        var secret = await api.NewKeyAsync("mohw", "import");
        int exitCode;
        bool answeredOk;
        try
        {
            using var client = Client(api, secret);
            using var request = new HttpRequestMessage(HttpMethod.Post, "/api/v1/imports/agencies") { Content = Csv(body) };
            request.Headers.Add("Idempotency-Key", key);
            var import = client.SendAsync(request);
            await WaitUntilWritingAsync(api, import);
            var watch = Stopwatch.StartNew();
            exitCode = await api.TerminateAsync();
            output.WriteLine($"exited {exitCode} after {watch.ElapsedMilliseconds} ms");
            // Within the configured timeout (2 s), not whenever the import would have ended.
            Assert.True(watch.Elapsed < TimeSpan.FromSeconds(5), $"the process took {watch.ElapsedMilliseconds} ms to stop");
            // The caller is told what became of the import — its answer, or 503 when it was rolled back to let the
            // process stop — rather than left with a dropped connection and no idea; never a 500.
            using var answer = await import;
            var text = await answer.Content.ReadAsStringAsync();
            output.WriteLine($"the import answered {(int)answer.StatusCode}: {text}");
            Assert.True(answer.StatusCode is HttpStatusCode.OK or HttpStatusCode.ServiceUnavailable, $"{(int)answer.StatusCode}: {text}");
            if (answer.StatusCode == HttpStatusCode.ServiceUnavailable) Assert.NotNull(answer.Headers.RetryAfter);
            answeredOk = answer.StatusCode == HttpStatusCode.OK;
        }
        finally
        {
            api.Kill();
        }
        Assert.Equal(0, exitCode);

        long imported;
        await using (var db = await OpenAsync(dataDirectory))
        {
            Assert.Equal("ok", await db.ExecuteScalarAsync<string>("PRAGMA integrity_check"));
            imported = await db.ExecuteScalarAsync<long>("SELECT COUNT(*) FROM agencies WHERE code LIKE @p", new { p = prefix + "-%" });
            var runs = await db.ExecuteScalarAsync<long>("SELECT COUNT(*) FROM import_runs");
            output.WriteLine($"after the stop: {imported} agencies, {runs} import runs");
            Assert.True(imported is 0 or rows, $"{imported} of {rows} rows survived: an import must be all or nothing");
            Assert.Equal(answeredOk ? rows : 0, imported);
            Assert.Equal(imported == 0 ? 0 : 1, runs);
            // The key was given up (or completed), never left claimed by a process that is gone.
            Assert.Equal(0, await db.ExecuteScalarAsync<long>("SELECT COUNT(*) FROM idempotency_keys WHERE status_code IS NULL"));
        }

        // A restarted API is ready, serves, and the same import under the same key runs (or replays) at once.
        await using var again = await ApiProcess.StartAsync(dataDirectory);
        using var retry = Client(again, secret);
        Assert.Equal(HttpStatusCode.OK, (await retry.GetAsync("/health/ready")).StatusCode);
        using var resend = new HttpRequestMessage(HttpMethod.Post, "/api/v1/imports/agencies") { Content = Csv(body) };
        resend.Headers.Add("Idempotency-Key", key);
        using var second = await retry.SendAsync(resend);
        Assert.True(second.StatusCode == HttpStatusCode.OK, $"{(int)second.StatusCode}: {await second.Content.ReadAsStringAsync()}");
        await using var after = await OpenAsync(dataDirectory);
        Assert.Equal(rows, await after.ExecuteScalarAsync<long>("SELECT COUNT(*) FROM agencies WHERE code LIKE @p", new { p = prefix + "-%" }));
    }
}
