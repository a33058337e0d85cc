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
}
