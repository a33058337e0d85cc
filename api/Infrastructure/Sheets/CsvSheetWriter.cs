using System.Text;

namespace BioCluster.Api.Infrastructure.Sheets;

/// <summary>
/// CSV written as the rows arrive: UTF-8 with a BOM (so Korean Excel opens it as UTF-8), the headers in the file's
/// language (Korean headers or the English column names; the imports read both), RFC 4180 quoting and CRLF line
/// ends. Only asynchronous writes reach the stream.
/// </summary>
public static class CsvSheetWriter
{
    public static async Task WriteAsync<T>(Stream output, IReadOnlyList<SheetColumn> columns, SheetCell<T> cell, IAsyncEnumerable<T> rows,
        SheetLanguage language, CancellationToken ct)
    {
        await using var writer = new StreamWriter(output, new UTF8Encoding(encoderShouldEmitUTF8Identifier: true), 32 * 1024, leaveOpen: true);
        var line = new StringBuilder(1024);
        for (var c = 0; c < columns.Count; c++)
        {
            if (c > 0) line.Append(',');
            Append(line, columns[c].Header(language));
        }
        line.Append("\r\n");
        await writer.WriteAsync(line, ct);

        await foreach (var row in rows.WithCancellation(ct))
        {
            line.Clear();
            for (var c = 0; c < columns.Count; c++)
            {
                if (c > 0) line.Append(',');
                Append(line, SheetCells.Format(cell(row, columns[c].Name), language).Text);
            }
            line.Append("\r\n");
            await writer.WriteAsync(line, ct);
        }
        await writer.FlushAsync(ct);
    }

    /// <summary>One field, quoted when it holds a comma, a quote or a line break (quotes doubled).</summary>
    private static void Append(StringBuilder line, string text)
    {
        if (text.AsSpan().IndexOfAny(",\"\n\r") < 0)
        {
            line.Append(text);
            return;
        }
        line.Append('"').Append(text.Replace("\"", "\"\"")).Append('"');
    }
}
