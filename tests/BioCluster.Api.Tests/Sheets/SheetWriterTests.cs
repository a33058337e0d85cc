using System.Runtime.CompilerServices;
using BioCluster.Api.Infrastructure.Sheets;
using BioCluster.Api.Tests.Infrastructure;
using BioCluster.Contracts.RegulatoryIssues;
using CsCheck;

namespace BioCluster.Api.Tests.Sheets;

/// <summary>The export writers on their own, with no host: formatting, neutralising, and that they stream.</summary>
public sealed class SheetWriterTests
{
    private sealed record Row(long Id, string? Text, IssueStatus Status, string[] Tags, DateOnly? On, DateTimeOffset At, double? Number, bool Flag);

    private static readonly IReadOnlyList<SheetColumn> RowColumns =
    [
        new("id", "ID"), new("text", "내용"), new("status", "상태"), new("tags", "태그"), new("on", "날짜"), new("at", "일시"),
        new("number", "수치"), new("flag", "여부"), new("later", "나중"),
    ];

    private static object? RowCell(Row r, string column) => column switch
    {
        "id" => r.Id, "text" => r.Text, "status" => r.Status, "tags" => r.Tags, "on" => r.On, "at" => r.At, "number" => r.Number, "flag" => r.Flag,
        _ => null,
    };

    private static readonly Row[] Sample =
    [
        new(1, "바이오 인력 규제, \"특례\"\n둘째 줄", IssueStatus.UnderReview, ["임상", "IRB"], new DateOnly(2026, 3, 1),
            new DateTimeOffset(2026, 11, 25, 10, 0, 0, TimeSpan.FromHours(9)), -12.5, true),
        new(2, "=HYPERLINK(\"http://x\",\"클릭\")", IssueStatus.Submitted, [], null, DateTimeOffset.UnixEpoch, null, false),
        new(3, "+1", IssueStatus.Accepted, ["a"], null, DateTimeOffset.UnixEpoch, 0, false),
        new(4, "@x", IssueStatus.Accepted, [], null, DateTimeOffset.UnixEpoch, null, false),
        new(5, "-2+3", IssueStatus.Accepted, [], null, DateTimeOffset.UnixEpoch, null, false),
        new(6, "\tcmd", IssueStatus.Accepted, [], null, DateTimeOffset.UnixEpoch, null, false),
        new(7, "a & b < c > d _x0041_ \u0001 끝", IssueStatus.Accepted, [], null, DateTimeOffset.UnixEpoch, null, false),
    ];

    private static async IAsyncEnumerable<T> Async<T>(IEnumerable<T> items)
    {
        foreach (var item in items)
        {
            await Task.Yield();
            yield return item;
        }
    }

    [Fact]
    public async Task Csv_FormatsEveryKindOfValue_QuotesAndNeutralises()
    {
        var output = new AsyncOnlyStream();
        await CsvSheetWriter.WriteAsync(output, RowColumns, RowCell, Async(Sample), SheetLanguage.Korean, CancellationToken.None);
        var rows = SheetFiles.ReadCsv(output.ToArray());

        // A file for a person: Korean headers, labels, moments in Korean time to the minute, 예/아니요.
        Assert.Equal(RowColumns.Select(c => c.Korean), rows[0]);
        Assert.Equal(["1", "바이오 인력 규제, \"특례\"\n둘째 줄", "검토 중", "임상;IRB", "2026-03-01", "2026-11-25 10:00", "-12.5", "예", ""], rows[1]);
        Assert.Equal("1970-01-01 09:00", rows[2][5]); // the Unix epoch is 09:00 in Korea
        Assert.Equal(["'=HYPERLINK(\"http://x\",\"클릭\")", "'+1", "'@x", "'-2+3", "'\tcmd"], rows[2..7].Select(r => r[1]));
        Assert.Equal("", rows[2][3]); // an empty list is an empty cell
        Assert.Equal("0", rows[3][6]);
        Assert.Equal("아니요", rows[2][7]);
    }

    [Fact]
    public async Task Csv_InEnglish_HasTheColumnNamesAndEnglishLabels()
    {
        var output = new AsyncOnlyStream();
        await CsvSheetWriter.WriteAsync(output, RowColumns, RowCell, Async(Sample[..2]), SheetLanguage.English, CancellationToken.None);
        var rows = SheetFiles.ReadCsv(output.ToArray());

        Assert.Equal(RowColumns.Select(c => c.Name), rows[0]);
        Assert.Equal(["1", "바이오 인력 규제, \"특례\"\n둘째 줄", "Under review", "임상;IRB", "2026-03-01", "2026-11-25 10:00", "-12.5", "Yes", ""], rows[1]);
        Assert.Equal(["Submitted", "No"], new[] { rows[2][2], rows[2][7] });
    }

    [Fact]
    public async Task Xlsx_AReport_KoreanHeaders_DateCells_TextAndNumbers_NeverFormulas()
    {
        var output = new AsyncOnlyStream();
        await XlsxSheetWriter.WriteAsync(output, "시험", RowColumns, RowCell, Async(Sample), SheetLanguage.Korean, CancellationToken.None);
        var bytes = output.ToArray();
        var rows = SheetFiles.ReadXlsx(bytes);

        Assert.Equal(RowColumns.Select(c => (string?)c.Korean), rows[0]);
        // Days and moments are date cells: a spreadsheet reader gets dates back (the moment in Korean time), not text.
        Assert.Equal(new string?[] { "1", "바이오 인력 규제, \"특례\"\n둘째 줄", "검토 중", "임상;IRB", "03/01/2026 00:00:00", "11/25/2026 10:00:00", "-12.5", "예", null }, rows[1]);
        Assert.Equal(["'=HYPERLINK(\"http://x\",\"클릭\")", "'+1", "'@x", "'-2+3", "'\tcmd"], rows[2..7].Select(r => r[1]));
        Assert.Equal("a & b < c > d _x0041_ \u0001 끝", rows[7][1]);

        using var zip = new System.IO.Compression.ZipArchive(new MemoryStream(bytes));
        var sheet = new StreamReader(zip.GetEntry("xl/worksheets/sheet1.xml")!.Open()).ReadToEnd();
        Assert.DoesNotContain("<f>", sheet);
        Assert.DoesNotContain("<f ", sheet);
        Assert.Contains("state=\"frozen\"", sheet);
        Assert.Contains("<c r=\"A2\" s=\"0\"><v>1</v></c>", sheet); // the id is a number cell
        Assert.Contains("<c r=\"E2\" s=\"3\"><v>46082</v></c>", sheet); // 2026-03-01 as a day serial in the yyyy-mm-dd style
        Assert.Contains("<autoFilter ref=\"A1:I8\"/>", sheet); // the header row filters every row written
        Assert.Contains("<col min=\"2\" max=\"2\" width=", sheet);
        Assert.Contains("orientation=\"landscape\"", sheet);
        var workbook = new StreamReader(zip.GetEntry("xl/workbook.xml")!.Open()).ReadToEnd();
        Assert.Contains("name=\"시험\"", workbook);
        Assert.Contains("<definedName name=\"_xlnm._FilterDatabase\" localSheetId=\"0\" hidden=\"1\">'시험'!$A$1:$I$8</definedName>", workbook);
        Assert.Contains("<definedName name=\"_xlnm.Print_Titles\" localSheetId=\"0\">'시험'!$1:$1</definedName>", workbook);
    }

    [Theory]
    [InlineData("규제개선과제", "규제개선과제")]
    [InlineData("a[b]:c*d?e/f\\g", "abcdefg")]
    [InlineData("'따옴표'", "따옴표")]
    [InlineData("", "Sheet1")]
    [InlineData("가나다라마바사아자차카타파하가나다라마바사아자차카타파하가나다라마", "가나다라마바사아자차카타파하가나다라마바사아자차카타파하가나다")]
    public void SheetName_IsOneExcelAccepts(string given, string expected) => Assert.Equal(expected, XlsxSheetWriter.SheetName(given));

    [Theory]
    [InlineData("1,234", "1234")]
    [InlineData("-12,345.5", "-12345.5")]
    [InlineData("1,234,567", "1234567")]
    [InlineData(" 2,019 ", "2019")]
    [InlineData("1,2", "1,2")] // not grouping in threes: left for the parser to refuse
    [InlineData("12,34", "12,34")]
    [InlineData("abc", "abc")]
    public void ThousandsSeparators_AreRemovedOnlyWhenTheyGroupDigits(string text, string expected) =>
        Assert.Equal(expected, SheetNumbers.WithoutGrouping(text));

    [Theory]
    [InlineData("csv")]
    [InlineData("xlsx")]
    public async Task Writers_Stream_OutputGrowsWhileRowsAreStillBeingRead(string format)
    {
        const int total = 60_000;
        var output = new AsyncOnlyStream();
        var writtenWhenRead = new long[total];
        async IAsyncEnumerable<Row> Rows([EnumeratorCancellation] CancellationToken ct = default)
        {
            for (var i = 0; i < total; i++)
            {
                if (i % 1000 == 0) await Task.Yield();
                writtenWhenRead[i] = output.Length;
                yield return new Row(i, $"행 {i} 의 조금 긴 설명 텍스트 {Guid.NewGuid()}", IssueStatus.Submitted, ["a", "b"], null, DateTimeOffset.UnixEpoch, i * 1.5, i % 2 == 0);
            }
        }
        if (format == "csv") await CsvSheetWriter.WriteAsync(output, RowColumns, RowCell, Rows(), SheetLanguage.Korean, CancellationToken.None);
        else await XlsxSheetWriter.WriteAsync(output, "stream", RowColumns, RowCell, Rows(), SheetLanguage.Korean, CancellationToken.None);

        // Had the writer held the rows (or the sheet) back, nothing would have reached the stream before the last row was read.
        Assert.True(writtenWhenRead[total / 10] > 0, $"nothing written after {total / 10} rows");
        Assert.True(writtenWhenRead[total - 1] > output.Length * 0.8,
            $"only {writtenWhenRead[total - 1]} of {output.Length} bytes were written before the last row was read");
    }

    /// <summary>Formula starts the first check missed: full-width and other compatibility forms, and white space before.</summary>
    public static readonly TheoryData<string> HiddenFormulas = new()
    {
        "＝1+1", "＋1", "－1", "＠SUM(A1)", "﹦1", "⁺1", "₌1", " =1+1", "   =HYPERLINK(\"http://x\")", "\t=1", "\n=1", "\r\n=1",
        "\u3000=1", "\u00a0=1", "\u200b=1", "\ufeff=1", "\u0001=1", " ＝1", "\n－1", "'=1", " '＝1", "\u22121",
    };

    [Theory]
    [MemberData(nameof(HiddenFormulas))]
    public async Task Csv_NeutralisesFormulasBehindWhiteSpaceAndFullWidthSigns_AndTheyImportBackUnchanged(string text)
    {
        var output = new AsyncOnlyStream();
        Row[] rows = [new(1, text, IssueStatus.Accepted, [], null, DateTimeOffset.UnixEpoch, null, false)];
        await CsvSheetWriter.WriteAsync(output, RowColumns, RowCell, Async(rows), SheetLanguage.Korean, CancellationToken.None);
        var written = SheetFiles.ReadCsv(output.ToArray())[1][1];
        Assert.Equal("'" + text, written);

        // The import reads the exported file back through its own reader: the value as it was (the import trims cells).
        await using var file = await BioCluster.Api.Features.Imports.ImportFile.SpoolAsync(
            new MemoryStream(output.ToArray()), "text/csv", null, "export.csv", long.MaxValue, CancellationToken.None);
        string? imported = null;
        await foreach (var row in file.RowsAsync(RowColumns, CancellationToken.None)) imported = row.Cells[1];
        Assert.Equal(text.Trim(), imported);
    }

    [Fact]
    public void Neutralise_IsUndoneByTheImport_ForAnyText_AndGuardsEveryFormulaStart()
    {
        var prefixes = Gen.OneOf<string>("", " ", "  ", "\t", "\r", "\n", "\r\n", "\u3000", "\u00a0", "\u200b", "\u0001", "'", "''", "＇", " '");
        var signs = Gen.OneOf<string>("=", "+", "-", "@", "＝", "＋", "－", "＠", "﹦", "﹢", "﹣", "﹫", "⁼", "⁺", "⁻", "₊", "₋", "₌", "\u2212");
        var rest = Gen.OneOf(Gen.String, Gen.OneOf<string>("", "1+1", "HYPERLINK(\"http://x\")", "cmd|' /C calc'!A0", "바이오", " "));
        var plain = Gen.OneOf(Gen.String, Gen.Char.Array.Select(c => new string(c)), Gen.OneOf<string>("바이오 규제", "a=b", "1-2", "abc@x.kr", "''", "'", " ' "));

        // Every value that starts, after anything a spreadsheet passes over, with a formula sign is guarded.
        Gen.Select(prefixes.Array[0, 3], signs, rest).Sample((pre, sign, tail) =>
        {
            var value = string.Concat(pre.Where(p => !p.Contains('\''))) + sign + tail;
            Assert.StartsWith("'", SheetCells.Neutralise(value));
        }, iter: 5_000);

        // And whatever the text, the import's reverse gives back what importing the text itself would.
        Gen.OneOf(plain, Gen.Select(prefixes.Array[0, 3], signs, rest, (pre, sign, tail) => string.Concat(pre) + sign + tail)).Sample(value =>
        {
            var expected = value.Trim().Length == 0 ? null : value.Trim();
            Assert.Equal(expected, BioCluster.Api.Features.Imports.ImportFile.Clean(SheetCells.Neutralise(value)));
        }, iter: 20_000);
    }

    [Fact]
    public void Neutralise_LeavesOrdinaryTextAlone_AndCopesWithLongAndBrokenText()
    {
        foreach (var text in new[] { "바이오 규제", "a=b", "1-2", "abc@x.kr", "Ｈello", "⑴ 항목", " 앞 공백", "\uD800=1" })
            Assert.Equal(text, SheetCells.Neutralise(text));
        var apostrophes = new string('\'', 200_000) + "=1";
        Assert.StartsWith("''", SheetCells.Neutralise(apostrophes));
        Assert.Equal(apostrophes, BioCluster.Api.Features.Imports.ImportFile.Clean(SheetCells.Neutralise(apostrophes)));
    }

    [Fact]
    public void ColumnLetters_AreSpreadsheetColumns()
    {
        Assert.Equal(["A", "Z", "AA", "AB", "AZ", "BA"], new[] { 0, 25, 26, 27, 51, 52 }.Select(XlsxSheetWriter.ColumnLetters));
    }

    /// <summary>A write-only, unseekable stream, like a response body, that refuses synchronous writes as Kestrel does.</summary>
    private sealed class AsyncOnlyStream : Stream
    {
        private readonly MemoryStream _bytes = new();
        public override bool CanRead => false;
        public override bool CanSeek => false;
        public override bool CanWrite => true;
        public override long Length => _bytes.Length;
        public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }
        public byte[] ToArray() => _bytes.ToArray();
        public override void Flush() { }
        public override Task FlushAsync(CancellationToken ct) => Task.CompletedTask;
        public override int Read(byte[] buffer, int offset, int count) => throw new NotSupportedException();
        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
        public override void SetLength(long value) => throw new NotSupportedException();
        public override void Write(byte[] buffer, int offset, int count) => throw new InvalidOperationException("Synchronous writes are not allowed.");
        public override ValueTask WriteAsync(ReadOnlyMemory<byte> buffer, CancellationToken ct = default)
        {
            _bytes.Write(buffer.Span);
            return ValueTask.CompletedTask;
        }
        public override Task WriteAsync(byte[] buffer, int offset, int count, CancellationToken ct) => WriteAsync(buffer.AsMemory(offset, count), ct).AsTask();
    }
}
