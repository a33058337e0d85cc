using BioCluster.Api.Features.Access;
using BioCluster.Api.Infrastructure.Data;
using BioCluster.Api.Infrastructure.Http;
using BioCluster.Contracts.Documents;

namespace BioCluster.Api.Features.Documents;

/// <summary>
/// A kind of record documents can be attached to. Documents are read and changed exactly as their record is: whoever may
/// read the record may list and download its documents, whoever may change it may attach to it. A new kind (meetings,
/// agenda items, minutes, follow-ups) is one small class of this and one registration (<see cref="AttachmentOwnerRegistration"/>).
/// </summary>
public interface IAttachmentOwner
{
    DocumentOwnerKind Kind { get; }

    /// <summary>What the record is called in messages: "규제 개선 과제", "Regulatory issue".</summary>
    (string Korean, string English) Name { get; }

    /// <summary>Whether the record exists at all (to tell 403 from 404 for a caller who may read it).</summary>
    Task<bool> ExistsAsync(long ownerId, CancellationToken ct);

    /// <summary>Whether the record exists and the caller may read it.</summary>
    Task<bool> CanReadAsync(Actor actor, long ownerId, CancellationToken ct);

    /// <summary>Whether the record exists and the caller may change it (and so attach documents to it).</summary>
    Task<bool> CanWriteAsync(Actor actor, long ownerId, CancellationToken ct);
}

public static class AttachmentOwnerRegistration
{
    /// <summary>Registers a kind of record documents can be attached to.</summary>
    public static IServiceCollection AddAttachmentOwner<T>(this IServiceCollection services) where T : class, IAttachmentOwner =>
        services.AddSingleton<IAttachmentOwner, T>();
}

/// <summary>The registered kinds of record, by kind, and the access questions every document endpoint asks of them.</summary>
public sealed class AttachmentOwners(IEnumerable<IAttachmentOwner> owners)
{
    private readonly IReadOnlyDictionary<DocumentOwnerKind, IAttachmentOwner> _byKind = owners.ToDictionary(o => o.Kind);

    public IAttachmentOwner Of(DocumentOwnerKind kind) =>
        _byKind.TryGetValue(kind, out var owner) ? owner : throw new InvalidOperationException($"No attachment owner is registered for {kind}.");

    /// <summary>Whether the caller may read the record: a refusal (404, never revealing the record) when not.</summary>
    public async Task<Refusal?> MayReadAsync(Actor actor, DocumentOwnerKind kind, long ownerId, CancellationToken ct) =>
        await Of(kind).CanReadAsync(actor, ownerId, ct) ? null : NotFound(kind, ownerId);

    /// <summary>404 for the record, in the caller's language.</summary>
    public Refusal NotFound(DocumentOwnerKind kind, long ownerId)
    {
        var (korean, english) = Of(kind).Name;
        return new Refusal(RefusalKind.NotFound, Text.Of($"{korean} {ownerId}을(를) 찾을 수 없습니다.", $"{english} {ownerId} was not found."));
    }

    /// <summary>404 for a document, in the caller's language.</summary>
    public static Refusal DocumentNotFound(long id) =>
        new(RefusalKind.NotFound, Text.Of($"문서 {id}을(를) 찾을 수 없습니다.", $"Document {id} was not found."));

    /// <summary>
    /// Whether the caller may change the record: 404 when it does not exist or the caller may not even read it, 403 when
    /// the caller may read but not change it.
    /// </summary>
    public async Task<Refusal?> MayWriteAsync(Actor actor, DocumentOwnerKind kind, long ownerId, CancellationToken ct)
    {
        var owner = Of(kind);
        if (await owner.CanWriteAsync(actor, ownerId, ct)) return null;
        if (!await owner.ExistsAsync(ownerId, ct) || !await owner.CanReadAsync(actor, ownerId, ct)) return NotFound(kind, ownerId);
        return Refusal.Forbidden(Text.Of(
            "이 기록을 고칠 수 있는 사람만 문서를 첨부하거나 지울 수 있습니다.",
            "Only those who may change this record may attach documents to it or delete them."));
    }
}
