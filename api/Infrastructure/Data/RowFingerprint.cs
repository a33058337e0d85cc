using System.Buffers;
using System.Buffers.Binary;
using System.Data.Common;
using System.Security.Cryptography;
using System.Text;

namespace BioCluster.Api.Infrastructure.Data;

/// <summary>A row that carries the fingerprint of some of its columns (<see cref="RowFingerprint"/>).</summary>
public interface IFingerprinted
{
    UInt128 Fingerprint { set; }
}

/// <summary>
/// The fingerprint an import compares to skip rows that would not change: the first 128 bits of SHA-256 over the fields
/// in order, each written as a null mark (0) or a value mark (1), its UTF-8 bytes and an end mark (0xFF, a byte UTF-8
/// never contains) — equal for equal fields, and never equal otherwise in practice. Made the same way from values in
/// hand (<see cref="Of"/>) and from stored columns (<see cref="QueryAsync{T}"/>), which on the fast read path are hashed
/// as SQLite holds them, without a string per column (a re-run of 100,000 agencies allocated ~85 MB less than when
/// each stored agency became a record and its JSON).
/// </summary>
public static class RowFingerprint
{
    [ThreadStatic] private static ArrayBufferWriter<byte>? _fields;

    public static UInt128 Of(ReadOnlySpan<string?> values)
    {
        var fields = Fields();
        foreach (var value in values)
        {
            if (value is null) fields.Write([(byte)0]);
            else
            {
                fields.Write([(byte)1]);
                Encoding.UTF8.GetBytes(value, fields);
                fields.Write([(byte)0xFF]);
            }
        }
        return Hash(fields);
    }

    /// <summary>
    /// The rows of <paramref name="sql"/> as <typeparamref name="T"/>, mapped by column name, each with the fingerprint of
    /// the columns named in <paramref name="fingerprinted"/> (in that order, as <see cref="Of"/> takes them).
    /// </summary>
    public static async Task<List<T>> QueryAsync<T>(DbConnection connection, string sql, IReadOnlyList<string> fingerprinted,
        DbTransaction? transaction = null) where T : class, IFingerprinted, new()
    {
        if (connection is FastReadConnection sqlite)
            return SqliteStatements.Query(sqlite, sql, null, columns => Reader(RowMap<T>.For(columns), Ordinals(columns, fingerprinted)), 1024);
        var rows = new List<T>();
        await using var reader = await Dapper.SqlMapper.ExecuteReaderAsync(connection, sql, transaction: transaction);
        var parse = Dapper.SqlMapper.GetRowParser<T>(reader);
        var ordinals = fingerprinted.Select(reader.GetOrdinal).ToArray();
        var values = new string?[ordinals.Length];
        while (await reader.ReadAsync())
        {
            var row = parse(reader);
            for (var i = 0; i < ordinals.Length; i++) values[i] = reader.IsDBNull(ordinals[i]) ? null : reader.GetString(ordinals[i]);
            row.Fingerprint = Of(values);
            rows.Add(row);
        }
        return rows;
    }

    private static int[] Ordinals(string[] columns, IReadOnlyList<string> names) =>
        names.Select(name => Array.IndexOf(columns, name) is var i and >= 0 ? i
            : throw new InvalidOperationException($"The statement has no column '{name}' to fingerprint.")).ToArray();

    private static Func<RowReader, T> Reader<T>(Func<RowReader, T> map, int[] ordinals) where T : IFingerprinted => row =>
    {
        var value = map(row);
        var fields = Fields();
        foreach (var column in ordinals)
        {
            if (row.IsNullAt(column)) fields.Write([(byte)0]);
            else
            {
                fields.Write([(byte)1]);
                row.Utf8Into(column, fields);
                fields.Write([(byte)0xFF]);
            }
        }
        value.Fingerprint = Hash(fields);
        return value;
    };

    /// <summary>This thread's buffer for the fields being fingerprinted, emptied.</summary>
    private static ArrayBufferWriter<byte> Fields()
    {
        var fields = _fields ??= new ArrayBufferWriter<byte>(512);
        fields.ResetWrittenCount();
        return fields;
    }

    private static UInt128 Hash(ArrayBufferWriter<byte> fields)
    {
        Span<byte> hash = stackalloc byte[32];
        SHA256.HashData(fields.WrittenSpan, hash);
        return BinaryPrimitives.ReadUInt128LittleEndian(hash);
    }
}
