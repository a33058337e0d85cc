using BioCluster.Api.Features.Access;
using BioCluster.Contracts.Access;

namespace BioCluster.Api.Features.RegulatoryIssues;

/// <summary>
/// Who may see the named official's contact details (phone, e-mail) on an issue — Korea's Personal Information
/// Protection Act asks for the minimum: the people who work the issue with that official. The secretariat and admins,
/// anyone acting for the lead ministry or a co-ministry of the issue, and anyone acting for the raising agency. Everyone
/// else (viewers, other ministries, other operators, their keys) sees the official's name and department only. The one
/// rule for the issue's detail, its exports and its timeline.
/// </summary>
public static class ContactVisibility
{
    public static bool MaySee(Actor actor, long raisedById, long? leadMinistryId, IEnumerable<long> coMinistryIds) =>
        actor.Role is Role.Admin or Role.Secretariat
        || actor.AgencyId is { } agency && (agency == raisedById || agency == leadMinistryId || coMinistryIds.Contains(agency));

    /// <summary>The timeline fields that carry contact details (the routing move records the official it names).</summary>
    public static readonly IReadOnlySet<string> TimelineFields = new HashSet<string>(StringComparer.Ordinal) { "officialContact" };
}
