using BioCluster.Api.Features.Access;
using BioCluster.Api.Features.Documents;
using BioCluster.Contracts.Access;
using BioCluster.Contracts.Documents;

namespace BioCluster.Api.Features.RegulatoryIssues;

/// <summary>
/// Documents on a regulatory issue (the amended rule as evidence, a ministry's answer): every reader of issues reads them
/// (the pipeline is open to the whole council); the secretariat and administrators attach to any issue, and so do the
/// agencies that work it — the raising agency, the operators of its clusters, its lead and co-ministries — whatever
/// its state (evidence often comes once an issue is completed).
/// </summary>
public sealed class IssueAttachments(RegulatoryIssueStore store) : IAttachmentOwner
{
    public DocumentOwnerKind Kind => DocumentOwnerKind.RegulatoryIssue;

    public (string Korean, string English) Name => ("규제 개선 과제", "Regulatory issue");

    public Task<bool> ExistsAsync(long ownerId, CancellationToken ct) => store.ExistsAsync(ownerId, ct);

    public async Task<bool> CanReadAsync(Actor actor, long ownerId, CancellationToken ct) =>
        actor.Can(Permissions.IssuesRead) && await store.ExistsAsync(ownerId, ct);

    public async Task<bool> CanWriteAsync(Actor actor, long ownerId, CancellationToken ct)
    {
        if (!actor.Can(Permissions.IssuesMove) && !actor.Can(Permissions.IssuesRaise)) return false;
        if (await store.WorkingAgenciesAsync(ownerId, ct) is not { } agencies) return false;
        return actor.Role is Role.Admin or Role.Secretariat || actor.AgencyId is { } agency && agencies.Contains(agency);
    }
}
