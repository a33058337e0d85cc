using System.Text.RegularExpressions;

namespace BioCluster.Api.Infrastructure.Sheets;

/// <summary>Numbers as people type them in spreadsheets: 1,234,567 (thousands separators) read as 1234567.</summary>
public static partial class SheetNumbers
{
    /// <summary>
    /// The text without its thousands separators when they group digits in threes (1,234 or -12,345.6); any other text
    /// is returned unchanged, so "1,2" stays a non-number rather than becoming 12.
    /// </summary>
    public static string WithoutGrouping(string text)
    {
        var trimmed = text.Trim();
        return Grouped().IsMatch(trimmed) ? trimmed.Replace(",", "") : trimmed;
    }

    [GeneratedRegex(@"^[+-]?\d{1,3}(,\d{3})+(\.\d+)?$")]
    private static partial Regex Grouped();
}
