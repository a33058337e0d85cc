using System.Data.Common;
using BioCluster.Api.Infrastructure.Data;
using Dapper;

namespace BioCluster.Api.Features.Documents;

/// <summary>Bound from the <c>Documents</c> configuration section.</summary>
public sealed class DocumentOptions
{
    public const string Section = "Documents";

    /// <summary>The largest file taken, in bytes (20 MiB unless configured).</summary>
    public long MaxBytes { get; set; } = 20L * 1024 * 1024;

    /// <summary>Where the bytes are kept: <c>Database</c> (the default, and the only one so far).</summary>
    public string Storage { get; set; } = DatabaseDocumentContentStore.Name;
}

/// <summary>
/// Where the bytes of documents are kept, by their SHA-256 (lower-case hex). Content-addressed: the same bytes are kept
/// once, whatever their name or however many records they are attached to, and never change under their hash. Every
/// implementation must be shared by all API instances (the database, object storage), never this process's memory or disk.
/// </summary>
public interface IDocumentContentStore
{
    Task<bool> ExistsAsync(string sha256, CancellationToken ct);

    /// <summary>
    /// Keeps <paramref name="content"/> (read from its current position to the end, <paramref name="size"/> bytes, whose
    /// hash the caller has computed) under <paramref name="sha256"/>, unless bytes are kept under it already.
    /// </summary>
    Task PutAsync(string sha256, Stream content, long size, CancellationToken ct);

    /// <summary>The bytes as a stream read on demand, or null when nothing is kept under the hash.</summary>
    Task<Stream?> OpenReadAsync(string sha256, CancellationToken ct);
}

/// <summary>
/// The default content store: the bytes in the database, in chunks of at most 1 MiB (<c>document_content_chunks</c>), so
/// a file is written and read a chunk at a time on both engines, with plain parameters and no engine-specific blob API.
/// </summary>
public sealed class DatabaseDocumentContentStore(DbConnectionFactory db, TimeProvider clock) : IDocumentContentStore
{
    public const string Name = "Database";
    public const int ChunkBytes = 1024 * 1024;

    public async Task<bool> ExistsAsync(string sha256, CancellationToken ct)
    {
        await using var connection = await db.OpenAsync(ct);
        return await ExistsAsync(connection, null, sha256);
    }

    private static async Task<bool> ExistsAsync(DbConnection connection, DbTransaction? tx, string sha256) =>
        await connection.ExecuteScalarAsync<int>("SELECT COUNT(*) FROM document_contents WHERE sha256 = @sha256", new { sha256 }, tx) > 0;

    public async Task PutAsync(string sha256, Stream content, long size, CancellationToken ct)
    {
        await using var connection = await db.OpenAsync(ct);
        if (await ExistsAsync(connection, null, sha256)) return;
        var chunks = (int)((size + ChunkBytes - 1) / ChunkBytes);
        await using var tx = await connection.BeginTransactionAsync(ct);
        try
        {
            await connection.ExecuteAsync("""
                INSERT INTO document_contents (sha256, size, chunk_count, created_at) VALUES (@sha256, @size, @chunks, @now)
                """, new { sha256, size, chunks, now = clock.GetUtcNow() }, tx);
        }
        catch (DbException e) when (db.Dialect.IsUniqueViolation(e))
        {
            return; // the same bytes, stored by another request in the meantime
        }
        var buffer = new byte[ChunkBytes];
        for (var seq = 0; seq < chunks; seq++)
        {
            var n = await content.ReadAtLeastAsync(buffer, buffer.Length, throwOnEndOfStream: false, ct);
            var data = n == buffer.Length ? buffer : buffer[..n];
            await connection.ExecuteAsync("INSERT INTO document_content_chunks (sha256, seq, data) VALUES (@sha256, @seq, @data)",
                new { sha256, seq, data }, tx);
        }
        await tx.CommitAsync(ct);
    }

    public async Task<Stream?> OpenReadAsync(string sha256, CancellationToken ct)
    {
        await using var connection = await db.OpenAsync(ct);
        var stored = await connection.QuerySingleOrDefaultAsync<ContentRow>(
            "SELECT size, chunk_count FROM document_contents WHERE sha256 = @sha256", new { sha256 });
        return stored is null ? null : new ChunkStream(db, sha256, stored.Size, stored.ChunkCount);
    }

    private sealed class ContentRow
    {
        public long Size { get; set; }
        public int ChunkCount { get; set; }
    }

    /// <summary>
    /// The chunks one after another, each read on its own short-lived connection when the reader gets to it, so a
    /// slow download holds neither a connection nor (on SQLite) a read transaction.
    /// </summary>
    private sealed class ChunkStream(DbConnectionFactory db, string sha256, long size, int chunkCount) : Stream
    {
        private byte[] _chunk = [];
        private int _offset;
        private int _next;
        private long _position;

        public override async ValueTask<int> ReadAsync(Memory<byte> destination, CancellationToken ct = default)
        {
            if (_offset == _chunk.Length)
            {
                if (_next == chunkCount) return 0;
                await using var connection = await db.OpenAsync(ct);
                _chunk = await connection.ExecuteScalarAsync<byte[]>(
                    "SELECT data FROM document_content_chunks WHERE sha256 = @sha256 AND seq = @seq", new { sha256, seq = _next })
                    ?? throw new InvalidDataException($"Chunk {_next} of document content {sha256} is missing.");
                _next++;
                _offset = 0;
            }
            var n = Math.Min(destination.Length, _chunk.Length - _offset);
            _chunk.AsMemory(_offset, n).CopyTo(destination);
            _offset += n;
            _position += n;
            return n;
        }

        public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken ct) =>
            ReadAsync(buffer.AsMemory(offset, count), ct).AsTask();

        public override int Read(byte[] buffer, int offset, int count) => ReadAsync(buffer, offset, count, CancellationToken.None).GetAwaiter().GetResult();

        public override bool CanRead => true;
        public override bool CanSeek => false;
        public override bool CanWrite => false;
        public override long Length => size;
        public override long Position { get => _position; set => throw new NotSupportedException(); }
        public override void Flush() { }
        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
        public override void SetLength(long value) => throw new NotSupportedException();
        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
    }
}
