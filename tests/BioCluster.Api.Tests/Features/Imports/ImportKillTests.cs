using System.Diagnostics;
using System.Net.Http.Headers;
using System.Text;
using BioCluster.Api.Tests.Infrastructure;
using Dapper;
using Microsoft.Data.Sqlite;
using Xunit.Abstractions;

namespace BioCluster.Api.Tests.Features.Imports;

/// <summary>
/// A real API process killed (SIGKILL) while an import's transaction is writing: after restart the
/// database holds all of that import or none of it, and passes PRAGMA integrity_check.
/// </summary>
public sealed class ImportKillTests(ITestOutputHelper output)
{
    [Fact]
    public async Task ProcessKilledMidImport_LeavesAllOrNothing_AndAnIntactDatabase()
    {
        const int rows = 120_000;
        var prefix = $"kill{Guid.NewGuid():N}"[..12];
        var csv = new StringBuilder("code,nameKo,kind,sector,clusterCode\r\n");
        for (var i = 0; i < rows; i++) csv.Append($"{prefix}-{i},중단 시험 기업 {i},company,industry,osong\r\n");
        var body = Encoding.UTF8.GetBytes(csv.ToString());

        var api = await ApiProcess.StartAsync();
        var dataDirectory = api.DataDirectory;
        try
        {
            var key = await api.NewKeyAsync("mohw", "import");
            var wal = api.DatabaseFile + "-wal";
            var walBefore = File.Exists(wal) ? new FileInfo(wal).Length : 0;

            using var client = new HttpClient { BaseAddress = new Uri(api.BaseUrl), Timeout = TimeSpan.FromMinutes(2) };
            client.DefaultRequestHeaders.Add("X-Api-Key", key);
            var content = new ByteArrayContent(body);
            content.Headers.ContentType = new MediaTypeHeaderValue("text/csv");
            var import = client.PostAsync("/api/v1/imports/agencies", content);

            // Kill once the import's transaction has started spilling rows into the write-ahead log.
            var watch = Stopwatch.StartNew();
            while (!import.IsCompleted && (File.Exists(wal) ? new FileInfo(wal).Length : 0) < walBefore + 512 * 1024 && watch.Elapsed < TimeSpan.FromSeconds(60))
                await Task.Delay(5);
            var answeredBeforeKill = import.IsCompleted;
            api.Kill();
            output.WriteLine($"killed after {watch.ElapsedMilliseconds} ms; the import had {(answeredBeforeKill ? "" : "not ")}answered");
            Assert.False(answeredBeforeKill, "the import finished before the kill; make the file larger");
            await Assert.ThrowsAnyAsync<Exception>(() => import);
        }
        finally
        {
            api.Kill();
        }

        // The next process to open the file recovers it; what it holds is checked directly.
        await using (var db = new SqliteConnection($"Data Source={Path.Combine(dataDirectory, "biocluster.db")};Pooling=False"))
        {
            await db.OpenAsync();
            Assert.Equal("ok", await db.ExecuteScalarAsync<string>("PRAGMA integrity_check"));
            var imported = await db.ExecuteScalarAsync<long>("SELECT COUNT(*) FROM agencies WHERE code LIKE @p", new { p = prefix + "-%" });
            var audited = await db.ExecuteScalarAsync<long>(
                "SELECT COUNT(*) FROM audit_entries WHERE entity_type = 'agency' AND after_json LIKE @p", new { p = $"%{prefix}-%" });
            var runs = await db.ExecuteScalarAsync<long>("SELECT COUNT(*) FROM import_runs");
            output.WriteLine($"after the kill: {imported} agencies, {audited} audit entries, {runs} import runs");
            Assert.True(imported is 0 or rows, $"{imported} of {rows} rows survived: an import must be all or nothing");
            Assert.Equal(imported, audited);
            Assert.Equal(imported == 0 ? 0 : 1, runs);
        }

        // And the API starts on it again and answers.
        var again = await ApiProcess.StartAsync(dataDirectory);
        await again.DisposeAsync();
    }
}
