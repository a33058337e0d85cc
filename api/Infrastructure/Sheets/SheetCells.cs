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
    /// Text a spreadsheet would read as a formula gets a leading apostrophe, which makes it plain text (CSV/formula
    /// injection). Numbers the export formats itself are not text and are left alone. See <see cref="IsGuarded"/>.
    /// </summary>
    public static string Neutralise(string value) => IsGuarded(value) ? "'" + value : value;

    /// <summary>
    /// Whether <paramref name="value"/> needs the apostrophe: its first character that is not white space or a control
    /// or format character (spreadsheets skip leading spaces, tabs and line breaks before a formula) is = + - or @,
    /// also in a compatibility form that NFKC folds to one of them (full-width ＝＋－＠, small ﹦, superscript ⁺ …);
    /// or it starts with a tab or a carriage return before other text (read as a formula by some); or that character is an apostrophe
    /// guarding such a value, so that the import's reverse (<c>ImportFile.Clean</c>) gives every value back unchanged.
    /// </summary>
    public static bool IsGuarded(ReadOnlySpan<char> value)
    {
        // A loop, not recursion: a cell of a hundred thousand apostrophes must not overflow the stack.
        while (value.Length > 0)
        {
            var i = 0;
            while (i < value.Length && Skipped(value[i])) i++;
            if (i == value.Length) return false;
            if (value[0] is '\t' or '\r') return true;
            var c = value[i];
            var length = 1;
            if (c >= 0x80 && c is not (>= '\uAC00' and <= '\uD7A3')) // ASCII and Hangul syllables fold to themselves
            {
                length = char.IsHighSurrogate(c) && i + 1 < value.Length && char.IsLowSurrogate(value[i + 1]) ? 2 : 1;
                if (char.IsSurrogate(c) && length == 1) return false; // a lone surrogate: no spreadsheet reads it as an operator
                var one = value.Slice(i, length).ToString();
                var folded = one.Normalize(System.Text.NormalizationForm.FormKC).AsSpan();
                var f = 0;
                while (f < folded.Length && Skipped(folded[f])) f++;
                if (f == folded.Length) { value = value[(i + length)..]; continue; } // folds to white space: passed over too
                // A character that folds to several (⑴ → "(1)") is guarded when any of them is an operator or an apostrophe.
                if (folded.Length - f > 1) return folded[f..].IndexOfAny("=+-@'") >= 0;
                c = folded[f];
            }
            if (c is '=' or '+' or '-' or '@' or '\u2212') return true; // U+2212 MINUS SIGN: NFKC keeps it; spreadsheets read a minus
            if (c != '\'') return false;
            value = value[(i + length)..]; // an apostrophe guarding a guarded value is guarded in turn
        }
        return false;
    }

    /// <summary>What a spreadsheet passes over before it looks for a formula.</summary>
    private static bool Skipped(char c) =>
        char.IsWhiteSpace(c) || char.IsControl(c) || CharUnicodeInfo.GetUnicodeCategory(c) == UnicodeCategory.Format;
}
