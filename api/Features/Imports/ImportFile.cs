using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using BioCluster.Api.Infrastructure.Sheets;
using MiniExcelLibs;

using BioCluster.Api.Infrastructure.Http;

using Say = BioCluster.Api.Infrastructure.Http.Text;

namespace BioCluster.Api.Features.Imports;

/// <summary>A file problem that rejects the whole import before any row is read (400), or a limit it breaks (413).</summary>
public sealed class ImportFileException(string message, bool tooLarge = false) : Exception(message)
{
    public bool TooLarge { get; } = tooLarge;
}

/// <summary>One data row: its spreadsheet row number (the header is row 1) and its cells by column name.</summary>
public sealed class ImportRow(int number, string?[] cells, IReadOnlyList<string?> raw, string? shapeError = null)
{
    /// <summary>Set when the row itself is malformed (more cells than the header has columns).</summary>
    public string? ShapeError { get; } = shapeError;

    public int Number { get; } = number;

    /// <summary>Cells in the order of <see cref="ImportFile.Columns"/>, trimmed, empty as null.</summary>
    public string?[] Cells { get; } = cells;

    /// <summary>The cells exactly as sent, in the file's own column order, for the rejected-rows download.</summary>
    public IReadOnlyList<string?> Raw { get; } = raw;
}

/// <summary>
/// An uploaded import file, spooled to a temporary file first (so a slow upload never holds the
/// database, and the SHA-256 and size are known before any row is read), then read row by row:
/// CSV in UTF-8 (with or without BOM) or CP949/EUC-KR, JSON (an array of objects), or XLSX (first sheet).
/// </summary>
public sealed class ImportFile : IAsyncDisposable
{
    private static readonly Encoding StrictUtf8 = new UTF8Encoding(false, throwOnInvalidBytes: true);

    /// <summary>
    /// The longest cell read: Excel's own limit for a cell, four times the longest text any column accepts (8,000). A longer
    /// one is refused while it is read, before it is held whole.
    /// </summary>
    public const int MaxCellChars = 32_767;
    /// <summary>Cells in a row (the widest entity has about twenty columns).</summary>
    public const int MaxCells = 256;
    /// <summary>Characters in a row, all cells together.</summary>
    public const int MaxRowChars = 256 * 1024;

    /// <param name="row">The row, or 0 when not known (a spreadsheet's shared strings).</param>
    public static ImportFileException CellTooLong(int row) => new(Say.Of(
        $"{(row > 0 ? $"{row}행에 " : "")}{MaxCellChars:N0}자를 넘는 칸이 있습니다. 어떤 항목도 그렇게 길 수 없으니 파일을 확인해 주십시오.",
        $"{(row > 0 ? $"Row {row} has" : "The file has")} a cell longer than {MaxCellChars:N0} characters; no column takes text that long, so check the file."), tooLarge: true);

    public static ImportFileException TooManyCells(int row) => new(Say.Of(
        $"{row}행의 칸이 {MaxCells:N0}개를 넘습니다. 열 제목에 맞는 칸만 보내 주십시오.",
        $"Row {row} has more than {MaxCells:N0} cells; send only the columns the header names."), tooLarge: true);

    public static ImportFileException RowTooLarge(int row) => new(Say.Of(
        $"{row}행이 {MaxRowChars / 1024:N0}K자를 넘습니다. 파일을 확인해 주십시오.",
        $"Row {row} is longer than {MaxRowChars / 1024:N0}K characters; check the file."), tooLarge: true);

    static ImportFile() => Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);

    private readonly FileStream _spool;

    private ImportFile(FileStream spool, string sha256, long bytes, string format, string? charset)
    {
        _spool = spool;
        Sha256 = sha256;
        Bytes = bytes;
        Format = format;
        Charset = charset;
    }

    public string Sha256 { get; }
    public long Bytes { get; }
    /// <summary>csv, json or xlsx.</summary>
    public string Format { get; }
    /// <summary>utf-8 or cp949 for CSV; null otherwise.</summary>
    public string? Charset { get; private set; }

    /// <summary>The file's headers as sent.</summary>
    public IReadOnlyList<string> Headers { get; private set; } = [];

    /// <summary>The columns the rows' <see cref="ImportRow.Cells"/> follow.</summary>
    public IReadOnlyList<SheetColumn> Columns { get; private set; } = [];

    public static async Task<ImportFile> SpoolAsync(Stream body, string? contentType, string? charset, string? fileName, long maxBytes, CancellationToken ct)
    {
        var path = Path.Combine(Path.GetTempPath(), $"biocluster-import-{Guid.NewGuid():N}.tmp");
        var spool = new FileStream(path, FileMode.CreateNew, FileAccess.ReadWrite, FileShare.None, 64 * 1024,
            FileOptions.DeleteOnClose | FileOptions.Asynchronous);
        try
        {
            using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
            var buffer = new byte[64 * 1024];
            long total = 0;
            int read;
            while ((read = await body.ReadAsync(buffer, ct)) > 0)
            {
                total += read;
                if (total > maxBytes)
                    throw new ImportFileException(Say.Of($"파일이 가져오기 한도 {maxBytes / (1024 * 1024)} MiB보다 큽니다. 더 작은 파일로 나누십시오.", $"The file is larger than the import limit of {maxBytes / (1024 * 1024)} MiB; split it into smaller files."), tooLarge: true);
                hash.AppendData(buffer, 0, read);
                await spool.WriteAsync(buffer.AsMemory(0, read), ct);
            }
            if (total == 0) throw new ImportFileException(Say.Of("파일이 비어 있습니다.", "The file is empty."));
            spool.Position = 0;
            var format = await DetectFormatAsync(spool, contentType, fileName, ct);
            return new ImportFile(spool, Convert.ToHexStringLower(hash.GetHashAndReset()), total, format, NormalizeCharset(charset ?? CharsetOf(contentType)));
        }
        catch
        {
            await spool.DisposeAsync();
            throw;
        }
    }

    private static string? CharsetOf(string? contentType) =>
        contentType is not null && Microsoft.Net.Http.Headers.MediaTypeHeaderValue.TryParse(contentType, out var media) ? media.Charset.Value : null;

    private static string? NormalizeCharset(string? charset) => charset?.Trim().Trim('"').ToLowerInvariant() switch
    {
        null or "" => null,
        "utf-8" or "utf8" => "utf-8",
        "cp949" or "euc-kr" or "ks_c_5601-1987" or "x-windows-949" or "windows-949" or "ms949" or "uhc" => "cp949",
        var other => throw new ImportFileException(Say.Of($"문자 집합 '{other}'은(는) 지원하지 않습니다. utf-8 또는 cp949(euc-kr)를 쓰십시오.", $"Charset '{other}' is not supported; use utf-8 or cp949 (euc-kr).")),
    };

    private static async Task<string> DetectFormatAsync(FileStream spool, string? contentType, string? fileName, CancellationToken ct)
    {
        var media = contentType?.Split(';')[0].Trim().ToLowerInvariant();
        var head = new byte[8];
        var n = await spool.ReadAsync(head, ct);
        spool.Position = 0;
        var isZip = n >= 4 && head[0] == 0x50 && head[1] == 0x4B && head[2] == 0x03 && head[3] == 0x04;
        var extension = Path.GetExtension(fileName ?? "").ToLowerInvariant();
        var format = media switch
        {
            "text/csv" or "application/csv" or "text/plain" => "csv",
            "application/json" => "json",
            "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet" => "xlsx",
            _ => extension switch { ".csv" => "csv", ".json" => "json", ".xlsx" => "xlsx", _ => isZip ? "xlsx" : null },
        } ?? throw new ImportFileException(Say.Of("파일을 text/csv, application/json 또는 .xlsx 스프레드시트로 보내십시오.", "Send the file as text/csv, application/json or an .xlsx spreadsheet."));
        if (format == "xlsx" && !isZip) throw new ImportFileException(Say.Of("파일이 .xlsx 스프레드시트가 아닙니다.", "The file is not an .xlsx spreadsheet."));
        if (format != "xlsx" && isZip) throw new ImportFileException(Say.Of("파일이 스프레드시트(.xlsx)로 보입니다. 스프레드시트 콘텐츠 형식으로 보내십시오.", "The file looks like a spreadsheet (.xlsx); send it with its spreadsheet content type."));
        return format;
    }

    /// <summary>Maps the file's headers to the entity's columns: English names (any case) or Korean headers (spaces ignored).</summary>
    private int[] MapHeaders(IReadOnlyList<string?> headers, IReadOnlyList<SheetColumn> columns)
    {
        var byName = Infrastructure.Sheets.Columns.IndexByHeader(columns);
        var map = new int[headers.Count];
        var seen = new Dictionary<int, string>();
        var unknown = new List<string>();
        for (var h = 0; h < headers.Count; h++)
        {
            var header = headers[h] ?? "";
            if (string.IsNullOrWhiteSpace(header) || RejectedRows.IsReportColumn(header)) { map[h] = -1; continue; }
            if (!byName.TryGetValue(Infrastructure.Sheets.Columns.HeaderKey(header), out var column)) { unknown.Add(header); map[h] = -1; continue; }
            if (seen.TryGetValue(column, out var first))
                throw new ImportFileException(Say.Of($"'{first}' 열과 '{header}' 열은 같은 열({columns[column].Korean})입니다.", $"Columns '{first}' and '{header}' are the same column ({columns[column].Name})."));
            seen[column] = header;
            map[h] = columns[column].Imported ? column : -1;
        }
        if (unknown.Count > 0)
        {
            var names = string.Join(", ", unknown.Take(20).Select(u => $"'{RowCheck.Shorten(u)}'"));
            var known = string.Join(", ", columns.Where(c => c.Imported).Select(c => $"{c.Korean} ({c.Name})"));
            throw new ImportFileException(Say.Of(
                $"알 수 없는 열: {names}" + (unknown.Count > 20 ? $" 외 {unknown.Count - 20:N0}개" : "") + $". 사용할 수 있는 열: {known}.",
                $"Unknown column(s): {names}" + (unknown.Count > 20 ? $" and {unknown.Count - 20:N0} more" : "") + $". Known columns: {known}."));
        }
        var missing = columns.Select((c, i) => (c, i)).Where(x => x.c.Required && !seen.ContainsKey(x.i)).Select(x => $"{x.c.Korean} ({x.c.Name})").ToList();
        if (missing.Count > 0)
            throw new ImportFileException(Say.Of($"필수 열이 없습니다: {string.Join(", ", missing)}.", $"Required column(s) missing: {string.Join(", ", missing)}."));
        Headers = headers.Select(h => h ?? "").ToList();
        Columns = columns;
        return map;
    }

    internal static string? Clean(string? cell)
    {
        if (cell is null) return null;
        var trimmed = cell.Trim();
        if (trimmed.Length == 0) return null;
        // Our exports put an apostrophe before text a spreadsheet would run as a formula (SheetCells.Neutralise);
        // take it off again, with the very rule that put it there, so an exported file imports back unchanged.
        return trimmed[0] == '\'' && SheetCells.IsGuarded(trimmed.AsSpan(1)) ? trimmed[1..].Trim() : trimmed;
    }

    private ImportRow Row(int number, IReadOnlyList<string?> raw, int[] map)
    {
        var cells = new string?[Columns.Count];
        for (var i = 0; i < raw.Count && i < map.Length; i++)
            if (map[i] >= 0) cells[map[i]] = Clean(raw[i]);
        var extra = raw.Count > map.Length && raw.Skip(map.Length).Any(c => !string.IsNullOrWhiteSpace(c));
        return new ImportRow(number, cells, raw, extra ? Say.Of("이 행에는 머리글의 열보다 많은 칸이 있습니다.", "The row has more cells than the header has columns.") : null);
    }

    /// <summary>
    /// Refuses, before any row is read, a JSON or XLSX file that breaks the reading limits (<see cref="ImportFileLimits"/>);
    /// CSV is checked as it is read (<see cref="CsvRecords"/>).
    /// </summary>
    public async Task CheckLimitsAsync(int maxRows, CancellationToken ct)
    {
        if (Format == "json") await ImportFileLimits.CheckJsonAsync(_spool, ct);
        else if (Format == "xlsx") ImportFileLimits.CheckXlsx(_spool, maxRows, ct);
    }

    /// <summary>The data rows, read as they are needed; empty rows (a spreadsheet's trailing ones) are skipped.</summary>
    public IAsyncEnumerable<ImportRow> RowsAsync(IReadOnlyList<SheetColumn> columns, CancellationToken ct)
    {
        _spool.Position = 0;
        return Format switch
        {
            "csv" => CsvRowsAsync(columns, ct),
            "json" => JsonRowsAsync(columns, ct),
            _ => XlsxRowsAsync(columns, ct),
        };
    }

    private async Task<Encoding> CsvEncodingAsync(CancellationToken ct)
    {
        if (Charset == "cp949") return Encoding.GetEncoding(949);
        if (Charset == "utf-8") return StrictUtf8;
        // Not declared: UTF-8 when every byte of the file decodes as UTF-8 (a BOM says so at once), else CP949,
        // which is what Korean Excel saves as "CSV (comma delimited)".
        var head = new byte[3];
        var n = await _spool.ReadAsync(head, ct);
        _spool.Position = 0;
        if (n == 3 && head[0] == 0xEF && head[1] == 0xBB && head[2] == 0xBF) { Charset = "utf-8"; return StrictUtf8; }
        var decoder = StrictUtf8.GetDecoder();
        var bytes = new byte[64 * 1024];
        var chars = new char[StrictUtf8.GetMaxCharCount(bytes.Length)];
        try
        {
            int read;
            while ((read = await _spool.ReadAsync(bytes, ct)) > 0) decoder.GetChars(bytes, 0, read, chars, 0, flush: false);
            decoder.GetChars([], 0, 0, chars, 0, flush: true);
            Charset = "utf-8";
        }
        catch (DecoderFallbackException)
        {
            Charset = "cp949";
        }
        _spool.Position = 0;
        return Charset == "utf-8" ? StrictUtf8 : Encoding.GetEncoding(949);
    }

    private async IAsyncEnumerable<ImportRow> CsvRowsAsync(IReadOnlyList<SheetColumn> columns, [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken ct)
    {
        var encoding = await CsvEncodingAsync(ct);
        using var reader = new StreamReader(_spool, encoding, detectEncodingFromByteOrderMarks: false, 64 * 1024, leaveOpen: true);
        var records = new CsvRecords(reader);
        int[]? map = null;
        var number = 0;
        while (true)
        {
            List<string>? record;
            try
            {
                record = records.Read();
            }
            catch (DecoderFallbackException)
            {
                throw new ImportFileException(Say.Of(
                    $"{number + 1}행 근처가 올바른 {(Charset == "cp949" ? "CP949" : "UTF-8")} 텍스트가 아닙니다. CSV UTF-8로 저장하거나 charset=cp949를 지정하십시오.",
                    $"The file is not valid {(Charset == "cp949" ? "CP949" : "UTF-8")} text near row {number + 1}; save it as CSV UTF-8 or say charset=cp949."));
            }
            if (record is null) break;
            number++;
            if (map is null)
            {
                if (record.Count == 1 && string.IsNullOrWhiteSpace(record[0])) { number--; continue; }
                record[0] = record[0].TrimStart('\uFEFF');
                map = MapHeaders(record, columns);
                continue;
            }
            if (record.All(string.IsNullOrWhiteSpace)) continue;
            yield return Row(number, record, map);
        }
        if (map is null) throw new ImportFileException(Say.Of("파일에 머리글 행이 없습니다.", "The file has no header row."));
    }

    private async IAsyncEnumerable<ImportRow> JsonRowsAsync(IReadOnlyList<SheetColumn> columns, [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken ct)
    {
        // Each object's properties are its cells; the header is the union of names the columns know, so a
        // JSON import is checked exactly like a CSV one. Row numbers count the header as row 1, like a sheet.
        var headers = columns.Where(c => c.Imported).Select(c => c.Name).ToList();
        var map = MapHeaders(headers, columns);
        var index = headers.Select((h, i) => (h, i)).ToDictionary(x => x.h, x => x.i, StringComparer.OrdinalIgnoreCase);
        var number = 1;
        var elements = JsonSerializer.DeserializeAsyncEnumerable<JsonElement>(_spool, new JsonSerializerOptions { MaxDepth = 8 }, ct);
        await using var e = elements.GetAsyncEnumerator(ct);
        while (true)
        {
            try
            {
                if (!await e.MoveNextAsync()) break;
            }
            catch (JsonException ex)
            {
                throw new ImportFileException(Say.Of($"JSON이 객체 배열이 아니거나 {number + 1}행 근처가 올바르지 않습니다 ({ex.Message.Split('.')[0]}).", $"The JSON is not an array of objects, or is malformed near row {number + 1} ({ex.Message.Split('.')[0]})."));
            }
            number++;
            var element = e.Current;
            if (element.ValueKind != JsonValueKind.Object)
                throw new ImportFileException(Say.Of($"{number}행: JSON 배열의 각 요소는 객체여야 합니다.", $"Row {number}: each element of the JSON array must be an object."));
            var raw = new string?[headers.Count];
            foreach (var property in element.EnumerateObject())
            {
                if (!index.TryGetValue(property.Name, out var i))
                {
                    if (columns.Any(c => !c.Imported && string.Equals(c.Name, property.Name, StringComparison.OrdinalIgnoreCase))) continue;
                    throw new ImportFileException(Say.Of($"{number}행: 알 수 없는 필드 '{property.Name}'. 사용할 수 있는 필드: {string.Join(", ", headers)}.", $"Row {number}: unknown field '{property.Name}'. Known fields: {string.Join(", ", headers)}."));
                }
                raw[i] = Text(property.Value);
            }
            yield return Row(number, raw, map);
        }
    }

    private static string? Text(JsonElement value) => value.ValueKind switch
    {
        JsonValueKind.Null or JsonValueKind.Undefined => null,
        JsonValueKind.String => value.GetString(),
        JsonValueKind.Number => value.GetRawText(),
        JsonValueKind.True => "true",
        JsonValueKind.False => "false",
        JsonValueKind.Array => string.Join(Infrastructure.Sheets.Columns.ListSeparator, value.EnumerateArray().Select(Text)),
        _ => value.GetRawText(),
    };

    private async IAsyncEnumerable<ImportRow> XlsxRowsAsync(IReadOnlyList<SheetColumn> columns, [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken ct)
    {
        await Task.CompletedTask;
        IEnumerator<IDictionary<string, object?>> rows;
        try
        {
            rows = _spool.Query(useHeaderRow: false).Cast<IDictionary<string, object?>>().GetEnumerator();
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            throw new ImportFileException(Say.Of("스프레드시트를 읽을 수 없습니다. .xlsx 통합 문서로 다시 저장하십시오.", "The spreadsheet could not be read; save it again as an .xlsx workbook."));
        }
        using (rows)
        {
            int[]? map = null;
            List<string>? keys = null;
            var number = 0;
            while (true)
            {
                ct.ThrowIfCancellationRequested();
                bool more;
                try
                {
                    more = rows.MoveNext();
                }
                catch (Exception e) when (e is not OperationCanceledException)
                {
                    throw new ImportFileException(Say.Of($"{number + 1}행 근처에서 스프레드시트를 읽을 수 없습니다. .xlsx 통합 문서로 다시 저장하십시오.", $"The spreadsheet could not be read near row {number + 1}; save it again as an .xlsx workbook."));
                }
                if (!more) break;
                number++;
                var row = rows.Current;
                if (map is null)
                {
                    keys = row.Keys.ToList();
                    map = MapHeaders(keys.Select(k => Cell(row[k])).ToList(), columns);
                    continue;
                }
                var raw = keys!.Select(k => row.TryGetValue(k, out var v) ? Cell(v) : null).ToList();
                if (raw.All(string.IsNullOrWhiteSpace)) continue;
                yield return Row(number, raw, map);
            }
            if (map is null) throw new ImportFileException(Say.Of("스프레드시트에 머리글 행이 없습니다.", "The spreadsheet has no header row."));
        }
    }

    private static string? Cell(object? value) => value switch
    {
        null => null,
        string s => s,
        double d => d.ToString("R", CultureInfo.InvariantCulture),
        DateTime t => t.TimeOfDay == TimeSpan.Zero ? t.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) : t.ToString("s", CultureInfo.InvariantCulture),
        bool b => b ? "true" : "false",
        IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
        _ => value.ToString(),
    };

    public ValueTask DisposeAsync() => _spool.DisposeAsync();
}
