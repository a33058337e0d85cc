using System.Globalization;
using System.Buffers.Text;
using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization;
using System.Data.Common;
using System.Runtime.CompilerServices;
using Dapper;

namespace BioCluster.Api.Infrastructure.Data;

/// <summary>
/// A field a list may be sorted by: its API name, its column, how to read it from a row, and (for
/// values that are neither text nor integers, like instants) how to turn the cursor's copy back into a
/// typed parameter so the database compares like with like.
/// </summary>
public sealed record SortField<TRow>(string Name, string Column, Func<TRow, object> Value, Func<JsonElement, object>? FromCursor = null)
{
    /// <summary>A sort on an instant column.</summary>
    public static SortField<TRow> Instant(string name, string column, Func<TRow, DateTimeOffset> value) =>
        new(name, column, r => value(r), e => e.GetDateTimeOffset());
}

/// <summary>The sort a request asked for.</summary>
public sealed record SortSpec<TRow>(SortField<TRow> Field, bool Descending)
{
    public string Text => Descending ? "-" + Field.Name : Field.Name;
}

/// <summary>The position after the last row of a page: its sort value and its id.</summary>
public sealed record KeysetCursor(
    [property: JsonPropertyName("s")] string Sort,
    [property: JsonPropertyName("v")] JsonElement Value,
    [property: JsonPropertyName("i")] long Id);

/// <summary>
/// Keyset (seek) paging: each page continues after the (sort value, id) of the previous page's last
/// row, so page 2,000 costs the same index seek as page 1 and concurrent inserts cause no gaps or repeats.
/// </summary>
public static class Keyset
{
    public const int DefaultLimit = 50;

    /// <summary>A cursor value of a whole-number sort (ids, ranks, years): a number, or the cursor is not ours.</summary>
    public static object WholeNumber(JsonElement value) => value.GetInt64();

    /// <summary>A cursor value of a text sort (codes, names): a text, or the cursor is not ours.</summary>
    public static object Text(JsonElement value) => value.ValueKind == JsonValueKind.String ? value.GetString()! : throw new InvalidOperationException("not a text");
    public const int MaxLimit = 200;

    public static bool TryParseSort<TRow>(string? sort, IReadOnlyList<SortField<TRow>> fields, out SortSpec<TRow> spec)
    {
        var text = string.IsNullOrWhiteSpace(sort) ? fields[0].Name : sort.Trim();
        var descending = text.StartsWith('-');
        var name = descending ? text[1..] : text;
        var field = fields.FirstOrDefault(f => f.Name == name);
        spec = new SortSpec<TRow>(field ?? fields[0], descending);
        return field is not null;
    }

    public static string Encode(KeysetCursor cursor) =>
        Base64Url.EncodeToString(JsonSerializer.SerializeToUtf8Bytes(cursor));

    public static bool TryDecode<TRow>(string? text, SortSpec<TRow> spec, out KeysetCursor? cursor)
    {
        cursor = null;
        if (string.IsNullOrEmpty(text)) return true;
        try
        {
            if (text.Length > 2048) return false;
            cursor = JsonSerializer.Deserialize<KeysetCursor>(Base64Url.DecodeFromChars(text));
            if (cursor is null || cursor.Sort != spec.Text) return false;
            // Only what Cut writes: a whole number the database can compare (not 1.5 or 1e300) or a short text.
            var valueIsOurs = cursor.Value.ValueKind switch
            {
                JsonValueKind.Number => cursor.Value.TryGetInt64(out _),
                JsonValueKind.String => cursor.Value.GetString()!.Length <= 1024,
                _ => false,
            };
            if (!valueIsOurs) return false;
            _ = spec.Field.FromCursor?.Invoke(cursor.Value); // a cursor whose value does not read back is not ours
            return true;
        }
        catch (Exception e) when (e is FormatException or JsonException or ArgumentException or InvalidOperationException)
        {
            cursor = null;
            return false;
        }
    }

    /// <summary>The seek predicate that continues after <paramref name="cursor"/>, with its parameters added.</summary>
    public static string Seek<TRow>(SortSpec<TRow> spec, KeysetCursor cursor, DynamicParameters parameters, string idColumn)
    {
        object value = spec.Field.FromCursor is { } parse ? parse(cursor.Value)
            : cursor.Value.ValueKind == JsonValueKind.Number ? cursor.Value.GetInt64() : cursor.Value.GetString()!;
        parameters.Add("SeekValue", value);
        parameters.Add("SeekId", cursor.Id);
        var op = spec.Descending ? "<" : ">";
        var col = spec.Field.Column;
        return $"({col} {op} @SeekValue OR ({col} = @SeekValue AND {idColumn} {op} @SeekId))";
    }

    public static string OrderBy<TRow>(SortSpec<TRow> spec, string idColumn)
    {
        var dir = spec.Descending ? "DESC" : "ASC";
        return $"{spec.Field.Column} {dir}, {idColumn} {dir}";
    }

    /// <summary>Cuts the limit+1 rows read into a page and the cursor of the next one.</summary>
    public static (IReadOnlyList<TRow> Rows, string? Next) Cut<TRow>(IReadOnlyList<TRow> rows, int limit, SortSpec<TRow> spec, Func<TRow, long> id)
    {
        if (rows.Count <= limit) return (rows, null);
        var page = rows.Take(limit).ToList();
        var last = page[^1];
        var cursor = new KeysetCursor(spec.Text, JsonSerializer.SerializeToElement(spec.Field.Value(last)), id(last));
        return (page, Encode(cursor));
    }

    /// <summary>
    /// Reads one page: counts the rows the filters match (when asked), then reads limit+1 rows after the
    /// cursor in the sort's order and cuts them into the page and the next cursor. Every list uses this.
    /// </summary>
    /// <param name="select">The SELECT … FROM … JOIN … of the rows, without WHERE.</param>
    /// <param name="countFrom">The FROM clause the count needs (fewer joins than the select).</param>
    /// <param name="rows">Reads the page's rows (a hot list passes <see cref="Rows.ByName{T}"/>: the fast path when on); null: Dapper.</param>
    /// <param name="branches">
    /// Alternatives the rows must match one of (say, one status each), read as a merge: each branch's first limit+1 rows
    /// in the sort's order, then the first limit+1 of those. An index on (branch column, sort column, id) then serves
    /// every branch, where "one of several values, sorted by another column" made the engine sort every matching row.
    /// <paramref name="select"/> must name the sort and id columns as themselves (the merge orders by their bare names).
    /// </param>
    public static async Task<(IReadOnlyList<TRow> Rows, string? Next, int Total)> PageAsync<TRow>(
        DbConnection connection, SqlDialect dialect, string select, string countFrom, IReadOnlyList<string> where, DynamicParameters p,
        SortSpec<TRow> sort, KeysetCursor? cursor, int limit, string idColumn, Func<TRow, long> id, bool count = true, bool keysFirst = false,
        Func<DbConnection, string, DynamicParameters, int, Task<List<TRow>>>? rows = null, IReadOnlyList<string>? branches = null)
    {
        var merge = branches is { Count: > 1 };
        // A merge counts the rows matching any branch; its page statement adds each branch to the filter itself.
        var countWhere = merge ? where.Append($"({string.Join(" OR ", branches!)})").ToList() : where;
        static string WhereSql(IReadOnlyCollection<string> clauses) => clauses.Count > 0 ? " WHERE " + string.Join(" AND ", clauses) : "";
        var filterSql = WhereSql(where);
        var seek = cursor is null ? null : Seek(sort, cursor, p, idColumn);
        var seekSql = seek is null ? "" : (where.Count > 0 ? " AND " : " WHERE ") + seek;
        // The limit is written into the text, not bound: SQLite plans with a bound LIMIT's value, so binding it marks
        // a kept statement to be compiled again before every run (it was, on every page, until this was found).
        var limitSql = dialect.Limit((limit + 1).ToString(CultureInfo.InvariantCulture));
        var countSql = $"SELECT COUNT(*) FROM {countFrom}{WhereSql(countWhere)}";
        var total = !count ? -1
            : rows is null ? await connection.ExecuteScalarAsync<int>(countSql, p)
            : (await Rows.QueryAsync(connection, countSql, p, r => r.Int(0)))[0];
        var orderBy = OrderBy(sort, idColumn);
        // keysFirst: find the page's ids on the base table's indexes alone (the filter and sort columns only
        // name the base table), then read the wide rows and their joins for just those ids.
        var sql = merge ? MergedSql(select, where, branches!, seek, sort, idColumn, limitSql)
            : keysFirst
            ? $"{select} WHERE {idColumn} IN (SELECT {idColumn} FROM {countFrom}{filterSql}{seekSql} ORDER BY {orderBy} {limitSql}) ORDER BY {orderBy}"
            : $"{select}{filterSql}{seekSql} ORDER BY {orderBy} {limitSql}";
        var read = rows is null ? (await connection.QueryAsync<TRow>(sql, p)).AsList() : await rows(connection, sql, p, limit + 1);
        var (page, next) = Cut(read, limit, sort, id);
        return (page, next, total);
    }

    /// <summary>The statement of a merged page: each branch's first rows in the sort's order, then the first of those.</summary>
    internal static string MergedSql<TRow>(string select, IEnumerable<string> where, IEnumerable<string> branches, string? seek,
        SortSpec<TRow> sort, string idColumn, string limitSql)
    {
        var orderBy = OrderBy(sort, idColumn);
        var parts = branches.Select((branch, k) =>
        {
            var clauses = where.Append(branch);
            if (seek is not null) clauses = clauses.Append(seek);
            return $"SELECT * FROM ({select} WHERE {string.Join(" AND ", clauses)} ORDER BY {orderBy} {limitSql}) AS b{k}";
        });
        static string Bare(string column) => column[(column.LastIndexOf('.') + 1)..];
        var dir = sort.Descending ? "DESC" : "ASC";
        return $"SELECT * FROM ({string.Join(" UNION ALL ", parts)}) AS m ORDER BY {Bare(sort.Field.Column)} {dir}, {Bare(idColumn)} {dir} {limitSql}";
    }

    /// <summary>
    /// Every row the filter matches, in id order, read <paramref name="batchSize"/> rows at a time, each batch on
    /// its own short-lived connection, so an export of any size streams and holds no connection (nor, on SQLite, a
    /// read transaction) while a slow client drains the response. <paramref name="filter"/> builds the WHERE
    /// clauses and their parameters afresh for each batch; <paramref name="project"/> turns a batch into what is
    /// exported, on the same connection (to read links the rows need).
    /// </summary>
    public static async IAsyncEnumerable<TOut> StreamAsync<TRow, TOut>(
        DbConnectionFactory db, string select, string from, Func<(IReadOnlyList<string> Where, DynamicParameters Parameters)> filter,
        SortField<TRow> idField, string idColumn, Func<TRow, long> id, Func<DbConnection, IReadOnlyList<TRow>, Task<IReadOnlyList<TOut>>> project,
        [EnumeratorCancellation] CancellationToken ct, int batchSize = 500, bool keysFirst = false)
    {
        var sort = new SortSpec<TRow>(idField, false);
        KeysetCursor? cursor = null;
        do
        {
            IReadOnlyList<TOut> items;
            await using (var connection = await db.OpenAsync(ct))
            {
                var (where, p) = filter();
                var (rows, next, _) = await PageAsync(connection, db.Dialect, select, from, where, p, sort, cursor, batchSize, idColumn, id, count: false, keysFirst);
                items = rows.Count == 0 ? [] : await project(connection, rows);
                cursor = next is null ? null : new KeysetCursor(sort.Text, JsonSerializer.SerializeToElement(id(rows[^1])), id(rows[^1]));
            }
            foreach (var item in items) yield return item;
        } while (cursor is not null);
    }

    /// <summary>A LIKE pattern that matches <paramref name="text"/> anywhere, with its wildcards escaped (use ESCAPE '\').</summary>
    public static string Contains(string text) =>
        "%" + new StringBuilder(text).Replace("\\", "\\\\").Replace("%", "\\%").Replace("_", "\\_").Replace("[", "\\[") + "%";
}
