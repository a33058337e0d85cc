using System.Net;
using System.Text.Json;
using BioCluster.Api.Tests.Features.RegulatoryIssues;
using BioCluster.Api.Tests.Infrastructure;
using MiniExcelLibs;

namespace BioCluster.Api.Tests.Features.PolicyRecommendations;

/// <summary>The recommendations' Excel export (ADR 0020): the list's filters, Korean headers (English on ?lang=en), dates as date cells.</summary>
public sealed class RecommendationXlsxExportTests
{
    private const string Path = "/api/v1/policy-recommendations";

    private static readonly string[] KoreanHeaders =
        ["번호", "주제", "주제(영문)", "제기 기관", "주관 부처", "관계 부처", "클러스터", "제기 회의", "상태", "답변 기한", "답변", "수용 부분", "검토 기한", "기한 경과", "연계 과제", "제기 일시"];

    [Fact]
    public async Task Xlsx_HasKoreanHeaders_TheListsFilters_AndDateCells()
    {
        await using var host = new IssuesFactory(); // its own host: the export holds every recommendation the caller may read
        var op = await host.Party("kbiohealth");
        var secretariat = await host.Party("mohw");
        var marker = $"엑셀제언{Guid.NewGuid():N}"[..14];
        async Task<long> Raise(string theme, string lead)
        {
            var r = await op.PostAsync(Path, Http.Body(new
            {
                themeKo = theme, text = "다기관 임상시험에서 공동 IRB 심의 결과를 모든 참여 기관이 인정하도록 제도화해 주십시오.", leadMinistryCode = lead,
                clusterCodes = new[] { "osong" },
            }));
            Assert.Equal(HttpStatusCode.Created, r.StatusCode);
            return (await r.Read<JsonElement>()).GetProperty("id").GetInt64();
        }
        var routed = await Raise($"{marker} 식약처", "mfds");
        await Raise($"=1+1 {marker} 산업부", "motie");
        var move = await secretariat.Send(HttpMethod.Post, $"{Path}/{routed}/transitions", Http.Body(new { to = "routed", responseDueAt = "2026-12-24T08:59:00Z" }),
            (await secretariat.GetAsync($"{Path}/{routed}")).ETag());
        Assert.Equal(HttpStatusCode.OK, move.StatusCode);

        var response = await op.GetAsync($"{Path}/export.xlsx");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", response.Content.Headers.ContentType?.MediaType);
        var bytes = await response.Content.ReadAsByteArrayAsync();
        var rows = SheetFiles.ReadXlsx(bytes);
        Assert.Equal(KoreanHeaders.Select(h => (string?)h), rows[0]);
        Assert.Equal(2, rows.Count - 1);
        Assert.Contains(rows.Skip(1), r => r[1] == $"'=1+1 {marker} 산업부"); // a formula is written as text

        // Dates are date cells: a spreadsheet reader gets DateTime values, not text.
        var cells = MiniExcel.Query(new MemoryStream(bytes), useHeaderRow: false, excelType: ExcelType.XLSX).Cast<IDictionary<string, object?>>().ToList();
        var routedRow = cells.Skip(1).Single(r => Convert.ToInt64(r["A"], System.Globalization.CultureInfo.InvariantCulture) == routed);
        Assert.IsType<DateTime>(routedRow["J"]); // 답변 기한
        var due = (DateTime)routedRow["J"]!;
        Assert.Equal(new DateTime(2026, 12, 24, 17, 59, 0), new DateTime(due.Year, due.Month, due.Day, due.Hour, due.Minute, 0)); // in Korean time
        Assert.IsType<DateTime>(routedRow["P"]); // 제기 일시

        // The list's filters apply; a bad one is a 400 problem, not a file.
        var onlyMfds = SheetFiles.ReadXlsx(await op.GetByteArrayAsync($"{Path}/export.xlsx?ministryCode=mfds"));
        Assert.Equal($"{marker} 식약처", Assert.Single(onlyMfds.Skip(1))[1]);
        var bad = await op.GetAsync($"{Path}/export.xlsx?state=nonsense");
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        Assert.Equal("application/problem+json", bad.Content.Headers.ContentType?.MediaType);
        // English headers on request.
        var english = SheetFiles.ReadXlsx(await op.GetByteArrayAsync($"{Path}/export.xlsx?lang=en"));
        Assert.NotEqual(KoreanHeaders[1], english[0][1]);
    }
}
