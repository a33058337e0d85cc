namespace BioCluster.Contracts.SavedViews;

/// <summary>The list page a saved view belongs to; each list reads only its own views.</summary>
public enum SavedViewPage
{
    /// <summary>The regulatory-issue list (/issues).</summary>
    Issues,
    /// <summary>A ministry's issue queue (/issues/ministry).</summary>
    MinistryIssues,
    /// <summary>The meeting list.</summary>
    Meetings,
    /// <summary>The follow-up board.</summary>
    FollowUps,
    /// <summary>The cluster list.</summary>
    Clusters,
    /// <summary>The agency list.</summary>
    Agencies,
}

/// <summary>
/// A signed-in person's named filters for a list page (저장한 보기), kept on the server so they open on any device.
/// <c>query</c> is the list's query string without '?' and without paging (e.g. <c>status=under_review&amp;overdue=true</c>).
/// </summary>
public sealed record SavedViewDto(long Id, SavedViewPage Page, string Name, string Query, DateTimeOffset CreatedAt);

/// <summary>Save the current filters of a list page under a name (unique per page for the caller).</summary>
public sealed record CreateSavedViewRequest(SavedViewPage Page, string Name, string Query);
