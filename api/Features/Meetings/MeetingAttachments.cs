using BioCluster.Api.Features.Access;
using BioCluster.Api.Features.Documents;
using BioCluster.Contracts.Documents;

namespace BioCluster.Api.Features.Meetings;

/// <summary>Documents on a meeting (agenda papers, presentations, the signed minutes): every council reader reads them; the secretariat attaches.</summary>
public sealed class MeetingAttachments(MeetingStore meetings) : IAttachmentOwner
{
    public DocumentOwnerKind Kind => DocumentOwnerKind.Meeting;

    public (string Korean, string English) Name => ("회의", "Meeting");

    public async Task<bool> ExistsAsync(long ownerId, CancellationToken ct) =>
        await meetings.GetAsync(ownerId, new CouncilView(CouncilParty.Secretariat, null, new HashSet<long>()), ct) is not null;

    public async Task<bool> CanReadAsync(Actor actor, long ownerId, CancellationToken ct) => actor.Can(Permissions.CouncilRead) && await ExistsAsync(ownerId, ct);

    public async Task<bool> CanWriteAsync(Actor actor, long ownerId, CancellationToken ct) => actor.Can(Permissions.CouncilManage) && await ExistsAsync(ownerId, ct);
}

/// <summary>
/// Documents on one agenda item (its paper, a presentation): read by whoever sees the item — an internal item's only by the
/// secretariat and the operators of the clusters it names; attached by the secretariat.
/// </summary>
public sealed class AgendaItemAttachments(MeetingStore meetings) : IAttachmentOwner
{
    public DocumentOwnerKind Kind => DocumentOwnerKind.AgendaItem;

    public (string Korean, string English) Name => ("안건", "Agenda item");

    public async Task<bool> ExistsAsync(long ownerId, CancellationToken ct) => await meetings.MeetingOfAgendaItemAsync(ownerId, ct) is not null;

    public async Task<bool> CanReadAsync(Actor actor, long ownerId, CancellationToken ct) =>
        actor.Can(Permissions.CouncilRead) && await meetings.ShowsAgendaItemAsync(ownerId, await meetings.ViewOfAsync(actor, ct), ct);

    public async Task<bool> CanWriteAsync(Actor actor, long ownerId, CancellationToken ct) => actor.Can(Permissions.CouncilManage) && await ExistsAsync(ownerId, ct);
}

/// <summary>
/// Documents on a meeting's minutes (the signed copy, annexes), kept apart from the meeting's own papers: read by every council
/// reader, attached by the secretariat. The owner is the meeting (its minutes are one record in versions).
/// </summary>
public sealed class MinutesAttachments(MeetingStore meetings) : IAttachmentOwner
{
    public DocumentOwnerKind Kind => DocumentOwnerKind.Minutes;

    public (string Korean, string English) Name => ("회의록", "Minutes");

    public async Task<bool> ExistsAsync(long ownerId, CancellationToken ct) =>
        await meetings.GetAsync(ownerId, new CouncilView(CouncilParty.Secretariat, null, new HashSet<long>()), ct) is not null;

    public async Task<bool> CanReadAsync(Actor actor, long ownerId, CancellationToken ct) => actor.Can(Permissions.CouncilRead) && await ExistsAsync(ownerId, ct);

    public async Task<bool> CanWriteAsync(Actor actor, long ownerId, CancellationToken ct) => actor.Can(Permissions.CouncilManage) && await ExistsAsync(ownerId, ct);
}

/// <summary>Documents on a follow-up (its evidence): read by whoever sees the follow-up; attached by its owner agency or the secretariat.</summary>
public sealed class FollowUpAttachments(MeetingStore meetings, FollowUpStore followUps) : IAttachmentOwner
{
    public DocumentOwnerKind Kind => DocumentOwnerKind.FollowUp;

    public (string Korean, string English) Name => ("후속조치", "Follow-up");

    public async Task<bool> ExistsAsync(long ownerId, CancellationToken ct) =>
        await followUps.GetAsync(ownerId, new CouncilView(CouncilParty.Secretariat, null, new HashSet<long>()), ct) is not null;

    public async Task<bool> CanReadAsync(Actor actor, long ownerId, CancellationToken ct) =>
        actor.Can(Permissions.CouncilRead) && await followUps.GetAsync(ownerId, await meetings.ViewOfAsync(actor, ct), ct) is not null;

    public async Task<bool> CanWriteAsync(Actor actor, long ownerId, CancellationToken ct)
    {
        if (!actor.Can(Permissions.FollowUpsReport)) return false;
        var view = await meetings.ViewOfAsync(actor, ct);
        return await followUps.GetAsync(ownerId, view, ct) is { } found && (view.Manages || found.Value.OwnerAgency?.Id == actor.AgencyId);
    }
}
