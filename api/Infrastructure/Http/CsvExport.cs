using System.Text;

namespace BioCluster.Api.Infrastructure.Http;

/// <summary>
/// CSV written as it streams: UTF-8 with a BOM (so Korean Excel opens it as UTF-8), RFC 4180 quoting,
/// and any cell that a spreadsheet would read as a formula (starting with = + - @, tab or CR) made
/// plain text with a leading apostrophe.
/// </summary>
public sealed class CsvExport(Stream body) : IAsyncDisposable
{
    private readonly StreamWriter _writer = new(body, new UTF8Encoding(encoderShouldEmitUTF8Identifier: true), 16 * 1024, leaveOpen: true);

    public static string Cell(string? value)
    {
        if (string.IsNullOrEmpty(value)) return "";
        if (value[0] is '=' or '+' or '-' or '@' or '\t' or '\r') value = "'" + value;
        return value.IndexOfAny([',', '"', '\n', '\r']) >= 0 ? "\"" + value.Replace("\"", "\"\"") + "\"" : value;
    }

    public async Task RowAsync(IEnumerable<string?> cells)
    {
        await _writer.WriteAsync(string.Join(',', cells.Select(Cell)));
        await _writer.WriteAsync("\r\n");
    }

    public async ValueTask DisposeAsync()
    {
        await _writer.FlushAsync();
        await _writer.DisposeAsync();
    }
}
