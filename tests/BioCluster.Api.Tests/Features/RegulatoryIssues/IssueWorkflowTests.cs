using BioCluster.Api.Features.RegulatoryIssues;
using BioCluster.Api.Infrastructure.Workflow;
using BioCluster.Contracts.RegulatoryIssues;
using static BioCluster.Contracts.RegulatoryIssues.IssueStatus;

namespace BioCluster.Api.Tests.Features.RegulatoryIssues;

/// <summary>The workflow table, checked triple by triple against the domain's own description, with no host.</summary>
public sealed class IssueWorkflowTests
{
    private static readonly IssueParty[] Parties = [IssueParty.Admin, IssueParty.Secretariat, IssueParty.LeadMinistry, IssueParty.Raiser, IssueParty.None];

    /// <summary>The moves as domain.md and the issue describe them: (from, to) → who besides an admin may make it.</summary>
    internal static readonly Dictionary<(IssueStatus, IssueStatus), IssueParty> Spec = new()
    {
        [(Submitted, UnderReview)] = IssueParty.Secretariat,
        [(UnderReview, Accepted)] = IssueParty.LeadMinistry,
        [(UnderReview, PartiallyAccepted)] = IssueParty.LeadMinistry,
        [(UnderReview, LongTermReview)] = IssueParty.LeadMinistry,
        [(UnderReview, NotAccepted)] = IssueParty.LeadMinistry,
        [(LongTermReview, Accepted)] = IssueParty.LeadMinistry,
        [(LongTermReview, PartiallyAccepted)] = IssueParty.LeadMinistry,
        [(LongTermReview, NotAccepted)] = IssueParty.LeadMinistry,
        [(NotAccepted, UnderReview)] = IssueParty.Secretariat,
        [(Accepted, InProgress)] = IssueParty.LeadMinistry,
        [(PartiallyAccepted, InProgress)] = IssueParty.LeadMinistry,
        [(InProgress, InProgress)] = IssueParty.LeadMinistry,
        [(InProgress, Completed)] = IssueParty.LeadMinistry,
        [(Submitted, Withdrawn)] = IssueParty.Raiser,
        [(UnderReview, Withdrawn)] = IssueParty.Raiser,
        [(Accepted, Withdrawn)] = IssueParty.Raiser,
        [(PartiallyAccepted, Withdrawn)] = IssueParty.Raiser,
        [(LongTermReview, Withdrawn)] = IssueParty.Raiser,
        [(NotAccepted, Withdrawn)] = IssueParty.Raiser,
        [(InProgress, Withdrawn)] = IssueParty.Raiser,
    };

    public static TheoryData<IssueStatus, IssueStatus, IssueParty> AllTriples()
    {
        var data = new TheoryData<IssueStatus, IssueStatus, IssueParty>();
        foreach (var from in Enum.GetValues<IssueStatus>())
        foreach (var to in Enum.GetValues<IssueStatus>())
        foreach (var party in Parties)
            data.Add(from, to, party);
        return data;
    }

    [Theory]
    [MemberData(nameof(AllTriples))]
    public void CanMove_EveryStateTargetAndParty_MatchesTheSpec(IssueStatus from, IssueStatus to, IssueParty party)
    {
        var expected = !Spec.TryGetValue((from, to), out var who) ? MoveVerdict.NotFromThisState
            : party == IssueParty.Admin || party == who ? MoveVerdict.Allowed
            : MoveVerdict.NotForThisCaller;
        Assert.Equal(expected, IssueWorkflow.CanMove(from, to, party, rereviewUsed: false));
    }

    [Fact]
    public void ReReview_IsAllowedOnce()
    {
        Assert.Equal(MoveVerdict.Allowed, IssueWorkflow.CanMove(NotAccepted, UnderReview, IssueParty.Secretariat, rereviewUsed: false));
        Assert.Equal(MoveVerdict.NotFromThisState, IssueWorkflow.CanMove(NotAccepted, UnderReview, IssueParty.Secretariat, rereviewUsed: true));
        Assert.Equal(MoveVerdict.NotFromThisState, IssueWorkflow.CanMove(NotAccepted, UnderReview, IssueParty.Admin, rereviewUsed: true));
    }

    [Fact]
    public void ClosedStates_HaveNoWayOut()
    {
        foreach (var to in Enum.GetValues<IssueStatus>())
        {
            Assert.Equal(MoveVerdict.NotFromThisState, IssueWorkflow.CanMove(Completed, to, IssueParty.Admin, false));
            Assert.Equal(MoveVerdict.NotFromThisState, IssueWorkflow.CanMove(Withdrawn, to, IssueParty.Admin, false));
        }
    }

    [Fact]
    public void MovesFor_ListsExactlyTheAllowedTargets()
    {
        Assert.Equal([Withdrawn], IssueWorkflow.MovesFor(UnderReview, IssueParty.Raiser, false));
        Assert.Equal(new[] { Accepted, PartiallyAccepted, NotAccepted, LongTermReview, Withdrawn }.Order(),
            IssueWorkflow.MovesFor(UnderReview, IssueParty.Admin, false).Order());
        Assert.Empty(IssueWorkflow.MovesFor(UnderReview, IssueParty.None, false));
    }

    private static readonly DateOnly Today = new(2026, 11, 25);

    [Fact]
    public void Fields_EachTargetNeedsItsOwn()
    {
        Assert.Contains("leadMinistryCode", IssueWorkflow.CheckFields(MoveFields.Assignment, new(UnderReview), Today).Keys);
        Assert.Empty(IssueWorkflow.CheckFields(MoveFields.Assignment, new(UnderReview, LeadMinistryCode: "mfds"), Today));
        var answer = IssueWorkflow.CheckFields(MoveFields.Answer, new(Accepted), Today);
        Assert.Equal(new[] { "instrument", "plannedChange", "plannedCompletionOn" }, answer.Keys.Order());
        Assert.Contains("plannedCompletionOn", IssueWorkflow.CheckFields(MoveFields.Answer,
            new(Accepted, PlannedChange: "시행규칙 개정", Instrument: Instrument.EnforcementRule, PlannedCompletionOn: Today), Today).Keys);
        Assert.Contains("reviewOn", IssueWorkflow.CheckFields(MoveFields.Review, new(LongTermReview, ReviewOn: Today.AddDays(-1)), Today).Keys);
        Assert.Contains("justification", IssueWorkflow.CheckFields(MoveFields.Refusal, new(NotAccepted, Justification: "안 됩니다"), Today).Keys);
        Assert.Empty(IssueWorkflow.CheckFields(MoveFields.Refusal, new(NotAccepted, Justification: new string('가', 60)), Today));
        Assert.Contains("progressPercent", IssueWorkflow.CheckFields(MoveFields.Progress, new(InProgress, ProgressPercent: 101, ProgressNote: "진행"), Today).Keys);
        Assert.Contains("completedOn", IssueWorkflow.CheckFields(MoveFields.Completion, new(Completed, CompletedOn: Today.AddDays(1), Evidence: "개정 고시"), Today).Keys);
        Assert.Contains("reason", IssueWorkflow.CheckFields(MoveFields.Withdrawal, new(Withdrawn), Today).Keys);
        // A field another move uses is a mistake, not silently dropped.
        Assert.Contains("justification", IssueWorkflow.CheckFields(MoveFields.Withdrawal, new(Withdrawn, Reason: "중복 과제", Justification: "x"), Today).Keys);
    }

    [Fact]
    public void Deadline_IsDerivedFromStatusAndDates()
    {
        var now = new DateTimeOffset(2026, 11, 25, 12, 0, 0, TimeSpan.Zero);
        Assert.Equal((false, (OverdueKind?)null, 3, (int?)null), IssueWorkflow.Deadline(UnderReview, now.AddDays(3), null, null, now));
        Assert.Equal((true, (OverdueKind?)OverdueKind.Answer, (int?)null, 2), IssueWorkflow.Deadline(UnderReview, now.AddDays(-2), null, null, now));
        Assert.Equal((true, (OverdueKind?)OverdueKind.Improvement, (int?)null, 1), IssueWorkflow.Deadline(InProgress, null, null, new DateOnly(2026, 11, 24), now));
        Assert.Equal((false, (OverdueKind?)null, 0, (int?)null), IssueWorkflow.Deadline(Accepted, null, null, new DateOnly(2026, 11, 25), now));
        Assert.Equal((true, (OverdueKind?)OverdueKind.Review, (int?)null, 10), IssueWorkflow.Deadline(LongTermReview, null, new DateOnly(2026, 11, 15), null, now));
        Assert.False(IssueWorkflow.Deadline(Completed, now.AddDays(-30), null, new DateOnly(2020, 1, 1), now).Overdue);
        Assert.False(IssueWorkflow.Deadline(NotAccepted, now.AddDays(-30), null, null, now).Overdue);
        Assert.False(IssueWorkflow.Deadline(Submitted, null, null, null, now).Overdue);
    }

    [Fact]
    public void Deadline_CountsKoreanDays()
    {
        // 23:30 UTC on the 24th is 08:30 on the 25th in Seoul: a deadline of the 24th has passed by one day,
        // and one of the 25th is today (D-Day), though the UTC date is still the 24th.
        var now = new DateTimeOffset(2026, 11, 24, 23, 30, 0, TimeSpan.Zero);
        Assert.Equal((true, (OverdueKind?)OverdueKind.Improvement, (int?)null, 1), IssueWorkflow.Deadline(InProgress, null, null, new DateOnly(2026, 11, 24), now));
        Assert.Equal((false, (OverdueKind?)null, 0, (int?)null), IssueWorkflow.Deadline(InProgress, null, null, new DateOnly(2026, 11, 25), now));
        Assert.Equal(new DateOnly(2026, 11, 25), IssueWorkflow.DayOf(now));
        // A completion dated today in Korea is not "in the future".
        Assert.Empty(IssueWorkflow.CheckFields(MoveFields.Completion,
            new(Completed, CompletedOn: new DateOnly(2026, 11, 25), Evidence: "고시 개정 완료"), IssueWorkflow.DayOf(now)));
    }
}
