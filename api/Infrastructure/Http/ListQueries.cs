using BioCluster.Api.Infrastructure.Data;
using FluentValidation;

namespace BioCluster.Api.Infrastructure.Http;

/// <summary>A list's query string that pages by keyset: its sort, page size and cursor.</summary>
public interface IPagedQuery
{
    string? Sort { get; }
    int? Limit { get; }
    string? Cursor { get; }
}

/// <summary>
/// The rules every list's query string shares, as FluentValidation rules for the query records the list endpoints
/// bind with <c>[AsParameters]</c>; the one validation filter runs them (<see cref="ValidationFilter{T}"/>).
/// </summary>
public static class ListRules
{
    public const int MaxFilterText = 200;

    /// <summary>Every value is a wire name of <typeparamref name="TEnum"/>.</summary>
    public static IRuleBuilderOptions<T, string[]?> WireNamesOf<T, TEnum>(this IRuleBuilder<T, string[]?> rule) where TEnum : struct, Enum =>
        rule.Must(values => values is null || values.All(v => WireNames.TryParse<TEnum>(v, out _)))
            .WithMessage((query, values) =>
            {
                var bad = string.Join(", ", values!.Where(v => !WireNames.TryParse<TEnum>(v, out _)).Select(v => $"'{Clip(v)}'"));
                var all = string.Join(", ", WireNames.All<TEnum>());
                return Text.Of($"알 수 없는 값 {bad}. 다음 중에서 고르세요: {all}.", $"Unknown value(s) {bad}; use one of: {all}.");
            });

    /// <summary>A free-text filter: at most 200 characters once trimmed, no control characters.</summary>
    public static IRuleBuilderOptions<T, string?> FilterText<T>(this IRuleBuilder<T, string?> rule) =>
        rule.Must(v => v is null || v.Trim().Length <= MaxFilterText)
            .WithMessage(_ => Text.Of($"{MaxFilterText}자 이하로 입력하세요.", $"At most {MaxFilterText} characters."))
            .Must(v => v is null || !v.Trim().Any(char.IsControl))
            .WithMessage(_ => Text.Of("제어 문자는 쓸 수 없습니다.", "Control characters are not allowed."));

    /// <summary>A filter text as the store reads it: trimmed, null when blank.</summary>
    public static string? Normal(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();

    /// <summary>Distinct values of a repeated filter (empty when none).</summary>
    public static IReadOnlyList<string> Distinct(string[]? values) => values is null ? [] : values.Distinct().ToList();

    private static string Clip(string s) => s.Length > 40 ? s[..40] + "…" : s;
}

/// <summary>The sort, page size and cursor rules of a keyset list over rows of <typeparamref name="TRow"/>.</summary>
public sealed class PagingRules<TQuery, TRow> : AbstractValidator<TQuery> where TQuery : IPagedQuery
{
    public PagingRules(IReadOnlyList<SortField<TRow>> fields, string defaultSort)
    {
        RuleFor(q => q.Sort).Must(s => Keyset.TryParseSort(s ?? defaultSort, fields, out _))
            .WithMessage(_ => Text.Of($"정렬 기준은 다음 중 하나입니다: {Names()} (내림차순은 앞에 '-').",
                $"Sort by one of: {Names()} (prefix '-' for descending)."));
        RuleFor(q => q.Limit).InclusiveBetween(1, Keyset.MaxLimit)
            .WithMessage(_ => Text.Of($"limit은 1에서 {Keyset.MaxLimit} 사이여야 합니다.", $"The limit must be between 1 and {Keyset.MaxLimit}."));
        RuleFor(q => q.Cursor).Must((q, cursor) => !Keyset.TryParseSort(q.Sort ?? defaultSort, fields, out var spec) || Keyset.TryDecode(cursor, spec, out _))
            .WithMessage(_ => Text.Of("이 목록이 이 정렬로 준 커서가 아닙니다. 커서 없이 처음부터 다시 읽으세요.",
                "The cursor is not one this list gave out for this sort; start again without it."));

        string Names() => string.Join(", ", fields.Select(f => f.Name));
    }

    /// <summary>The page a validated query asks for.</summary>
    public static (SortSpec<TRow> Sort, int Limit, KeysetCursor? Cursor) Of(TQuery query, IReadOnlyList<SortField<TRow>> fields, string defaultSort)
    {
        Keyset.TryParseSort(query.Sort ?? defaultSort, fields, out var spec);
        Keyset.TryDecode(query.Cursor, spec, out var cursor);
        return (spec, query.Limit ?? Keyset.DefaultLimit, cursor);
    }
}
