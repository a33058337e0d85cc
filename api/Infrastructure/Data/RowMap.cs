using System.Collections.Concurrent;
using System.Linq.Expressions;
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

    /// <summary>
    /// One compiled reader per plan: <c>r => new T { Id = r.Long(0), TitleKo = r.TextOrNull(1), … }</c>, so a row costs what
    /// the hand-written readers it replaced cost (a delegate per column cost a page ~5 %).
    /// </summary>
    private static Func<RowReader, T> Plan(string[] columns)
    {
        var properties = typeof(T).GetProperties(BindingFlags.Public | BindingFlags.Instance).Where(p => p.SetMethod is { IsPublic: true })
            .ToDictionary(p => p.Name, StringComparer.OrdinalIgnoreCase);
        var reader = Expression.Parameter(typeof(RowReader), "r");
        var bindings = new List<MemberBinding>(columns.Length);
        for (var i = 0; i < columns.Length; i++)
        {
            // Unmatched columns are left unread, as Dapper leaves them.
            if (properties.TryGetValue(columns[i].Replace("_", "", StringComparison.Ordinal), out var property))
                bindings.Add(Expression.Bind(property, Read(reader, property, i)));
        }
        return Expression.Lambda<Func<RowReader, T>>(Expression.MemberInit(Expression.New(typeof(T)), bindings), reader).Compile();
    }

    private static Expression Read(ParameterExpression reader, PropertyInfo p, int i)
    {
        var column = Expression.Constant(i);
        Expression Call(string method) => Expression.Call(reader, typeof(RowReader).GetMethod(method)!, column);
        var type = p.PropertyType;
        if (type == typeof(long)) return Call(nameof(RowReader.Long));
        if (type == typeof(long?)) return Call(nameof(RowReader.LongOrNull));
        if (type == typeof(int)) return Call(nameof(RowReader.Int));
        if (type == typeof(int?)) return Call(nameof(RowReader.IntOrNull));
        if (type == typeof(bool)) return Expression.NotEqual(Call(nameof(RowReader.Long)), Expression.Constant(0L));
        if (type == typeof(double?)) return Call(nameof(RowReader.DoubleOrNull));
        if (type == typeof(string)) return Call(nameof(RowReader.TextOrNull));
        if (type == typeof(DateTimeOffset)) return Call(nameof(RowReader.Instant));
        if (type == typeof(DateTimeOffset?)) return Call(nameof(RowReader.InstantOrNull));
        if (type == typeof(DateOnly?)) return Call(nameof(RowReader.DateOrNull));
        throw new NotSupportedException($"{typeof(T).Name}.{p.Name}: a {type.Name} is not read by the fast path; add its read to RowMap.");
    }
}
