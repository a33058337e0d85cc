using System.Collections.Frozen;
using System.Text.Json;

namespace BioCluster.Api.Infrastructure.Http;

/// <summary>
/// What a person reads for a field, in Korean and English: "국문 제목" / "Korean title" for <c>titleKo</c>. The table is the
/// dashboard's own (web/src/features/audit/i18n/fields.json, embedded here), so a validation message names a field as the
/// form and the history name it: "'국문 제목'은(는) 비어 있을 수 없습니다." rather than "'title Ko'…".
/// </summary>
public static class FieldLabels
{
    private static readonly FrozenDictionary<string, string[]> Table = Load();

    private static FrozenDictionary<string, string[]> Load()
    {
        using var stream = typeof(FieldLabels).Assembly.GetManifestResourceStream("fields.json")
            ?? throw new InvalidOperationException("fields.json is not embedded in the API assembly.");
        return JsonSerializer.Deserialize<Dictionary<string, string[]>>(stream)!.ToFrozenDictionary(StringComparer.Ordinal);
    }

    /// <summary>Whether the field (its JSON name) has a label in both languages.</summary>
    public static bool Has(string field) => Table.TryGetValue(field, out var pair) && pair.Length == 2 && pair.All(p => p.Length > 0);

    /// <summary>The field's label in the request's language; its JSON name when it has none.</summary>
    public static string Of(string field) =>
        Table.TryGetValue(field, out var pair) && pair.Length == 2 ? pair[Localization.IsEnglish ? 1 : 0] : field;
}
