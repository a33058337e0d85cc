using System.Collections.Concurrent;
using System.Reflection;
using System.Runtime.CompilerServices;

namespace BioCluster.Api.Infrastructure.Data;

/// <summary>
/// Reads a row into <typeparamref name="T"/> by column name, as Dapper does (<c>title_ko</c> → <c>TitleKo</c>), for the
/// fast read path (<see cref="SqliteStatements"/>): the column-to-property plan is made once per statement's columns,
/// then each value is read with its property's own typed read. Features name columns, never positions.
/// </summary>
internal static class RowMap<T> where T : class, new()
{
    private static readonly ConcurrentDictionary<string, Func<RowReader, T>> Plans = new(StringComparer.Ordinal);

    /// <summary>Each kept statement's column list is one array for its life: its plan is found by that array first.</summary>
    private static readonly ConditionalWeakTable<string[], Func<RowReader, T>> ByStatement = new();

    public static Func<RowReader, T> For(string[] columns) =>
        ByStatement.GetValue(columns, c => Plans.GetOrAdd(string.Join(',', c), _ => Plan(c)));

    private static Func<RowReader, T> Plan(string[] columns)
    {
        var properties = typeof(T).GetProperties(BindingFlags.Public | BindingFlags.Instance).Where(p => p.SetMethod is { IsPublic: true })
            .ToDictionary(p => p.Name, StringComparer.OrdinalIgnoreCase);
        var setters = new List<Action<T, RowReader>>(columns.Length);
        for (var i = 0; i < columns.Length; i++)
        {
            // Unmatched columns are left unread, as Dapper leaves them.
            if (properties.TryGetValue(columns[i].Replace("_", "", StringComparison.Ordinal), out var property))
                setters.Add(Setter(property, i));
        }
        var all = setters.ToArray();
        return reader =>
        {
            var row = new T();
            foreach (var set in all) set(row, reader);
            return row;
        };
    }

    private static Action<T, RowReader> Setter(PropertyInfo p, int i)
    {
        Action<T, TValue> Set<TValue>() => (Action<T, TValue>)Delegate.CreateDelegate(typeof(Action<T, TValue>), p.SetMethod!);
        var type = p.PropertyType;
        if (type == typeof(long)) { var set = Set<long>(); return (row, r) => set(row, r.Long(i)); }
        if (type == typeof(long?)) { var set = Set<long?>(); return (row, r) => set(row, r.LongOrNull(i)); }
        if (type == typeof(int)) { var set = Set<int>(); return (row, r) => set(row, r.Int(i)); }
        if (type == typeof(int?)) { var set = Set<int?>(); return (row, r) => set(row, r.IntOrNull(i)); }
        if (type == typeof(bool)) { var set = Set<bool>(); return (row, r) => set(row, r.Long(i) != 0); }
        if (type == typeof(double?)) { var set = Set<double?>(); return (row, r) => set(row, r.DoubleOrNull(i)); }
        if (type == typeof(string)) { var set = Set<string?>(); return (row, r) => set(row, r.TextOrNull(i)); }
        if (type == typeof(DateTimeOffset)) { var set = Set<DateTimeOffset>(); return (row, r) => set(row, r.Instant(i)); }
        if (type == typeof(DateTimeOffset?)) { var set = Set<DateTimeOffset?>(); return (row, r) => set(row, r.InstantOrNull(i)); }
        if (type == typeof(DateOnly?)) { var set = Set<DateOnly?>(); return (row, r) => set(row, r.DateOrNull(i)); }
        throw new NotSupportedException($"{typeof(T).Name}.{p.Name}: a {type.Name} is not read by the fast path; add its read to RowMap.");
    }
}
