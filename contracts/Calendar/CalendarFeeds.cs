namespace BioCluster.Contracts.Calendar;

/// <summary>
/// Which meetings a calendar feed carries: one body's (<c>body</c>, with its code), or the owner's agency's
/// (<c>person</c>: the meetings of every body the agency has a seat on, and every meeting where it presents an item).
/// </summary>
public enum CalendarFeedScope { Body, Person }

/// <summary>Whether a feed still answers: revoked feeds answer 404, as unknown ones do.</summary>
public enum CalendarFeedStatus { Active, Revoked }

/// <summary>Ask for a new calendar feed of council meetings. <c>bodyCode</c> is required for the <c>body</c> scope, refused for <c>person</c>.</summary>
public sealed record CreateCalendarFeedRequest(CalendarFeedScope Scope, string? BodyCode = null);

/// <summary>A calendar feed, never with its token (BioCluster keeps only the token's hash).</summary>
public sealed record CalendarFeedDto(
    long Id,
    CalendarFeedScope Scope,
    string? BodyCode,
    string? BodyNameKo,
    CalendarFeedStatus Status,
    DateTimeOffset CreatedAt,
    DateTimeOffset? RevokedAt,
    DateTimeOffset? LastUsedAt);

/// <summary>
/// The new feed with its token and the address to subscribe to. The token (and so the address) is shown only here,
/// once: whoever has the address can read the feed, until it is revoked.
/// </summary>
public sealed record CreatedCalendarFeedDto(CalendarFeedDto Feed, string Token, string FeedUrl);
