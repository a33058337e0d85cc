namespace BioCluster.Contracts.Notifications;

/// <summary>What a notification is about. Reminders (<c>*_due_soon</c>, <c>*_due_today</c>, <c>*_overdue</c>) are made
/// by BioCluster from the deadlines, once per deadline; the others by a person's action.</summary>
public enum NotificationKind
{
    /// <summary>A regulatory issue was routed to (or sent back for review by) a ministry: its lead and co-ministries are told.</summary>
    IssueRouted,
    /// <summary>An issue's answer is due within three days.</summary>
    IssueDueSoon,
    /// <summary>An issue's answer is due today (Korean time).</summary>
    IssueDueToday,
    /// <summary>An issue's answer is overdue.</summary>
    IssueOverdue,
    /// <summary>A workflow move was made on an issue the recipient's agency raised or works on.</summary>
    IssueMoved,
    /// <summary>A comment on an issue the recipient's agency works on.</summary>
    IssueCommented,
    /// <summary>A follow-up action was given to the recipient's agency.</summary>
    FollowUpAssigned,
    /// <summary>A follow-up is due within three days.</summary>
    FollowUpDueSoon,
    /// <summary>A follow-up is due today.</summary>
    FollowUpDueToday,
    /// <summary>A follow-up is overdue.</summary>
    FollowUpOverdue,
    /// <summary>A meeting of a body the recipient's agency sits on was convened.</summary>
    MeetingConvened,
    /// <summary>A meeting of a body the recipient's agency sits on was cancelled.</summary>
    MeetingCancelled,
    /// <summary>An accepted issue's improvement (이행) is due within three days: its planned completion date.</summary>
    ImprovementDueSoon,
    /// <summary>An accepted issue's improvement is due today.</summary>
    ImprovementDueToday,
    /// <summary>An accepted issue's improvement is overdue (not completed by its planned date).</summary>
    ImprovementOverdue,
    /// <summary>A long-term review's final answer is due within three days (<c>Issues:LongTermReviewPeriod</c> months after it began).</summary>
    FinalAnswerDueSoon,
    /// <summary>A long-term review's final answer is due today.</summary>
    FinalAnswerDueToday,
    /// <summary>A long-term review's final answer is overdue.</summary>
    FinalAnswerOverdue,
    /// <summary>The period to challenge a refusal ends within three days: the raising agency is told.</summary>
    ChallengeEndingSoon,
    /// <summary>Today is the last day to challenge a refusal.</summary>
    ChallengeEndsToday,
    /// <summary>A policy recommendation was routed to a ministry: the lead and other addressed ministries' people are told.</summary>
    RecommendationRouted,
    /// <summary>A routed recommendation's answer is due within three days.</summary>
    RecommendationDueSoon,
    /// <summary>A routed recommendation's answer is due today.</summary>
    RecommendationDueToday,
    /// <summary>A routed recommendation's answer is overdue.</summary>
    RecommendationOverdue,
    /// <summary>A move was made on a recommendation the recipient's agency raised.</summary>
    RecommendationMoved,
}

/// <summary>The record a notification is about.</summary>
public enum NotificationSubject { RegulatoryIssue, FollowUp, Meeting, PolicyRecommendation }

/// <summary>One notification in the caller's bell, in the language of the request.</summary>
/// <param name="Link">The dashboard address of the record, e.g. <c>/issues/42</c>.</param>
/// <param name="ReadAt">When the caller marked it read; null while unread.</param>
public sealed record NotificationDto(
    long Id,
    NotificationKind Kind,
    NotificationSubject SubjectType,
    long SubjectId,
    string Title,
    string Body,
    string Link,
    string? ActorName,
    DateTimeOffset CreatedAt,
    DateTimeOffset? ReadAt);

/// <summary>How many of the caller's notifications are unread.</summary>
public sealed record UnreadCountDto(int Count);

/// <summary>How many notifications a "mark all read" marked.</summary>
public sealed record MarkedReadDto(int Marked);

/// <summary>The language of e-mails.</summary>
public enum NotificationLanguage { Ko, En }

/// <summary>
/// The caller's notification preferences. In-app notifications are always kept; these decide the e-mails.
/// </summary>
/// <param name="Email">Where e-mails go; none are sent without it.</param>
/// <param name="Language">The language e-mails are written in (the bell follows the dashboard's language).</param>
/// <param name="EmailKinds">The kinds that are mailed; the others stay in the bell only.</param>
/// <param name="Digest">True: one daily digest instead of an e-mail per notification.</param>
/// <param name="DigestHour">The hour (0–23, Korean time) the digest is sent.</param>
/// <param name="EmailEnabled">Whether this BioCluster sends e-mail at all (an SMTP server is configured).</param>
public sealed record NotificationPreferencesDto(
    string? Email,
    NotificationLanguage Language,
    IReadOnlyList<NotificationKind> EmailKinds,
    bool Digest,
    int DigestHour,
    bool EmailEnabled);

/// <summary>Replace the caller's notification preferences (If-Match: the ETag of the last read; "0" before the first save).</summary>
public sealed record NotificationPreferencesRequest(
    string? Email,
    NotificationLanguage Language,
    IReadOnlyList<NotificationKind> EmailKinds,
    bool Digest,
    int DigestHour);

/// <summary>Where an e-mail delivery stands.</summary>
public enum DeliveryState
{
    /// <summary>Waiting for its (next) attempt.</summary>
    Pending,
    /// <summary>Claimed by a worker, under a lease.</summary>
    Sending,
    /// <summary>The SMTP server accepted it.</summary>
    Sent,
    /// <summary>Given up: attempts exhausted, refused for good, or interrupted after it was handed to the server (never re-sent).</summary>
    Failed,
}

/// <summary>One e-mail delivery, as administrators see it.</summary>
/// <param name="NotificationKind">The kind of the single notification it carries; null for a digest.</param>
/// <param name="DigestDay">For a daily digest, its day (Korean calendar).</param>
public sealed record NotificationDeliveryDto(
    long Id,
    long UserId,
    string Username,
    NotificationKind? NotificationKind,
    DateOnly? DigestDay,
    DeliveryState State,
    int Attempts,
    DateTimeOffset NextAttemptAt,
    string? ToAddress,
    string? LastError,
    DateTimeOffset? SentAt,
    DateTimeOffset CreatedAt,
    DateTimeOffset UpdatedAt);
