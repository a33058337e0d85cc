using BioCluster.Api.Infrastructure.Http;

namespace BioCluster.Api.Features.Agencies;

/// <summary>
/// Rules on an agency's references and kind that the API's writes and the agency import both keep, so a bulk load
/// cannot do what an edit may not.
/// </summary>
public static class AgencyRules
{
    /// <summary>
    /// What an agency's kind means for access: API keys act as a ministry reviewer for a ministry and as a cluster operator
    /// for an operator (anything else reads only), and reviewer and operator accounts must belong to an agency of that kind.
    /// </summary>
    public static string AccessGroup(string kind) => kind switch
    {
        "ministry" => "ministry",
        "cluster_operator" => "cluster_operator",
        _ => "other",
    };

    /// <summary>Whether a change of kind changes what the agency's keys and accounts may do.</summary>
    public static bool ChangesAccess(string fromKind, string toKind) => AccessGroup(fromKind) != AccessGroup(toKind);

    /// <summary>
    /// Agencies (alias <c>g</c>) with access bound to their kind: an API key neither revoked nor expired, or an active
    /// reviewer or operator account. Parameter <c>@Now</c>.
    /// </summary>
    public const string HasBoundAccess = """
        (EXISTS (SELECT 1 FROM api_keys k WHERE k.agency_id = g.id AND k.revoked_at IS NULL AND k.expires_at > @Now)
         OR EXISTS (SELECT 1 FROM users u WHERE u.agency_id = g.id AND u.status = 'active' AND u.role IN ('ministry_reviewer', 'cluster_operator')))
        """;

    public static string KindChangesAccess() => Text.Of(
        "이 기관의 API 키나 계정의 권한이 유형에 따라 정해지므로, 유형을 바꾸려면 먼저 API 키를 폐기하고 부처·운영기관 계정을 다른 기관으로 옮기거나 비활성화하십시오.",
        "This agency's API keys or accounts act by its kind; revoke its keys and move or disable its reviewer and operator accounts before changing the kind.");

    public static string ParentArchived(string parentCode) => Text.Of(
        $"상위 기관 '{parentCode}'은(는) 보관 처리되어 새로 지정할 수 없습니다.",
        $"Agency '{parentCode}' is archived and cannot be made a parent.");

    public static string NotArchived(string code) => Text.Of(
        $"기관 '{code}'은(는) 보관되어 있지 않습니다.",
        $"Agency '{code}' is not archived.");

    /// <summary>Why an archived agency cannot be given new work (routed an issue, made a parent or an operator).</summary>
    public static string Archived(string code) => Text.Of(
        $"기관 '{code}'은(는) 보관되어 새로 지정할 수 없습니다. 기관 화면에서 보관을 해제한 뒤 지정하십시오.",
        $"Agency '{code}' is archived and cannot be given new work; unarchive it on its page first.");
}
