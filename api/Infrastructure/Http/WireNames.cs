using System.Collections.Concurrent;
using System.Text.Json;

namespace BioCluster.Api.Infrastructure.Http;

/// <summary>
/// Enum values travel and are stored as snake_case strings (<c>cluster_operator</c>), the same
/// spelling the JSON converter uses, so the database, the query string and the body agree.
/// </summary>
public static class WireNames
{
    private static readonly ConcurrentDictionary<Type, IReadOnlyDictionary<string, Enum>> ByName = new();

    public static string Of<T>(T value) where T : struct, Enum =>
        Spelled<T>.Names.TryGetValue(value, out var name) ? name : Spell(value);

    private static string Spell<T>(T value) where T : struct, Enum => JsonNamingPolicy.SnakeCaseLower.ConvertName(value.ToString());

    /// <summary>Each value's spelling, worked out once per enum (lists and imports ask for it per row).</summary>
    private static class Spelled<T> where T : struct, Enum
    {
        public static readonly IReadOnlyDictionary<T, string> Names = Enum.GetValues<T>().Distinct().ToDictionary(v => v, Spell);
    }

    public static string? Of<T>(T? value) where T : struct, Enum => value is { } v ? Of(v) : null;

    /// <summary>The wire name of an enum value whose type is known only at run time (sheet exports).</summary>
    public static string Of(Enum value) => JsonNamingPolicy.SnakeCaseLower.ConvertName(value.ToString());

    public static IReadOnlyCollection<string> All<T>() where T : struct, Enum => Map<T>().Keys.ToList();

    public static bool TryParse<T>(string? text, out T value) where T : struct, Enum
    {
        if (text is not null && Map<T>().TryGetValue(text, out var found))
        {
            value = (T)found;
            return true;
        }
        value = default;
        return false;
    }

    public static T Parse<T>(string text) where T : struct, Enum =>
        TryParse<T>(text, out var value)
            ? value
            : throw new FormatException($"'{text}' is not a {typeof(T).Name}.");

    private static IReadOnlyDictionary<string, Enum> Map<T>() where T : struct, Enum =>
        ByName.GetOrAdd(typeof(T), _ => Enum.GetValues<T>().ToDictionary(v => Of(v), v => (Enum)v, StringComparer.Ordinal));
}
