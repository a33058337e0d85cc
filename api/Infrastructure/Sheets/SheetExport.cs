using System.Globalization;
using BioCluster.Api.Infrastructure.Http;

namespace BioCluster.Api.Infrastructure.Sheets;

/// <summary>
/// The exports' one entry point. A handler checks its filters, then returns
/// <c>SheetExport.Csv(Titles.Clusters, Columns.Clusters, ClusterCell, store.StreamAsync(filter, ct))</c> (or <c>Xlsx</c>);
/// the rows are written to the response as the store reads them in keyset batches, so no export of any size
/// sits in memory. The projection names cells by column (<see cref="SheetCell{T}"/>) and answers null for a
/// column it cannot fill, which leaves that cell empty.
/// </summary>
/// <remarks>
/// Files are written for the person who asked: Korean headers and labels unless the request asked for English
/// (<c>?lang=en</c>, else <c>Accept-Language</c>: a download link cannot set a header, so the dashboard passes its
/// language), moments in Korean time, and a file name that carries the title and today's date in Korea.
/// </remarks>
public static class SheetExport
{
    public const string CsvContentType = "text/csv";
    public const string XlsxContentType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    /// <summary>CSV (UTF-8 with BOM), the headers in the file's language.</summary>
    public static SheetFile Csv<T>(SheetTitle title, IReadOnlyList<SheetColumn> columns, SheetCell<T> cell, IAsyncEnumerable<T> rows) =>
        new(CsvContentType + "; charset=utf-8", title, "csv",
            (body, language, ct) => CsvSheetWriter.WriteAsync(body, columns, cell, rows, language, ct));

    /// <summary>XLSX as a report: headers bold, frozen and filtered, widths set, days and moments as date cells, printed landscape on A4.</summary>
    public static SheetFile Xlsx<T>(SheetTitle title, IReadOnlyList<SheetColumn> columns, SheetCell<T> cell, IAsyncEnumerable<T> rows) =>
        new(XlsxContentType, title, "xlsx",
            (body, language, ct) => XlsxSheetWriter.WriteAsync(body, title.In(language), columns, cell, rows, language, ct));

    /// <summary>CSV or XLSX of the same rows, for the handlers that serve both from one method.</summary>
    public static SheetFile As<T>(bool xlsx, SheetTitle title, IReadOnlyList<SheetColumn> columns, SheetCell<T> cell, IAsyncEnumerable<T> rows) =>
        xlsx ? Xlsx(title, columns, cell, rows) : Csv(title, columns, cell, rows);

    /// <summary>The language a file for this request is written in: <c>?lang=</c>, else the request's language.</summary>
    public static SheetLanguage LanguageOf(HttpRequest request) =>
        request.Query["lang"].ToString() switch
        {
            "en" => SheetLanguage.English,
            "ko" => SheetLanguage.Korean,
            _ => Localization.IsEnglish ? SheetLanguage.English : SheetLanguage.Korean,
        };
}

/// <summary>
/// What an export is called: <paramref name="Slug"/> (English, for the plain file name and English files) and the
/// Korean title (Korean files' names and sheet names), e.g. <c>new("regulatory-issues", "규제개선과제")</c>.
/// </summary>
public sealed record SheetTitle(string Slug, string Korean)
{
    public string In(SheetLanguage language) => language == SheetLanguage.English ? Slug : Korean;
}

/// <summary>An export being written to the response as an attachment.</summary>
public sealed class SheetFile(string contentType, SheetTitle title, string extension, Func<Stream, SheetLanguage, CancellationToken, Task> write) : IResult
{
    public string ContentType => contentType;
    public SheetTitle Title => title;

    /// <summary>The file name: the title in the file's language and the day in Korea, e.g. 규제개선과제_2026-12-05.xlsx.</summary>
    public static string FileName(SheetTitle title, SheetLanguage language, DateOnly day) =>
        language == SheetLanguage.English
            ? $"{title.Slug}-{day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)}"
            : $"{title.Korean}_{day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)}";

    public async Task ExecuteAsync(HttpContext http)
    {
        var language = SheetExport.LanguageOf(http.Request);
        var clock = http.RequestServices.GetService<TimeProvider>() ?? TimeProvider.System;
        var day = DateOnly.FromDateTime(clock.GetUtcNow().ToOffset(TimeSpan.FromHours(9)).DateTime);
        var ascii = $"{title.Slug}-{day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)}.{extension}";
        var named = $"{FileName(title, language, day)}.{extension}";
        http.Response.ContentType = contentType;
        // filename* (RFC 6266/5987) carries the Korean name; filename is the plain fallback for old clients.
        http.Response.Headers.ContentDisposition = $"attachment; filename=\"{ascii}\"; filename*=UTF-8''{Uri.EscapeDataString(named)}";
        // Exports can hold personal data (officials' contacts, the audit trail): never kept by a shared cache.
        http.Response.Headers.CacheControl = "no-store";
        http.Response.Headers.ContentLanguage = language == SheetLanguage.English ? "en" : "ko";
        // The projections name registry records in the file's language (SheetCells.NameOf reads the UI culture).
        CultureInfo.CurrentUICulture = CultureInfo.GetCultureInfo(language == SheetLanguage.English ? "en" : "ko");
        await write(http.Response.Body, language, http.RequestAborted);
    }
}
