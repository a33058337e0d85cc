using System.Collections.Frozen;
using System.Text.Json;

namespace BioCluster.Api.Infrastructure.Http;

/// <summary>
/// What a person reads for an enum value, in Korean and English: "검토 중" / "Under review" for
/// <c>IssueStatus.UnderReview</c> (wire name <c>under_review</c>). The table is <c>labels.json</c> beside this file,
/// keyed by the enum's type name and wire name; the dashboard shows the same words (a web test compares the two),
/// and the exports write them, the imports read them back (<see cref="TryParse{T}"/>).
/// </summary>
public static class Labels
{
    private sealed record Pair(string Ko, string En);

    private static readonly FrozenDictionary<string, FrozenDictionary<string, Pair>> Table = Load();

    private static FrozenDictionary<string, FrozenDictionary<string, Pair>> Load()
    {
        using var stream = typeof(Labels).Assembly.GetManifestResourceStream("labels.json")
            ?? throw new InvalidOperationException("labels.json is not embedded in the API assembly.");
        var raw = JsonSerializer.Deserialize<Dictionary<string, Dictionary<string, Dictionary<string, string>>>>(stream)!;
        return raw.ToFrozenDictionary(
            type => type.Key,
            type => type.Value.ToFrozenDictionary(v => v.Key, v => new Pair(v.Value["ko"], v.Value["en"])));
    }

    /// <summary>The enum types that have labels (for the test that every value of each has both).</summary>
    public static IReadOnlyCollection<string> Types => Table.Keys;

    /// <summary>Whether <paramref name="type"/> has a label for <paramref name="wireName"/> in both languages.</summary>
    public static bool Has(string type, string wireName) =>
        Table.TryGetValue(type, out var values) && values.TryGetValue(wireName, out var pair) && pair.Ko.Length > 0 && pair.En.Length > 0;

    /// <summary>The value's label in the request's language (<paramref name="english"/> when given); its wire name when it has none.</summary>
    public static string Of(Enum value, bool? english = null)
    {
        var wire = WireNames.Of(value);
        if (!Table.TryGetValue(value.GetType().Name, out var values) || !values.TryGetValue(wire, out var pair)) return wire;
        return english ?? Localization.IsEnglish ? pair.En : pair.Ko;
    }

    /// <summary>
    /// Reads a value written as its wire name or as its Korean or English label (spaces and case ignored), so a
    /// file the export wrote for a person imports back unchanged.
    /// </summary>
    public static bool TryParse<T>(string? text, out T value) where T : struct, Enum
    {
        value = default;
        if (string.IsNullOrWhiteSpace(text)) return false;
        if (WireNames.TryParse(text.Trim().ToLowerInvariant(), out value)) return true;
        if (!Table.TryGetValue(typeof(T).Name, out var values)) return false;
        var key = Key(text);
        foreach (var (wire, pair) in values)
            if (Key(pair.Ko) == key || Key(pair.En) == key)
                return WireNames.TryParse(wire, out value);
        return false;
    }

    private static string Key(string text) =>
        new string(text.Where(c => !char.IsWhiteSpace(c) && c != '·').ToArray()).ToLowerInvariant();
}
