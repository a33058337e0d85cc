using System.Globalization;
using System.Text.Json;
using BioCluster.Api.Infrastructure.Http;

namespace BioCluster.Api.Infrastructure.Sheets;

/// <summary>
/// Reads one cell of a row: the row and the column's English name (<see cref="SheetColumn.Name"/>) give the
/// value, or null for an empty cell — also for a column the projection does not know (yet).
/// </summary>
public delegate object? SheetCell<in T>(T row, string column);

/// <summary>One cell as written: its text, and whether it is a number (an XLSX number cell, never neutralised).</summary>
public readonly record struct CellText(string Text, bool IsNumber)
{
    public static readonly CellText Empty = new("", false);
}

/// <summary>
/// How a value becomes a cell, the same for CSV and XLSX so that an exported file imports back unchanged:
/// lists joined with ';', dates yyyy-MM-dd, instants ISO 8601 "O" in UTC, enums as their wire names,
/// numbers in the invariant culture, booleans true/false, JSON as its text, null as an empty cell.
/// Text a spreadsheet would read as a formula is neutralised (<see cref="Neutralise"/>).
/// </summary>
public static class SheetCells
{
    public static CellText Format(object? value) => value switch
    {
        null => CellText.Empty,
        string s => Text(s),
        Enum e => Text(WireNames.Of(e)),
        bool b => new(b ? "true" : "false", false),
        DateOnly d => new(d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), false),
        DateTimeOffset t => new(t.UtcDateTime.ToString("O", CultureInfo.InvariantCulture), false),
        DateTime t => new(t.ToUniversalTime().ToString("O", CultureInfo.InvariantCulture), false),
        int or long or short or byte or decimal => new(Convert.ToString(value, CultureInfo.InvariantCulture)!, true),
        double d => double.IsFinite(d) ? new(d.ToString("R", CultureInfo.InvariantCulture), true) : CellText.Empty,
        float f => float.IsFinite(f) ? new(f.ToString("R", CultureInfo.InvariantCulture), true) : CellText.Empty,
        JsonElement { ValueKind: JsonValueKind.Undefined or JsonValueKind.Null } => CellText.Empty,
        JsonElement j => Text(j.GetRawText()),
        IEnumerable<string> list => Text(string.Join(Columns.ListSeparator, list)),
        _ => throw new ArgumentException($"A sheet cell cannot hold a {value.GetType().Name}; format it first.", nameof(value)),
    };

    private static CellText Text(string s) => s.Length == 0 ? CellText.Empty : new(Neutralise(s), false);

    /// <summary>
    /// Text starting with = + - @, a tab or a carriage return is what spreadsheets read as a formula (CSV/formula
    /// injection); a leading apostrophe makes it plain text. Numbers the export formats itself are not text and
    /// are left alone.
    /// </summary>
    public static string Neutralise(string value) =>
        value.Length > 0 && value[0] is '=' or '+' or '-' or '@' or '\t' or '\r' ? "'" + value : value;
}
