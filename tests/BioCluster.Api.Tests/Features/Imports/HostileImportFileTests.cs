using System.IO.Compression;
using System.Net;
using System.Net.Http.Headers;
using System.Text;
using BioCluster.Api.Tests.Infrastructure;

namespace BioCluster.Api.Tests.Features.Imports;

/// <summary>
/// Files built to swell or stall the server are refused while they are read, with a 413 (or 400) in Korean, or English
/// when asked: a huge cell, a row of thousands of cells, a header of thousands of unknown columns, deep or huge JSON, and
/// spreadsheets that declare a vast used range, a row far down, a huge shared string or unpack to gigabytes.
/// (scripts/bench-hostile-imports.sh feeds the full-size ones to the real process and prints its peak memory.)
/// </summary>
public sealed class HostileImportFileTests(SqliteApiFactory factory) : IClassFixture<SqliteApiFactory>
{
    private async Task<System.Text.Json.JsonElement> Refused(HttpContent content, HttpStatusCode status, string entity = "agencies", bool english = false)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, $"/api/v1/imports/{entity}?dryRun=true") { Content = content };
        if (english) request.Headers.AcceptLanguage.ParseAdd("en");
        var response = await factory.Client().SendAsync(request);
        var problem = await response.Problem(status);
        Assert.True(response.Content.Headers.ContentLength is null or < 16 * 1024, $"an answer of {response.Content.Headers.ContentLength} bytes");
        return problem;
    }

    private static ByteArrayContent Csv(string text) => ImportsApiTests.Csv(text);

    private static ByteArrayContent Json(string text) =>
        new(Encoding.UTF8.GetBytes(text)) { Headers = { ContentType = new MediaTypeHeaderValue("application/json") } };

    [Fact]
    public async Task ACellLongerThanAnyColumnTakes_Is413_InKoreanOrEnglish()
    {
        var csv = $"code,nameKo,kind\r\nhuge-cell,{new string('가', 40_000)},company\r\n";
        Assert.Contains("2행", (await Refused(Csv(csv), HttpStatusCode.RequestEntityTooLarge)).GetProperty("detail").GetString());
        Assert.Contains("Row 2", (await Refused(Csv(csv), HttpStatusCode.RequestEntityTooLarge, english: true)).GetProperty("detail").GetString());
        // In quotes, with line breaks inside, too.
        var quoted = $"code,nameKo,kind\r\nhuge-cell,\"{string.Concat(Enumerable.Repeat("줄\n", 20_000))}\",company\r\n";
        await Refused(Csv(quoted), HttpStatusCode.RequestEntityTooLarge);
    }

    [Fact]
    public async Task ARowOfThousandsOfCells_AndAHeaderOfThousandsOfColumns_Are413()
    {
        await Refused(Csv($"code,nameKo,kind\r\nwide,넓은 행,company{string.Concat(Enumerable.Repeat(",x", 5_000))}\r\n"), HttpStatusCode.RequestEntityTooLarge);
        await Refused(Csv(string.Join(",", Enumerable.Range(0, 100_000).Select(i => $"col{i}")) + "\r\n"), HttpStatusCode.RequestEntityTooLarge);
    }

    [Fact]
    public async Task UnknownColumns_AreListedUpTo20_AndCounted()
    {
        var header = "code,nameKo,kind," + string.Join(",", Enumerable.Range(0, 50).Select(i => $"extra{i}"));
        var detail = (await Refused(Csv(header + "\r\n"), HttpStatusCode.BadRequest)).GetProperty("detail").GetString()!;
        Assert.Contains("'extra19'", detail);
        Assert.DoesNotContain("'extra20'", detail);
        Assert.Contains("외 30개", detail);
    }

    [Fact]
    public async Task HostileJson_IsRefusedBeforeItIsHeld()
    {
        await Refused(Json($"[{{\"code\":\"big\",\"nameKo\":\"{new string('가', 40_000)}\",\"kind\":\"company\"}}]"), HttpStatusCode.RequestEntityTooLarge);
        await Refused(Json("[{" + string.Join(",", Enumerable.Range(0, 300).Select(i => $"\"k{i}\":1")) + "}]"), HttpStatusCode.RequestEntityTooLarge);
        await Refused(Json("[{\"code\":" + new string('[', 50) + new string(']', 50) + "}]"), HttpStatusCode.BadRequest);
        // A string too big for the reading window at all (over 1 MB in one token).
        await Refused(Json($"[{{\"code\":\"{new string('x', 1_500_000)}\"}}]"), HttpStatusCode.RequestEntityTooLarge);
    }

    /// <summary>A workbook holding just the parts the checks read (sheet, shared strings), written by hand.</summary>
    private static ByteArrayContent Xlsx(string sheetXml, string? sharedStrings = null, Action<ZipArchive>? more = null)
    {
        using var buffer = new MemoryStream();
        using (var zip = new ZipArchive(buffer, ZipArchiveMode.Create, leaveOpen: true))
        {
            void Part(string name, string text)
            {
                using var writer = new StreamWriter(zip.CreateEntry(name, CompressionLevel.Optimal).Open(), new UTF8Encoding(false));
                writer.Write(text);
            }
            Part("[Content_Types].xml", "<?xml version=\"1.0\"?><Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\"/>");
            Part("xl/worksheets/sheet1.xml", sheetXml);
            if (sharedStrings is not null) Part("xl/sharedStrings.xml", sharedStrings);
            more?.Invoke(zip);
        }
        return new ByteArrayContent(buffer.ToArray())
        {
            Headers = { ContentType = new MediaTypeHeaderValue("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet") },
        };
    }

    private const string Ns = "xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\"";

    [Fact]
    public async Task SpreadsheetsThatDeclareOrUnpackToTooMuch_Are413_WithinSeconds()
    {
        var watch = System.Diagnostics.Stopwatch.StartNew();
        // A used range 16,384 columns wide, and one row a million rows down: once expanded cell by cell for minutes.
        await Refused(Xlsx($"<worksheet {Ns}><dimension ref=\"A1:XFD1\"/><sheetData><row r=\"1\"><c r=\"A1\" t=\"inlineStr\"><is><t>code</t></is></c></row></sheetData></worksheet>"),
            HttpStatusCode.RequestEntityTooLarge);
        await Refused(Xlsx($"<worksheet {Ns}><sheetData><row r=\"1\"><c r=\"A1\" t=\"inlineStr\"><is><t>code</t></is></c></row><row r=\"1000000\"><c r=\"A1000000\"><v>1</v></c></row></sheetData></worksheet>"),
            HttpStatusCode.RequestEntityTooLarge);
        await Refused(Xlsx($"<worksheet {Ns}><sheetData><row r=\"1\"><c r=\"ZZ1\"><v>1</v></c></row></sheetData></worksheet>"), HttpStatusCode.RequestEntityTooLarge);
        // One shared string of 100,000 characters.
        await Refused(Xlsx($"<worksheet {Ns}><sheetData/></worksheet>", $"<sst {Ns}><si><t>{new string('가', 100_000)}</t></si></sst>"),
            HttpStatusCode.RequestEntityTooLarge);
        // A sheet that unpacks to 300 MB (a few hundred KB packed).
        await Refused(Xlsx($"<worksheet {Ns}><sheetData/></worksheet>", more: zip =>
        {
            using var part = zip.CreateEntry("xl/worksheets/sheet0.xml", CompressionLevel.Optimal).Open();
            var zeros = new byte[1024 * 1024];
            for (var i = 0; i < 300; i++) part.Write(zeros);
        }), HttpStatusCode.RequestEntityTooLarge);
        Assert.True(watch.Elapsed < TimeSpan.FromSeconds(30), $"refusing took {watch.Elapsed}");
    }
}
