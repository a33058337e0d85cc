using System.Globalization;
using System.Text.Json;
using BioCluster.Api.Infrastructure.Http;

namespace BioCluster.Api.Infrastructure.Sheets;

/// <summary>
/// Reads one cell of a row: the row and the column's English name (<see cref="SheetColumn.Name"/>) give the
/// value, or null for an empty cell — also for a column the projection does not know (yet).
/// </summary>
public delegate object? SheetCell<in T>(T row, string column);

/// <summary>What a written cell is: text, a number, a calendar day or a moment (in Korean time).</summary>
public enum CellKind
{
    Text,
    Number,
    Date,
    DateTime,
}

/// <summary>
/// One cell as written: its text (what CSV writes), its kind, and for days and moments the spreadsheet serial
/// (days since 1899-12-30, KST wall-clock for moments) that XLSX writes as a real date cell.
/// </summary>
public readonly record struct CellText(string Text, CellKind Kind = CellKind.Text, double Serial = 0)
{
    public static readonly CellText Empty = new("");
    public bool IsNumber => Kind == CellKind.Number;
}

/// <summary>The language of a file written for a person: its headers, enum labels and yes/no.</summary>
public enum SheetLanguage
{
    Korean,
    English,
}

/// <summary>
/// How a value becomes a cell, the same for CSV and XLSX so that an exported file imports back unchanged:
/// lists joined with ';', days yyyy-MM-dd, moments in Korean time (yyyy-MM-dd HH:mm, KST — what an official files;
/// XLSX makes both real date cells), enums as their label in the file's language (the imports read labels back),
/// numbers in the invariant culture, yes/no in the file's language, JSON as its text, null as an empty cell.
/// Text a spreadsheet would read as a formula is neutralised (<see cref="Neutralise"/>).
/// </summary>
public static class SheetCells
{
    private static readonly DateOnly Epoch = new(1899, 12, 30);

    public static CellText Format(object? value, SheetLanguage language = SheetLanguage.Korean) => value switch
    {
        null => CellText.Empty,
        string s => Text(s),
        Enum e => Text(Labels.Of(e, language == SheetLanguage.English)),
        bool b => new(language == SheetLanguage.English ? (b ? "Yes" : "No") : (b ? "예" : "아니요")),
        DateOnly d => new(d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), CellKind.Date, d.DayNumber - Epoch.DayNumber),
        DateTimeOffset t => Moment(t),
        DateTime t => Moment(new DateTimeOffset(t.Kind == DateTimeKind.Unspecified ? DateTime.SpecifyKind(t, DateTimeKind.Utc) : t.ToUniversalTime())),
        int or long or short or byte or decimal => new(Convert.ToString(value, CultureInfo.InvariantCulture)!, CellKind.Number),
        double d => double.IsFinite(d) ? new(d.ToString("R", CultureInfo.InvariantCulture), CellKind.Number) : CellText.Empty,
        float f => float.IsFinite(f) ? new(f.ToString("R", CultureInfo.InvariantCulture), CellKind.Number) : CellText.Empty,
        JsonElement { ValueKind: JsonValueKind.Undefined or JsonValueKind.Null } => CellText.Empty,
        JsonElement j => Text(j.GetRawText()),
        IEnumerable<string> list => Text(string.Join(Columns.ListSeparator, list)),
        _ => throw new ArgumentException($"A sheet cell cannot hold a {value.GetType().Name}; format it first.", nameof(value)),
    };

    /// <summary>A registry name in the file's language: the English name when the file is English and there is one.</summary>
    public static string? NameOf(string? korean, string? english) => Localization.IsEnglish && !string.IsNullOrEmpty(english) ? english : korean;

    /// <summary>A moment as Korean wall-clock time to the minute (Korea keeps no daylight saving: UTC+9 all year).</summary>
    private static CellText Moment(DateTimeOffset t)
    {
        var kst = t.ToOffset(TimeSpan.FromHours(9)).DateTime;
        var minute = new DateTime(kst.Year, kst.Month, kst.Day, kst.Hour, kst.Minute, 0, DateTimeKind.Unspecified);
        var serial = DateOnly.FromDateTime(minute).DayNumber - Epoch.DayNumber + minute.TimeOfDay.TotalDays;
        return new(minute.ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture), CellKind.DateTime, serial);
    }

    private static CellText Text(string s) => s.Length == 0 ? CellText.Empty : new(Neutralise(s));

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
