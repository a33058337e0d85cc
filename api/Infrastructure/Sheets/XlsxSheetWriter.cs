using System.IO.Compression;
using System.Text;
using System.Text.RegularExpressions;

namespace BioCluster.Api.Infrastructure.Sheets;

/// <summary>
/// A one-sheet XLSX written as the rows arrive, straight into a zip on the output stream (which need not be
/// seekable): the Korean column headers in a bold, frozen first row, then one row per record. Text cells are
/// inline strings in the text ("@") format and numbers are number cells; nothing is ever a formula, and
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

    // Styles: 0 default (numbers), 1 bold text (the header), 2 text format "@" (so an edited cell stays text).
    private const int NumberStyle = 0, HeaderStyle = 1, TextStyle = 2;

    /// <summary>Compressed bytes are passed on to the output once this many have gathered.</summary>
    private const int DrainAt = 64 * 1024;

    public static async Task WriteAsync<T>(Stream output, string sheetName, IReadOnlyList<SheetColumn> columns, SheetCell<T> cell,
        IAsyncEnumerable<T> rows, CancellationToken ct)
    {
        // The zip writes synchronously (closing an entry flushes its compressor with a blocking write), which a
        // response body refuses. So the zip writes into a small spool in memory, and the spool is drained into the
        // output asynchronously every DrainAt bytes: memory stays at one row plus the compressor's buffers.
        var spool = new Spool();
        using (var zip = new ZipArchive(spool, ZipArchiveMode.Create, leaveOpen: true))
        {
            Part(zip, "[Content_Types].xml", ContentTypes);
            Part(zip, "_rels/.rels", RootRelationships);
            Part(zip, "xl/workbook.xml", Workbook(sheetName));
            Part(zip, "xl/_rels/workbook.xml.rels", WorkbookRelationships);
            Part(zip, "xl/styles.xml", Styles);

            using var sheet = new StreamWriter(zip.CreateEntry("xl/worksheets/sheet1.xml", CompressionLevel.Fastest).Open(), new UTF8Encoding(false), 16 * 1024);
            var refs = columns.Select((_, i) => ColumnLetters(i)).ToArray();
            var xml = new StringBuilder(4096);
            xml.Append($"""<?xml version="1.0" encoding="UTF-8" standalone="yes"?><worksheet xmlns="{Main}" xmlns:r="{Relationships}">""")
                .Append("""<sheetViews><sheetView workbookViewId="0"><pane ySplit="1" topLeftCell="A2" activePane="bottomLeft" state="frozen"/>""")
                .Append("""<selection pane="bottomLeft"/></sheetView></sheetViews><sheetFormatPr defaultRowHeight="15"/><sheetData>""");
            xml.Append("<row r=\"1\">");
            for (var c = 0; c < columns.Count; c++) AppendText(xml, refs[c], 1, columns[c].Korean, HeaderStyle);
            xml.Append("</row>");
            sheet.Write(xml);

            var r = 1;
            await foreach (var row in rows.WithCancellation(ct))
            {
                r++;
                xml.Clear().Append("<row r=\"").Append(r).Append("\">");
                for (var c = 0; c < columns.Count; c++)
                {
                    var value = SheetCells.Format(cell(row, columns[c].Name));
                    if (value.Text.Length == 0) continue;
                    if (value.IsNumber)
                        xml.Append("<c r=\"").Append(refs[c]).Append(r).Append("\" s=\"").Append(NumberStyle).Append("\"><v>").Append(value.Text).Append("</v></c>");
                    else
                        AppendText(xml, refs[c], r, value.Text, TextStyle);
                }
                xml.Append("</row>");
                sheet.Write(xml);
                if (spool.Length >= DrainAt) await spool.DrainAsync(output, ct);
            }
            sheet.Write("</sheetData></worksheet>");
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

    private static string Workbook(string sheetName)
    {
        var name = new StringBuilder();
        AppendEscaped(name, sheetName);
        return $"""<?xml version="1.0" encoding="UTF-8" standalone="yes"?><workbook xmlns="{Main}" xmlns:r="{Relationships}"><sheets><sheet name="{name.Replace("\"", "&quot;")}" sheetId="1" r:id="rId1"/></sheets></workbook>""";
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
        <fonts count="2"><font><sz val="11"/><name val="Calibri"/><family val="2"/></font><font><b/><sz val="11"/><name val="Calibri"/><family val="2"/></font></fonts>
        <fills count="2"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill></fills>
        <borders count="1"><border><left/><right/><top/><bottom/><diagonal/></border></borders>
        <cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs>
        <cellXfs count="3">
        <xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/>
        <xf numFmtId="49" fontId="1" fillId="0" borderId="0" xfId="0" applyFont="1" applyNumberFormat="1"/>
        <xf numFmtId="49" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/>
        </cellXfs>
        <cellStyles count="1"><cellStyle name="Normal" xfId="0" builtinId="0"/></cellStyles>
        </styleSheet>
        """;
}
