using BioCluster.Api.Infrastructure.Data;
using Microsoft.AspNetCore.Http.HttpResults;

namespace BioCluster.Api.Infrastructure.Http;

/// <summary>Checks the query string of a list endpoint and gathers every problem into one 400.</summary>
public sealed class ListErrors
{
    private readonly Dictionary<string, string[]> _errors = new();

    public bool Any => _errors.Count > 0;

    public ValidationProblem Problem() => Problems.Invalid(_errors);

    public IReadOnlyList<string> Enums<T>(string field, string[]? values) where T : struct, Enum
    {
        if (values is null || values.Length == 0) return [];
        var bad = values.Where(v => !WireNames.TryParse<T>(v, out _)).ToList();
        if (bad.Count > 0)
            _errors[field] = [$"Unknown value(s) {string.Join(", ", bad.Select(b => $"'{Clip(b)}'"))}; use one of: {string.Join(", ", WireNames.All<T>())}."];
        return values.Distinct().ToList();
    }

    /// <summary>A free-text filter: trimmed, null when blank, at most 200 characters.</summary>
    public string? Text(string field, string? value)
    {
        if (string.IsNullOrWhiteSpace(value)) return null;
        var text = value.Trim();
        if (text.Length > 200) _errors[field] = ["At most 200 characters."];
        if (text.Any(char.IsControl)) _errors[field] = ["Control characters are not allowed."];
        return text;
    }

    /// <summary>A whole-number filter that must lie within [min, max] when given.</summary>
    public int? Between(string field, int? value, int min, int max)
    {
        if (value is { } v && (v < min || v > max)) _errors[field] = [$"Must be between {min} and {max}."];
        return value;
    }

    /// <summary>A problem found by the endpoint itself (e.g. two filters that contradict each other).</summary>
    public void Add(string field, string message) => _errors[field] = [message];

    public (SortSpec<TRow> Sort, int Limit, KeysetCursor? Cursor) Paging<TRow>(
        IReadOnlyList<SortField<TRow>> fields, string? sort, int? limit, string? cursor)
    {
        if (!Keyset.TryParseSort(sort, fields, out var spec))
            _errors["sort"] = [$"Sort by one of: {string.Join(", ", fields.Select(f => f.Name))} (prefix '-' for descending)."];
        var take = limit ?? Keyset.DefaultLimit;
        if (take is < 1 or > Keyset.MaxLimit)
            _errors["limit"] = [$"The limit must be between 1 and {Keyset.MaxLimit}."];
        if (!Keyset.TryDecode(cursor, spec, out var after))
            _errors["cursor"] = ["The cursor is not one this list gave out for this sort; start again without it."];
        return (spec, take, after);
    }

    private static string Clip(string s) => s.Length > 40 ? s[..40] + "…" : s;
}
