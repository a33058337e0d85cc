using System.Net;
using System.Net.Http.Headers;
using System.Text;
using BioCluster.Api.Tests.Infrastructure;
using Dapper;

namespace BioCluster.Api.Tests.Features.Imports;

/// <summary>
/// An instance runs at most Imports:MaxConcurrent imports at once (more get 503 with Retry-After) and stops one that runs
/// past Imports:TimeLimitSeconds (413, rolled back, nothing written): a file that stalls cannot keep a core busy for
/// minutes, and many at once cannot take the instance's memory.
/// </summary>
public sealed class ImportGateTests
{
    private static ByteArrayContent Issues(string prefix, int rows)
    {
        var csv = new StringBuilder("외부참조번호,제목,현황및문제점,개선건의사항,분야,건의기관코드,관련클러스터코드\r\n");
        for (var i = 0; i < rows; i++)
            csv.Append($"{prefix}-{i},{i}번 한도 시험 과제,\"임상시험 승인 절차가 기관마다 달라 지연됩니다.\",\"공동 심의를 인정하도록 고시를 개정합니다.\",clinical_trials,kbiohealth,osong\r\n");
        return new ByteArrayContent(Encoding.UTF8.GetBytes(csv.ToString())) { Headers = { ContentType = new MediaTypeHeaderValue("text/csv") } };
    }

    [Fact]
    public async Task AnImportPastItsTimeLimit_Is413_AndWritesNothing()
    {
        await using var factory = new ConfiguredSqliteFactory(("Imports:TimeLimitSeconds", "1"));
        var prefix = $"slow{Guid.NewGuid():N}"[..12];
        var response = await factory.Client().PostAsync("/api/v1/imports/regulatory_issues", Issues(prefix, 80_000));
        var problem = await response.Problem(HttpStatusCode.RequestEntityTooLarge);
        Assert.Contains("1초", problem.GetProperty("detail").GetString());
        await using var db = factory.OpenDatabase();
        Assert.Equal(0, await db.ExecuteScalarAsync<long>("SELECT COUNT(*) FROM regulatory_issues WHERE external_ref LIKE @p", new { p = prefix + "-%" }));
    }

    [Fact]
    public async Task MoreImportsAtOnceThanTheInstanceRuns_Are503WithRetryAfter()
    {
        await using var factory = new ConfiguredSqliteFactory(("Imports:MaxConcurrent", "1"));
        var client = factory.Client();
        var first = client.PostAsync("/api/v1/imports/regulatory_issues", Issues($"gate{Guid.NewGuid():N}"[..12], 60_000));
        var wal = factory.DatabaseFile + "-wal";
        static long SizeOf(string file) => File.Exists(file) ? new FileInfo(file).Length : 0;
        var before = SizeOf(wal);
        for (var i = 0; i < 6000 && !first.IsCompleted && SizeOf(wal) < before + 512 * 1024; i++) // until the first is writing
            await Task.Delay(10);
        Assert.False(first.IsCompleted, "the first import finished too soon; make it larger");
        var second = await client.PostAsync("/api/v1/imports/agencies?dryRun=true", ImportsApiTests.Csv("code,nameKo,kind\r\ngate-x,두 번째,company\r\n"));
        await second.Problem(HttpStatusCode.ServiceUnavailable);
        Assert.NotNull(second.Headers.RetryAfter);
        Assert.Equal(HttpStatusCode.OK, (await first).StatusCode);
        // The slot is free again.
        Assert.Equal(HttpStatusCode.OK, (await client.PostAsync("/api/v1/imports/agencies?dryRun=true", ImportsApiTests.Csv("code,nameKo,kind\r\ngate-y,세 번째,company\r\n"))).StatusCode);
    }
}
