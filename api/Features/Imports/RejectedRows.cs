using BioCluster.Api.Infrastructure.Sheets;

namespace BioCluster.Api.Features.Imports;

/// <summary>
/// The two columns the rejected-rows file adds around the rows as they were sent: the row number first and the
/// problems last. An import passes over both (in either language), so the file can be fixed and sent back as it is.
/// </summary>
public static class RejectedRows
{
    public static readonly SheetColumn Row = new("row", "행", Imported: false, Width: 6);
    public static readonly SheetColumn Errors = new("errors", "오류", Imported: false, Width: 60);

    public static bool IsReportColumn(string header)
    {
        var key = Columns.HeaderKey(header);
        return key == Columns.HeaderKey(Row.Name) || key == Columns.HeaderKey(Row.Korean)
            || key == Columns.HeaderKey(Errors.Name) || key == Columns.HeaderKey(Errors.Korean);
    }
}
