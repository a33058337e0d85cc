using BioCluster.Api.Features.Imports;
using BioCluster.Api.Tests.Infrastructure;
using Dapper;

namespace BioCluster.Api.Tests.Features.Imports;

/// <summary>A host that keeps at most 20,000 characters of rejected rows per run, so the budget shows with a small file.</summary>
public sealed class SmallRejectedBudgetFactory() : ConfiguredSqliteFactory(("Imports:MaxStoredRejectedChars", "20000"));

/// <summary>
/// Rejected rows are kept cut down — cells to 1,024 characters, rows to 64 KB, each run within its budget — so a dry run
/// of a huge or hostile file cannot grow the database by the file's size (once: a 60 MB field grew it by 120 MB per run).
/// </summary>
public sealed class RejectedRowStorageTests(SmallRejectedBudgetFactory factory) : IClassFixture<SmallRejectedBudgetFactory>
{
    [Fact]
    public async Task DryRunOfLongRejectedCells_KeepsThemCut_AndTheRunWithinItsBudget()
    {
        var prefix = $"cut{Guid.NewGuid():N}"[..10];
        var huge = new string('가', 30_000); // far over any name's limit, so every row is rejected
        var csv = "code,nameKo,kind\r\n" + string.Concat(Enumerable.Range(1, 60).Select(i => $"{prefix}-{i},{huge},company\r\n"));
        var report = await ImportsApiTests.Report(await factory.Client().PostAsync("/api/v1/imports/agencies?dryRun=true", ImportsApiTests.Csv(csv)));
        Assert.Equal(60, report.GetProperty("totals").GetProperty("rejected").GetInt32());
        Assert.True(report.GetProperty("problemsTruncated").GetBoolean()); // not every rejected row could be kept
        var id = report.GetProperty("id").GetInt64();

        await using var db = factory.OpenDatabase();
        var stored = (await db.QueryAsync<string>("SELECT cells FROM import_rejected_rows WHERE import_id = @id", new { id })).ToList();
        Assert.NotEmpty(stored);
        Assert.True(stored.Count < 60, $"{stored.Count} rows kept");
        var cells = stored.SelectMany(s => System.Text.Json.JsonSerializer.Deserialize<List<string?>>(s)!).ToList();
        Assert.All(cells, c => Assert.True((c?.Length ?? 0) <= RejectedRowCutter.MaxCellChars + 1, $"a cell of {c?.Length} characters was kept"));
        Assert.Contains(cells, c => c is not null && c.EndsWith('…'));
        Assert.True(cells.Sum(c => c?.Length ?? 0) <= 20_000);
    }

    [Fact]
    public void ARowOfAMillionCells_IsKeptToItsFirst64KB()
    {
        var cells = Enumerable.Range(0, 1_000_000).Select(i => (string?)$"셀{i}").ToList();
        var kept = new RejectedRowCutter(10_000_000).Cut(cells)!;
        Assert.True(kept.Sum(c => c?.Length ?? 0) <= RejectedRowCutter.MaxRowChars);
        Assert.Equal("셀0", kept[0]);
        Assert.True(kept.Count < 100_000);
    }
}
