using BioCluster.Api.Features.Access;
using BioCluster.Api.Features.Documents;
using BioCluster.Contracts.Documents;

namespace BioCluster.Api.Features.CollaborationProjects;

/// <summary>
/// Documents on a collaboration project (the agreement, reports, outcome papers): read by everyone who reads the registry;
/// attached by whoever may change the project (the secretariat; an operator of a partner cluster).
/// </summary>
public sealed class CollaborationProjectAttachments(CollaborationProjectStore projects) : IAttachmentOwner
{
    public DocumentOwnerKind Kind => DocumentOwnerKind.CollaborationProject;

    public (string Korean, string English) Name => ("협력 사업", "Collaboration project");

    public Task<bool> ExistsAsync(long ownerId, CancellationToken ct) => projects.ExistsAsync(ownerId, ct);

    public async Task<bool> CanReadAsync(Actor actor, long ownerId, CancellationToken ct) => actor.Can(Permissions.RegistryRead) && await ExistsAsync(ownerId, ct);

    public Task<bool> CanWriteAsync(Actor actor, long ownerId, CancellationToken ct) => projects.MayEditAsync(ownerId, actor, ct);
}
