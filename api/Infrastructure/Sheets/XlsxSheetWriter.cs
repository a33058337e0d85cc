using System.Globalization;
using System.IO.Compression;
using System.Text;
using System.Text.RegularExpressions;

namespace BioCluster.Api.Infrastructure.Sheets;

/// <summary>
/// A one-sheet XLSX written as the rows arrive, straight into a zip on the output stream (which need not be
/// seekable), laid out as a report an official can file: the headers (in the file's language) in a bold, shaded,
/// frozen first row with a filter on it, column widths set, then one row per record; days and moments (Korean time)
/// are real date cells, numbers are number cells, text cells are inline strings in the text ("@") format; printed
/// landscape on A4, one page wide, the header row repeated on every page. Nothing is ever a formula, and
/// formula-looking text is neutralised as in CSV. Only asynchronous writes reach the output stream.
/// </summary>
/// <remarks>
/// Written by hand rather than with MiniExcel: MiniExcel 1.46 opens its zip in update mode, which needs a
/// seekable stream and keeps the whole uncompressed sheet in memory until the end (measured: the managed heap
/// grew by ~36 MB per 100,000 short rows, to a temp file as much as to memory), so a large export would not
/// stay bounded. This writer keeps one row, the compressor's buffers and at most ~64 KB of output in memory,
/// and needs no temporary file.
/// </remarks>
public static partial class XlsxSheetWriter
{
    /// <summary>Excel refuses a cell longer than this; longer text is cut (REVIEW: only audit JSON or pathological text gets near it).</summary>
    public const int MaxCellLength = 32_767;

    private const string Main = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";
    private const string Relationships = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";
    private const string PackageRelationships = "http://schemas.openxmlformats.org/package/2006/relationships";

    // Styles: 0 default (numbers), 1 the header (bold, shaded, ruled, text), 2 text format "@" (so an edited cell
    // stays text), 3 a day (yyyy-mm-dd), 4 a moment (yyyy-mm-dd hh:mm).
    private const int NumberStyle = 0, HeaderStyle = 1, TextStyle = 2, DateStyle = 3, DateTimeStyle = 4;

    /// <summary>Compressed bytes are passed on to the output once this many have gathered.</summary>
    private const int DrainAt = 64 * 1024;

    public static async Task WriteAsync<T>(Stream output, string sheetName, IReadOnlyList<SheetColumn> columns, SheetCell<T> cell,
        IAsyncEnumerable<T> rows, SheetLanguage language, CancellationToken ct)
    {
        sheetName = SheetName(sheetName);
        // The zip writes synchronously (closing an entry flushes its compressor with a blocking write), which a
        // response body refuses. So the zip writes into a small spool in memory, and the spool is drained into the
        // output asynchronously every DrainAt bytes: memory stays at one row plus the compressor's buffers.
        var spool = new Spool();
        using (var zip = new ZipArchive(spool, ZipArchiveMode.Create, leaveOpen: true))
        {
            Part(zip, "[Content_Types].xml", ContentTypes);
            Part(zip, "_rels/.rels", RootRelationships);
            Part(zip, "xl/_rels/workbook.xml.rels", WorkbookRelationships);
            Part(zip, "xl/styles.xml", Styles);

            using var sheet = new StreamWriter(zip.CreateEntry("xl/worksheets/sheet1.xml", CompressionLevel.Fastest).Open(), new UTF8Encoding(false), 16 * 1024);
            var refs = columns.Select((_, i) => ColumnLetters(i)).ToArray();
            var xml = new StringBuilder(4096);
            xml.Append($"""<?xml version="1.0" encoding="UTF-8" standalone="yes"?><worksheet xmlns="{Main}" xmlns:r="{Relationships}">""")
                .Append("""<sheetPr><pageSetUpPr fitToPage="1"/></sheetPr>""")
                .Append("""<sheetViews><sheetView workbookViewId="0"><pane ySplit="1" topLeftCell="A2" activePane="bottomLeft" state="frozen"/>""")
                .Append("""<selection pane="bottomLeft"/></sheetView></sheetViews><sheetFormatPr defaultRowHeight="15"/><cols>""");
            for (var c = 0; c < columns.Count; c++)
                xml.Append("<col min=\"").Append(c + 1).Append("\" max=\"").Append(c + 1).Append("\" width=\"").Append(columns[c].WidthChars).Append("\" customWidth=\"1\"/>");
            xml.Append("</cols><sheetData>");
            xml.Append("<row r=\"1\">");
            for (var c = 0; c < columns.Count; c++) AppendText(xml, refs[c], 1, columns[c].Header(language), HeaderStyle);
            xml.Append("</row>");
            sheet.Write(xml);

            var r = 1;
            await foreach (var row in rows.WithCancellation(ct))
            {
                r++;
                xml.Clear().Append("<row r=\"").Append(r).Append("\">");
                for (var c = 0; c < columns.Count; c++)
                {
                    var value = SheetCells.Format(cell(row, columns[c].Name), language);
                    if (value.Text.Length == 0) continue;
                    switch (value.Kind)
                    {
                        case CellKind.Number: AppendNumber(xml, refs[c], r, value.Text, NumberStyle); break;
                        case CellKind.Date: AppendNumber(xml, refs[c], r, value.Serial.ToString("R", CultureInfo.InvariantCulture), DateStyle); break;
                        case CellKind.DateTime: AppendNumber(xml, refs[c], r, value.Serial.ToString("0.##########", CultureInfo.InvariantCulture), DateTimeStyle); break;
                        default: AppendText(xml, refs[c], r, value.Text, TextStyle); break;
                    }
                }
                xml.Append("</row>");
                sheet.Write(xml);
                if (spool.Length >= DrainAt) await spool.DrainAsync(output, ct);
            }
            var range = $"A1:{refs[^1]}{r}";
            sheet.Write($"""</sheetData><autoFilter ref="{range}"/><pageMargins left="0.5" right="0.5" top="0.6" bottom="0.6" header="0.3" footer="0.3"/>""");
            sheet.Write("""<pageSetup paperSize="9" orientation="landscape" fitToWidth="1" fitToHeight="0"/></worksheet>""");
            sheet.Dispose();
            // The workbook names the filter's range and the rows printed on every page, so it is written last.
            Part(zip, "xl/workbook.xml", Workbook(sheetName, $"$A$1:${refs[^1]}${r}"));
        }
        await spool.DrainAsync(output, ct);
        await output.FlushAsync(ct);
    }

    private static void Part(ZipArchive zip, string name, string content)
    {
        using var writer = new StreamWriter(zip.CreateEntry(name, CompressionLevel.Fastest).Open(), new UTF8Encoding(false));
        writer.Write(content);
    }

    /// <summary>A write-only buffer the zip writes into and <see cref="DrainAsync"/> empties into the real output.</summary>
    private sealed class Spool : Stream
    {
        private readonly MemoryStream _buffer = new();
        private long _drained;

        public override bool CanRead => false;
        public override bool CanSeek => false;
        public override bool CanWrite => true;
        public override long Length => _buffer.Length;
        public override long Position { get => _drained + _buffer.Length; set => throw new NotSupportedException(); }

        public async Task DrainAsync(Stream output, CancellationToken ct)
        {
            if (_buffer.Length == 0) return;
            await output.WriteAsync(_buffer.GetBuffer().AsMemory(0, (int)_buffer.Length), ct);
            _drained += _buffer.Length;
            _buffer.SetLength(0);
        }

        public override void Write(byte[] buffer, int offset, int count) => _buffer.Write(buffer, offset, count);
        public override void Write(ReadOnlySpan<byte> buffer) => _buffer.Write(buffer);
        public override void Flush() { }
        public override int Read(byte[] buffer, int offset, int count) => throw new NotSupportedException();
        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
        public override void SetLength(long value) => throw new NotSupportedException();
    }

    private static void AppendNumber(StringBuilder xml, string column, int row, string number, int style) =>
        xml.Append("<c r=\"").Append(column).Append(row).Append("\" s=\"").Append(style).Append("\"><v>").Append(number).Append("</v></c>");

    /// <summary>A sheet name Excel accepts: at most 31 characters, none of []:*?/\ and not starting or ending with an apostrophe.</summary>
    public static string SheetName(string name)
    {
        var clean = new string(name.Where(c => c is not ('[' or ']' or ':' or '*' or '?' or '/' or '\\') && !char.IsControl(c)).ToArray()).Trim('\'', ' ');
        if (clean.Length > 31) clean = clean[..31];
        return clean.Length == 0 ? "Sheet1" : clean;
    }

    private static void AppendText(StringBuilder xml, string column, int row, string text, int style)
    {
        xml.Append("<c r=\"").Append(column).Append(row).Append("\" t=\"inlineStr\" s=\"").Append(style).Append("\"><is><t xml:space=\"preserve\">");
        AppendEscaped(xml, text.Length > MaxCellLength ? text[..MaxCellLength] : text);
        xml.Append("</t></is></c>");
    }

    /// <summary>
    /// XML-escapes text for a cell. Characters XML cannot hold (controls other than tab and line breaks, lone
    /// surrogates) are written the OOXML way, <c>_xHHHH_</c>, and a literal <c>_xHHHH_</c> has its underscore
    /// escaped so it is not read back as one.
    /// </summary>
    private static void AppendEscaped(StringBuilder xml, string text)
    {
        if (text.Contains("_x", StringComparison.Ordinal)) text = EscapeSequence().Replace(text, "_x005F_$1");
        for (var i = 0; i < text.Length; i++)
        {
            var ch = text[i];
            switch (ch)
            {
                case '&': xml.Append("&amp;"); break;
                case '<': xml.Append("&lt;"); break;
                case '>': xml.Append("&gt;"); break;
                case '\t' or '\n' or '\r': xml.Append(ch); break;
                case < ' ' or '\uFFFE' or '\uFFFF': xml.Append("_x").Append(((int)ch).ToString("X4")).Append('_'); break;
                default:
                    if (char.IsHighSurrogate(ch) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1])) xml.Append(ch).Append(text[++i]);
                    else if (char.IsSurrogate(ch)) xml.Append('\uFFFD');
                    else xml.Append(ch);
                    break;
            }
        }
    }

    [GeneratedRegex("_(x[0-9A-Fa-f]{4}_)")]
    private static partial Regex EscapeSequence();

    /// <summary>A, B, …, Z, AA, AB, … for column index 0, 1, ….</summary>
    public static string ColumnLetters(int index)
    {
        var letters = "";
        for (var n = index + 1; n > 0; n = (n - 1) / 26) letters = (char)('A' + (n - 1) % 26) + letters;
        return letters;
    }

    private static string Workbook(string sheetName, string range)
    {
        var name = new StringBuilder();
        AppendEscaped(name, sheetName);
        var attribute = name.Replace("\"", "&quot;").ToString();
        var quoted = "'" + attribute.Replace("'", "''") + "'";
        return $"""<?xml version="1.0" encoding="UTF-8" standalone="yes"?><workbook xmlns="{Main}" xmlns:r="{Relationships}"><sheets><sheet name="{attribute}" sheetId="1" r:id="rId1"/></sheets>"""
            + $"""<definedNames><definedName name="_xlnm._FilterDatabase" localSheetId="0" hidden="1">{quoted}!{range}</definedName>"""
            + $"""<definedName name="_xlnm.Print_Titles" localSheetId="0">{quoted}!$1:$1</definedName></definedNames></workbook>""";
    }

    private const string ContentTypes = """
        <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
        <Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">
        <Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>
        <Default Extension="xml" ContentType="application/xml"/>
        <Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>
        <Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>
        <Override PartName="/xl/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/>
        </Types>
        """;

    private const string RootRelationships = $"""
        <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
        <Relationships xmlns="{PackageRelationships}">
        <Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/>
        </Relationships>
        """;

    private const string WorkbookRelationships = $"""
        <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
        <Relationships xmlns="{PackageRelationships}">
        <Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/>
        <Relationship Id="rId2" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="styles.xml"/>
        </Relationships>
        """;

    private const string Styles = $"""
        <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
        <styleSheet xmlns="{Main}">
        <numFmts count="2"><numFmt numFmtId="164" formatCode="yyyy\-mm\-dd"/><numFmt numFmtId="165" formatCode="yyyy\-mm\-dd\ hh:mm"/></numFmts>
        <fonts count="2"><font><sz val="11"/><name val="맑은 고딕"/><family val="3"/><charset val="129"/></font><font><b/><sz val="11"/><name val="맑은 고딕"/><family val="3"/><charset val="129"/></font></fonts>
        <fills count="3"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill><fill><patternFill patternType="solid"><fgColor rgb="FFE7ECF3"/><bgColor indexed="64"/></patternFill></fill></fills>
        <borders count="2"><border><left/><right/><top/><bottom/><diagonal/></border><border><left/><right/><top/><bottom style="thin"><color rgb="FF8A96A8"/></bottom><diagonal/></border></borders>
        <cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs>
        <cellXfs count="5">
        <xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/>
        <xf numFmtId="49" fontId="1" fillId="2" borderId="1" xfId="0" applyFont="1" applyFill="1" applyBorder="1" applyNumberFormat="1"/>
        <xf numFmtId="49" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/>
        <xf numFmtId="164" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/>
        <xf numFmtId="165" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/>
        </cellXfs>
        <cellStyles count="1"><cellStyle name="Normal" xfId="0" builtinId="0"/></cellStyles>
        </styleSheet>
        """;
}
