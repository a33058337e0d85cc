using BioCluster.Api.Features.Holidays;
using BioCluster.Api.Infrastructure.Workflow;
using BioCluster.Contracts.RegulatoryIssues;

namespace BioCluster.Api.Features.RegulatoryIssues;

/// <summary>
/// The periods that run after an answer, from Korea's regulatory petition practice: a refusal may be challenged within
/// <c>Issues:ChallengePeriod</c> months (default 3) and a long-term review must reach its final answer within
/// <c>Issues:LongTermReviewPeriod</c> months (default 6), both from the day of the answer. Derived on every read, never stored.
/// </summary>
public sealed record IssuePeriods(WorkingDays Days, int ChallengeMonths, int LongTermReviewMonths)
{
    /// <summary>The periods as configured (<c>Issues:ChallengePeriod</c>, <c>Issues:LongTermReviewPeriod</c>), counted as <paramref name="days"/> counts.</summary>
    public static IssuePeriods Configured(WorkingDays days, IConfiguration configuration) =>
        new(days, configuration.GetValue("Issues:ChallengePeriod", 3), configuration.GetValue("Issues:LongTermReviewPeriod", 6));

    public (DateOnly? ChallengeDueOn, bool ChallengeOpen, DateOnly? FinalAnswerDueOn, bool FinalAnswerOverdue) Of(IssueStatus status, DateTimeOffset? answeredAt,
        DateTimeOffset now)
    {
        if (answeredAt is not { } answered) return (null, false, null, false);
        var today = Council.DayOf(now);
        var start = Council.DayOf(answered);
        return status switch
        {
            IssueStatus.NotAccepted when Days.AddMonths(start, ChallengeMonths) is var due => (due, today <= due, null, false),
            IssueStatus.LongTermReview when Days.AddMonths(start, LongTermReviewMonths) is var due => (null, false, due, today > due),
            _ => (null, false, null, false),
        };
    }

    /// <summary>
    /// The first instant (start of a Korean day) from which an answer still has its period of <paramref name="months"/> running
    /// today: the period of an answer given on day d ends on Days.AddMonths(d, months), which never falls as d grows, so the
    /// answers whose period is still running are exactly those given on or after the first day whose period ends today or later.
    /// Lets the list filter on the periods with one comparison on answered_at instead of deriving them per row.
    /// </summary>
    public DateTimeOffset RunningFrom(int months, DateTimeOffset now)
    {
        var today = Council.DayOf(now);
        // A period in working days ends at most a few days late (the longest run of holidays), so a month back is ample.
        var day = today.AddMonths(-months).AddMonths(-1);
        while (Days.AddMonths(day, months) < today) day = day.AddDays(1);
        return new DateTimeOffset(day.ToDateTime(TimeOnly.MinValue), Council.Offset).ToUniversalTime();
    }
}
