using System.Buffers;
using System.IO.Compression;
using System.Text.Json;
using System.Xml;

using Say = BioCluster.Api.Infrastructure.Http.Text;

namespace BioCluster.Api.Features.Imports;

/// <summary>
/// Checks a spooled JSON or XLSX file against the reading limits before its rows are parsed into values, reading it as
/// a stream: the row parsers hold a whole JSON element or spreadsheet row at a time, so a 50 MB string, a zip bomb or a
/// sheet declaring a million rows must be refused before they see it. Failures are <see cref="ImportFileException"/>s
/// (413 for a limit, 400 for a file that is not what it says).
/// </summary>
internal static class ImportFileLimits
{
    /// <summary>UTF-8 bytes a cell may take in JSON: the longest cell with every character escaped at worst.</summary>
    private const int MaxCellBytes = ImportFile.MaxCellChars * 6;
    private const int MaxRowBytes = ImportFile.MaxRowChars * 4;
    private const int WindowBytes = 1024 * 1024;

    /// <summary>Depth, cell length, cells per row and row size of a JSON array of objects, read in 1 MB windows.</summary>
    public static async Task CheckJsonAsync(Stream spool, CancellationToken ct)
    {
        spool.Position = 0;
        var buffer = ArrayPool<byte>.Shared.Rent(WindowBytes);
        try
        {
            var scan = new JsonScan { State = new JsonReaderState(new JsonReaderOptions { MaxDepth = 8 }) };
            var filled = 0;
            while (true)
            {
                var read = await spool.ReadAsync(buffer.AsMemory(filled, buffer.Length - filled), ct);
                filled += read;
                var final = read == 0;
                var consumed = Scan(buffer.AsSpan(0, filled), final, ref scan);
                if (final) return;
                if (consumed == 0 && filled == buffer.Length) throw ImportFile.CellTooLong(scan.Row + 1); // one token over the window
                Buffer.BlockCopy(buffer, consumed, buffer, 0, filled - consumed);
                scan.Offset += consumed;
                filled -= consumed;
            }
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
            spool.Position = 0;
        }
    }

    private struct JsonScan
    {
        public JsonReaderState State;
        public long Offset;
        public int Row;
        public int Cells;
        public long RowStart;
    }

    private static int Scan(ReadOnlySpan<byte> window, bool final, ref JsonScan scan)
    {
        var reader = new Utf8JsonReader(window, final, scan.State);
        try
        {
            while (reader.Read())
            {
                switch (reader.TokenType)
                {
                    case JsonTokenType.StartObject when reader.CurrentDepth == 1:
                        scan.Row++;
                        scan.Cells = 0;
                        scan.RowStart = scan.Offset + reader.TokenStartIndex;
                        break;
                    case JsonTokenType.EndObject when reader.CurrentDepth == 1:
                        if (scan.Offset + reader.TokenStartIndex - scan.RowStart > MaxRowBytes) throw ImportFile.RowTooLarge(scan.Row + 1);
                        break;
                    case JsonTokenType.PropertyName when reader.CurrentDepth == 2:
                        if (++scan.Cells > ImportFile.MaxCells) throw ImportFile.TooManyCells(scan.Row + 1);
                        break;
                }
                if (reader.TokenType is JsonTokenType.String or JsonTokenType.PropertyName or JsonTokenType.Number
                    && reader.ValueSpan.Length > ImportFile.MaxCellChars && CharsOf(ref reader) > ImportFile.MaxCellChars)
                    throw ImportFile.CellTooLong(scan.Row + 1);
            }
        }
        catch (JsonException e)
        {
            throw new ImportFileException(Say.Of($"JSON이 객체 배열이 아니거나 {scan.Row + 1}행 근처가 올바르지 않습니다 ({e.Message.Split('.')[0]}).", $"The JSON is not an array of objects, or is malformed near row {scan.Row + 1} ({e.Message.Split('.')[0]})."));
        }
        scan.State = reader.CurrentState;
        return (int)reader.BytesConsumed;
    }

    /// <summary>The characters of a long token: its UTF-8 counted, or (escaped) unescaped, which its byte bound keeps small.</summary>
    private static int CharsOf(ref Utf8JsonReader reader) =>
        reader.ValueSpan.Length > MaxCellBytes ? int.MaxValue
        : reader.ValueIsEscaped ? reader.GetString()!.Length
        : System.Text.Encoding.UTF8.GetCharCount(reader.ValueSpan);

    /// <summary>Decompressed bytes the first sheet may take.</summary>
    public const long MaxSheetBytes = 256L * 1024 * 1024;
    /// <summary>Decompressed bytes the shared strings may take.</summary>
    public const long MaxSharedStringBytes = 64L * 1024 * 1024;
    /// <summary>Columns a sheet may use (the widest entity has about twenty).</summary>
    public const int MaxColumns = 64;

    /// <summary>
    /// The workbook's first sheet and shared strings, read through counting streams: decompressed sizes, the declared used
    /// range, every cell reference (no column past <see cref="MaxColumns"/>, no row past the row limit), the number of
    /// rows and each string's length.
    /// </summary>
    public static void CheckXlsx(Stream spool, int maxRows, CancellationToken ct)
    {
        spool.Position = 0;
        try
        {
            using var zip = new ZipArchive(spool, ZipArchiveMode.Read, leaveOpen: true);
            var sheet = zip.Entries.Where(e => e.FullName.StartsWith("xl/worksheets/sheet", StringComparison.OrdinalIgnoreCase) && e.FullName.EndsWith(".xml", StringComparison.OrdinalIgnoreCase))
                .OrderBy(e => e.FullName.Length).ThenBy(e => e.FullName, StringComparer.Ordinal).FirstOrDefault()
                ?? throw new ImportFileException(Say.Of("스프레드시트에 시트가 없습니다.", "The spreadsheet has no sheet."));
            if (zip.GetEntry("xl/sharedStrings.xml") is { } strings)
                CheckXml(strings, MaxSharedStringBytes, maxRows, sheetPart: false, ct);
            CheckXml(sheet, MaxSheetBytes, maxRows, sheetPart: true, ct);
        }
        catch (InvalidDataException)
        {
            throw new ImportFileException(Say.Of("스프레드시트를 읽을 수 없습니다. .xlsx 통합 문서로 다시 저장하십시오.", "The spreadsheet could not be read; save it again as an .xlsx workbook."));
        }
        catch (XmlException)
        {
            throw new ImportFileException(Say.Of("스프레드시트를 읽을 수 없습니다. .xlsx 통합 문서로 다시 저장하십시오.", "The spreadsheet could not be read; save it again as an .xlsx workbook."));
        }
        finally
        {
            spool.Position = 0;
        }
    }

    private static void CheckXml(ZipArchiveEntry entry, long maxBytes, int maxRows, bool sheetPart, CancellationToken ct)
    {
        if (entry.Length > maxBytes) throw PartTooLarge();
        using var counted = new CountingStream(entry.Open(), maxBytes, PartTooLarge);
        using var xml = XmlReader.Create(counted, new XmlReaderSettings { DtdProcessing = DtdProcessing.Prohibit, IgnoreWhitespace = true, XmlResolver = null });
        var rows = 0;
        var chunk = new char[4096];
        while (xml.Read())
        {
            ct.ThrowIfCancellationRequested();
            if (xml.NodeType != XmlNodeType.Element)
            {
                if (xml.NodeType is XmlNodeType.Text or XmlNodeType.CDATA or XmlNodeType.SignificantWhitespace)
                {
                    // Counted in chunks: a string is never held whole before it is known to be short enough.
                    var length = 0;
                    int n;
                    while ((n = xml.ReadValueChunk(chunk, 0, chunk.Length)) > 0)
                        if ((length += n) > ImportFile.MaxCellChars) throw ImportFile.CellTooLong(sheetPart ? rows : 0);
                }
                continue;
            }
            switch (xml.LocalName)
            {
                case "dimension" when sheetPart && xml.GetAttribute("ref") is { } range:
                    foreach (var corner in range.Split(':')) CheckReference(corner, maxRows);
                    break;
                case "row" when sheetPart:
                    if (++rows > maxRows + 1) throw TooManyRows(maxRows);
                    if (xml.GetAttribute("r") is { } r && (!int.TryParse(r, out var n) || n > maxRows + 1)) throw TooManyRows(maxRows);
                    break;
                case "c" when sheetPart && xml.GetAttribute("r") is { } cell:
                    CheckReference(cell, maxRows);
                    break;
                case "si" when !sheetPart:
                    if (++rows > 4 * ImportFile.MaxCells * (maxRows + 1)) throw PartTooLarge();
                    break;
            }
        }
    }

    /// <summary>A cell reference like "C12" (or a range corner): its column within <see cref="MaxColumns"/>, its row within the limit.</summary>
    private static void CheckReference(string reference, int maxRows)
    {
        var letters = 0;
        var column = 0;
        while (letters < reference.Length && char.IsAsciiLetter(reference[letters]))
        {
            column = column * 26 + (char.ToUpperInvariant(reference[letters]) - 'A' + 1);
            if (++letters > 3) break;
        }
        if (column > MaxColumns) throw new ImportFileException(Infrastructure.Http.Text.Of(
            $"시트가 {MaxColumns}번째 열보다 먼 칸({reference})을 씁니다. 가져올 열만 남기고 다시 저장해 주십시오.",
            $"The sheet uses a cell beyond column {MaxColumns} ({reference}); keep only the columns to import and save it again."), tooLarge: true);
        if (letters < reference.Length && int.TryParse(reference.AsSpan(letters), out var row) && row > maxRows + 1) throw TooManyRows(maxRows);
    }

    private static ImportFileException TooManyRows(int maxRows) => new(Infrastructure.Http.Text.Of(
        $"시트가 {maxRows:N0}행을 넘습니다(빈 행 포함). 더 작은 파일로 나눠 주십시오.",
        $"The sheet has more than {maxRows:N0} rows (blank rows included); split it into smaller files."), tooLarge: true);

    private static ImportFileException PartTooLarge() => new(Infrastructure.Http.Text.Of(
        "스프레드시트의 압축을 풀면 허용 크기를 넘습니다. 내용을 확인하고 다시 저장해 주십시오.",
        "The spreadsheet unpacks to more than the import allows; check its contents and save it again."), tooLarge: true);

    /// <summary>Reads through, failing once more than <c>max</c> bytes came out (a zip entry's declared size can lie).</summary>
    private sealed class CountingStream(Stream inner, long max, Func<Exception> tooLarge) : Stream
    {
        private long _read;

        public override int Read(byte[] buffer, int offset, int count)
        {
            var n = inner.Read(buffer, offset, count);
            if ((_read += n) > max) throw tooLarge();
            return n;
        }

        public override bool CanRead => true;
        public override bool CanSeek => false;
        public override bool CanWrite => false;
        public override long Length => throw new NotSupportedException();
        public override long Position { get => _read; set => throw new NotSupportedException(); }
        public override void Flush() { }
        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
        public override void SetLength(long value) => throw new NotSupportedException();
        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();

        protected override void Dispose(bool disposing)
        {
            if (disposing) inner.Dispose();
            base.Dispose(disposing);
        }
    }
}
