using BioCluster.Contracts.Access;

namespace BioCluster.Api.Features.Access;

/// <summary>
/// The permissions an endpoint asks for, and which roles and API-key scopes grant them. An API key
/// acts with the role its agency implies, narrowed to its scopes.
/// </summary>
public static class Permissions
{
    public const string RegistryRead = "registry:read";
    public const string RegistryWrite = "registry:write";
    /// <summary>Edit the profile of a cluster the caller's agency operates.</summary>
    public const string ClusterEditOwn = "cluster:edit-own";
    public const string AuditRead = "audit:read";
    public const string UsersManage = "users:manage";
    public const string ApiKeysManage = "api-keys:manage";
    /// <summary>See the API keys of one's own agency.</summary>
    public const string ApiKeysReadOwn = "api-keys:read-own";
    public const string Import = "import";
    public const string IssuesRead = "issues:read";
    /// <summary>Raise a regulatory issue (and edit its description while it waits to be routed).</summary>
    public const string IssuesRaise = "issues:raise";
    /// <summary>Ask to move an issue through the workflow; the workflow table then decides by the caller's part in the issue.</summary>
    public const string IssuesMove = "issues:move";
    public const string IssuesComment = "issues:comment";
    /// <summary>Read the council: seats, meetings (internal items only for those who manage it), follow-ups.</summary>
    public const string CouncilRead = "council:read";
    /// <summary>Run the council: seats and terms, meetings, agenda, attendance, decisions, follow-ups (the secretariat).</summary>
    public const string CouncilManage = "council:manage";
    /// <summary>Report on follow-ups; the workflow then allows it only for the owner's agency (and the secretariat).</summary>
    public const string FollowUpsReport = "follow-ups:report";
    /// <summary>Read documents attached to records; which ones, the record decides (<c>Features/Documents/AttachmentOwners.cs</c>).</summary>
    public const string DocumentsRead = "documents:read";
    /// <summary>Attach documents to records and delete them; to which, the record decides.</summary>
    public const string DocumentsWrite = "documents:write";
    /// <summary>One's own notifications and notification preferences (people only: no API-key scope grants it).</summary>
    public const string NotificationsOwn = "notifications:own";
    /// <summary>See every e-mail delivery, its state and last error (administrators).</summary>
    public const string NotificationDeliveriesRead = "notifications:deliveries";
    /// <summary>Keep the public-holiday calendar working-day deadlines are counted by (the secretariat).</summary>
    public const string HolidaysManage = "holidays:manage";
    /// <summary>Read policy recommendations (정책 제언) and their timelines.</summary>
    public const string RecommendationsRead = "recommendations:read";
    /// <summary>Raise a policy recommendation (operators for their agency; the secretariat on an operator's behalf) and edit it while submitted.</summary>
    public const string RecommendationsRaise = "recommendations:raise";
    /// <summary>Ask to move a recommendation through the workflow; the workflow table then decides by the caller's part in it.</summary>
    public const string RecommendationsMove = "recommendations:move";

    public static readonly IReadOnlyList<string> All =
        [RegistryRead, RegistryWrite, ClusterEditOwn, AuditRead, UsersManage, ApiKeysManage, ApiKeysReadOwn, Import,
         IssuesRead, IssuesRaise, IssuesMove, IssuesComment, CouncilRead, CouncilManage, FollowUpsReport, DocumentsRead, DocumentsWrite,
         NotificationsOwn, NotificationDeliveriesRead, HolidaysManage, RecommendationsRead, RecommendationsRaise, RecommendationsMove];

    public static IReadOnlySet<string> ForRole(Role role) => role switch
    {
        Role.Admin => All.ToHashSet(),
        Role.Secretariat => new HashSet<string> { RegistryRead, RegistryWrite, ClusterEditOwn, AuditRead, Import, IssuesRead, IssuesRaise, IssuesMove, IssuesComment,
            CouncilRead, CouncilManage, FollowUpsReport, DocumentsRead, DocumentsWrite, NotificationsOwn, HolidaysManage,
            RecommendationsRead, RecommendationsRaise, RecommendationsMove },
        Role.MinistryReviewer => new HashSet<string>
        {
            RegistryRead, ApiKeysReadOwn, IssuesRead, IssuesMove, IssuesComment, CouncilRead, FollowUpsReport, DocumentsRead, DocumentsWrite,
            NotificationsOwn, RecommendationsRead, RecommendationsMove,
        },
        Role.ClusterOperator => new HashSet<string>
        {
            RegistryRead, ClusterEditOwn, ApiKeysReadOwn, IssuesRead, IssuesRaise, IssuesMove, IssuesComment, CouncilRead, FollowUpsReport,
            DocumentsRead, DocumentsWrite, NotificationsOwn, RecommendationsRead, RecommendationsRaise, RecommendationsMove,
        },
        Role.Viewer => new HashSet<string> { RegistryRead, IssuesRead, IssuesComment, CouncilRead, DocumentsRead, NotificationsOwn, RecommendationsRead },
        _ => new HashSet<string>(),
    };

    public static IReadOnlySet<string> ForScopes(IEnumerable<ApiKeyScope> scopes)
    {
        var granted = new HashSet<string>();
        foreach (var scope in scopes)
        {
            switch (scope)
            {
                case ApiKeyScope.Read: granted.UnionWith([RegistryRead, ApiKeysReadOwn, AuditRead, IssuesRead, CouncilRead, DocumentsRead, RecommendationsRead]); break;
                case ApiKeyScope.Write:
                    granted.UnionWith([RegistryWrite, ClusterEditOwn, IssuesRaise, IssuesMove, IssuesComment, CouncilManage, FollowUpsReport, DocumentsWrite, HolidaysManage,
                        RecommendationsRaise, RecommendationsMove]);
                    break;
                case ApiKeyScope.Import: granted.Add(Import); break;
            }
        }
        return granted;
    }

    /// <summary>What a caller may do: the role's permissions, narrowed by the key's scopes when it is a key.</summary>
    public static IReadOnlySet<string> Effective(Role role, IEnumerable<ApiKeyScope>? scopes)
    {
        var set = ForRole(role).ToHashSet();
        if (scopes is not null) set.IntersectWith(ForScopes(scopes));
        return set;
    }

    /// <summary>Roles that must belong to an agency, and the kind that agency must be.</summary>
    public static string? RequiredAgencyKind(Role role) => role switch
    {
        Role.MinistryReviewer => "ministry",
        Role.ClusterOperator => "cluster_operator",
        _ => null,
    };
}
