namespace BioCluster.Api.Infrastructure.Sheets;

/// <summary>
/// The exports' one entry point. A handler checks its filters, then returns
/// <c>SheetExport.Csv("clusters", Columns.Clusters, ClusterCell, store.StreamAsync(filter, ct))</c> (or <c>Xlsx</c>);
/// the rows are written to the response as the store reads them in keyset batches, so no export of any size
/// sits in memory. The projection names cells by column (<see cref="SheetCell{T}"/>) and answers null for a
/// column it cannot fill, which leaves that cell empty.
/// </summary>
public static class SheetExport
{
    public const string CsvContentType = "text/csv";
    public const string XlsxContentType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    /// <summary>CSV with the English column names as the header row; <paramref name="fileName"/> without extension.</summary>
    public static SheetFile Csv<T>(string fileName, IReadOnlyList<SheetColumn> columns, SheetCell<T> cell, IAsyncEnumerable<T> rows) =>
        new(CsvContentType + "; charset=utf-8", fileName + ".csv",
            (body, ct) => CsvSheetWriter.WriteAsync(body, columns, cell, rows, ct));

    /// <summary>XLSX with the Korean column headers as a bold, frozen first row; <paramref name="fileName"/> without extension.</summary>
    public static SheetFile Xlsx<T>(string fileName, IReadOnlyList<SheetColumn> columns, SheetCell<T> cell, IAsyncEnumerable<T> rows) =>
        new(XlsxContentType, fileName + ".xlsx",
            (body, ct) => XlsxSheetWriter.WriteAsync(body, fileName, columns, cell, rows, ct));
}

/// <summary>An export being written to the response as an attachment.</summary>
public sealed class SheetFile(string contentType, string fileName, Func<Stream, CancellationToken, Task> write) : IResult
{
    public string ContentType => contentType;
    public string FileName => fileName;

    public async Task ExecuteAsync(HttpContext http)
    {
        http.Response.ContentType = contentType;
        http.Response.Headers.ContentDisposition = $"attachment; filename=\"{fileName}\"";
        // Exports can hold personal data (officials' contacts, the audit trail): never kept by a shared cache.
        http.Response.Headers.CacheControl = "no-store";
        await write(http.Response.Body, http.RequestAborted);
    }
}
