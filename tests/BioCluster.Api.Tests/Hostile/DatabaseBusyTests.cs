using System.Net;
using BioCluster.Api.Tests.Infrastructure;
using Microsoft.Data.Sqlite;

namespace BioCluster.Api.Tests.Hostile;

/// <summary>
/// A write that cannot get the database in time (another connection holds SQLite's write lock past the busy timeout)
/// is a 503 problem with Retry-After, never a 500, and writes nothing. The busy timeout is shortened so the test waits
/// a third of a second, not the default 30 s.
/// </summary>
public sealed class DatabaseBusyTests(DatabaseBusyTests.Factory factory) : IClassFixture<DatabaseBusyTests.Factory>
{
    public sealed class Factory() : ConfiguredSqliteFactory(("Database:BusyTimeoutMs", "300"));

    private readonly Factory _factory = factory;

    [Fact]
    public async Task WriteWhileAnotherHoldsTheLock_Returns503WithRetryAfter_AndWritesNothing()
    {
        var admin = _factory.Client();
        (await admin.GetAsync("/api/v1/clusters")).EnsureSuccessStatusCode(); // signed in before the lock is taken
        var code = $"busy{Guid.NewGuid():N}"[..12];
        var body = new { code, nameKo = "잠금 시험 클러스터", region = "seoul", operatorCode = "kbiohealth" };

        await using (var holder = new SqliteConnection($"Data Source={_factory.DatabaseFile}"))
        {
            await holder.OpenAsync();
            await using (var begin = holder.CreateCommand())
            {
                begin.CommandText = "BEGIN IMMEDIATE";
                await begin.ExecuteNonQueryAsync();
            }
            var refused = await admin.PostAsync("/api/v1/clusters", Http.Body(body));
            var problem = await refused.Problem(HttpStatusCode.ServiceUnavailable);
            Assert.NotNull(refused.Headers.RetryAfter);
            Assert.Contains("다시", problem.GetProperty("detail").GetString()); // Korean by default

            using var english = new HttpRequestMessage(HttpMethod.Post, "/api/v1/clusters") { Content = Http.Body(body) };
            english.Headers.AcceptLanguage.ParseAdd("en-US,en;q=0.9");
            var refusedInEnglish = await admin.SendAsync(english);
            Assert.Contains("try again", (await refusedInEnglish.Problem(HttpStatusCode.ServiceUnavailable)).GetProperty("title").GetString());

            await using var rollback = holder.CreateCommand();
            rollback.CommandText = "ROLLBACK";
            await rollback.ExecuteNonQueryAsync();
        }

        Assert.Equal(HttpStatusCode.NotFound, (await admin.GetAsync($"/api/v1/clusters/by-code/{code}")).StatusCode);
        Assert.Equal(HttpStatusCode.Created, (await admin.PostAsync("/api/v1/clusters", Http.Body(body))).StatusCode);
    }
}
