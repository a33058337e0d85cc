using BioCluster.Api.Features.Access;
using BioCluster.Api.Features.Audit;
using BioCluster.Api.Infrastructure.Data;
using BioCluster.Api.Infrastructure.Http;
using BioCluster.Contracts.Access;
using BioCluster.Contracts.Documents;
using Dapper;

namespace BioCluster.Api.Features.Documents;

/// <summary>A checked file about to be attached: its stored names, detected type, size and hash, and the uploader's title.</summary>
public sealed record NewDocument(
    DocumentOwnerKind OwnerKind, long OwnerId, string Sha256, string FileName, string SafeName, string MediaType, long Size,
    string? Title, string? Description);

/// <summary>All SQL about documents as records (the bytes are the content store's): attach, list, read, mark deleted.</summary>
public sealed class DocumentStore(DbConnectionFactory db, TimeProvider clock, AuditStore audit)
{
    public const string EntityType = "document";

    public sealed class DocumentRow
    {
        public long Id { get; set; }
        public string OwnerKind { get; set; } = "";
        public long OwnerId { get; set; }
        public string Sha256 { get; set; } = "";
        public string FileName { get; set; } = "";
        public string SafeName { get; set; } = "";
        public string MediaType { get; set; } = "";
        public long Size { get; set; }
        public string? Title { get; set; }
        public string? Description { get; set; }
        public long Version { get; set; }
        public DateTimeOffset CreatedAt { get; set; }
        public string CreatedByType { get; set; } = "";
        public long? CreatedById { get; set; }
        public string CreatedByName { get; set; } = "";
        public DateTimeOffset? DeletedAt { get; set; }
        public string? DeletedByType { get; set; }
        public long? DeletedById { get; set; }
        public string? DeletedByName { get; set; }

        public DocumentOwnerKind Kind => WireNames.Parse<DocumentOwnerKind>(OwnerKind);

        /// <summary>Whether <paramref name="actor"/> is who uploaded it (the same user, or the same API key).</summary>
        public bool UploadedBy(Actor actor) => actor.Id is { } id && CreatedById == id && CreatedByType == WireNames.Of(actor.Type);

        public DocumentDto ToDto(bool mayDelete) => new(
            Id, Kind, OwnerId, FileName, SafeName, MediaType, Size, Sha256, Title, Description, CreatedAt,
            WireNames.Parse<ActorType>(CreatedByType), CreatedByName, $"/api/v1/documents/{Id}/content", mayDelete);
    }

    public static readonly IReadOnlyList<SortField<DocumentRow>> SortFields = [new("id", "id", r => r.Id, Keyset.WholeNumber)];

    private const string Select = """
        SELECT id, owner_kind, owner_id, sha256, file_name, safe_name, media_type, size, title, description, version,
               created_at, created_by_type, created_by_id, created_by_name, deleted_at, deleted_by_type, deleted_by_id, deleted_by_name
        FROM documents
        """;

    /// <summary>A page of a record's documents (not the deleted ones), newest first.</summary>
    public async Task<(IReadOnlyList<DocumentRow> Rows, string? Next, int Total)> ListAsync(DocumentOwnerKind kind, long ownerId,
        SortSpec<DocumentRow> sort, KeysetCursor? cursor, int limit, CancellationToken ct)
    {
        var p = new DynamicParameters();
        p.Add("OwnerKind", WireNames.Of(kind));
        p.Add("OwnerId", ownerId);
        await using var connection = await db.OpenAsync(ct);
        return await Keyset.PageAsync(connection, db.Dialect, Select, "documents",
            ["owner_kind = @OwnerKind", "owner_id = @OwnerId", "deleted_at IS NULL"], p, sort, cursor, limit, "id", r => r.Id);
    }

    /// <summary>A document that is not deleted, or null.</summary>
    public async Task<DocumentRow?> GetAsync(long id, CancellationToken ct)
    {
        await using var connection = await db.OpenAsync(ct);
        return await connection.QuerySingleOrDefaultAsync<DocumentRow>($"{Select} WHERE id = @id AND deleted_at IS NULL", new { id });
    }

    /// <summary>Records the attachment (its bytes are already in the content store) and audits it, in one transaction.</summary>
    public async Task<Versioned<DocumentRow>> CreateAsync(NewDocument d, Actor actor, CancellationToken ct)
    {
        await using var connection = await db.OpenAsync(ct);
        await using var tx = await connection.BeginTransactionAsync(ct);
        var id = await connection.ExecuteScalarAsync<long>($"""
            INSERT INTO documents (owner_kind, owner_id, sha256, file_name, safe_name, media_type, size, title, description, version,
                created_at, created_by_type, created_by_id, created_by_name)
            VALUES (@OwnerKind, @OwnerId, @Sha256, @FileName, @SafeName, @MediaType, @Size, @Title, @Description, 1,
                @Now, @ActorType, @ActorId, @ActorName);
            {db.Dialect.SelectNewId}
            """,
            new
            {
                OwnerKind = WireNames.Of(d.OwnerKind), d.OwnerId, d.Sha256, d.FileName, d.SafeName, d.MediaType, d.Size, d.Title, d.Description,
                Now = clock.GetUtcNow(), ActorType = WireNames.Of(actor.Type), ActorId = actor.Id, ActorName = actor.DisplayName,
            }, tx);
        var row = (await connection.QuerySingleAsync<DocumentRow>($"{Select} WHERE id = @id", new { id }, tx));
        await audit.WriteAsync(connection, tx, actor, "create", EntityType, id, null, row);
        await tx.CommitAsync(ct);
        return new Versioned<DocumentRow>(row, row.Version);
    }

    /// <summary>
    /// Marks the document deleted if it is still at <paramref name="expectedVersion"/> (412 otherwise, 404 when it is
    /// gone), keeping the row and its bytes for the audit trail; audited in the same transaction.
    /// </summary>
    public async Task<Refusal?> DeleteAsync(long id, long expectedVersion, Actor actor, CancellationToken ct)
    {
        await using var connection = await db.OpenAsync(ct);
        await using var tx = await connection.BeginTransactionAsync(ct);
        var before = await connection.QuerySingleOrDefaultAsync<DocumentRow>($"{Select} WHERE id = @id AND deleted_at IS NULL", new { id }, tx);
        if (before is null) return Refusal.NotFound;
        if (before.Version != expectedVersion) return Refusal.Stale;
        var changed = await connection.ExecuteAsync("""
            UPDATE documents
            SET deleted_at = @Now, deleted_by_type = @ActorType, deleted_by_id = @ActorId, deleted_by_name = @ActorName, version = version + 1
            WHERE id = @id AND version = @expectedVersion AND deleted_at IS NULL
            """,
            new { id, expectedVersion, Now = clock.GetUtcNow(), ActorType = WireNames.Of(actor.Type), ActorId = actor.Id, ActorName = actor.DisplayName }, tx);
        if (changed == 0) return Refusal.Stale;
        var after = await connection.QuerySingleAsync<DocumentRow>($"{Select} WHERE id = @id", new { id }, tx);
        await audit.WriteAsync(connection, tx, actor, "delete", EntityType, id, before, after);
        await tx.CommitAsync(ct);
        return null;
    }
}
