using BioCluster.Api.Features.Meetings;
using BioCluster.Api.Infrastructure.Workflow;
using BioCluster.Contracts.Meetings;

namespace BioCluster.Api.Tests.Features.Meetings;

/// <summary>The workflow tables of meetings and follow-ups (every state × target × party) and the quorum rule's properties.</summary>
public sealed class MeetingRulesTests
{
    public static TheoryData<CouncilParty> Parties => new() { CouncilParty.None, CouncilParty.Admin, CouncilParty.Secretariat, CouncilParty.Owner };

    [Theory]
    [MemberData(nameof(Parties))]
    public void MeetingMoves_AreTheSecretariatsAndTheAdminsOnly_AlongTheTable(CouncilParty party)
    {
        var allowed = new HashSet<(MeetingState, MeetingState)>
        {
            (MeetingState.Planned, MeetingState.Convened), (MeetingState.Convened, MeetingState.Held), (MeetingState.Held, MeetingState.Closed),
            (MeetingState.Planned, MeetingState.Cancelled), (MeetingState.Convened, MeetingState.Cancelled),
        };
        foreach (var from in Enum.GetValues<MeetingState>())
        foreach (var to in Enum.GetValues<MeetingState>())
        {
            var verdict = MeetingWorkflow.Table.CanMove(from, to, party);
            var expected = !allowed.Contains((from, to)) ? MoveVerdict.NotFromThisState
                : party is CouncilParty.Admin or CouncilParty.Secretariat ? MoveVerdict.Allowed : MoveVerdict.NotForThisCaller;
            Assert.Equal(expected, verdict);
        }
    }

    [Theory]
    [MemberData(nameof(Parties))]
    public void FollowUpMoves_OwnerReports_OnlyTheSecretariatCancels(CouncilParty party)
    {
        foreach (var from in Enum.GetValues<FollowUpState>())
        foreach (var to in Enum.GetValues<FollowUpState>())
        {
            var live = from is FollowUpState.Open or FollowUpState.InProgress;
            var exists = live && (to is FollowUpState.Done or FollowUpState.Cancelled || to == FollowUpState.InProgress);
            var who = to == FollowUpState.Cancelled ? CouncilParty.Secretariat | CouncilParty.Admin
                : CouncilParty.Secretariat | CouncilParty.Admin | CouncilParty.Owner;
            var expected = !exists ? MoveVerdict.NotFromThisState : (who & party) != 0 ? MoveVerdict.Allowed : MoveVerdict.NotForThisCaller;
            Assert.Equal(expected, FollowUpWorkflow.Table.CanMove(from, to, party));
        }
    }

    [Fact]
    public void Quorum_IsTheSmallestCountAboveTheRule()
    {
        for (var n = 1; n <= 60; n++)
        {
            var majority = Quorum.Needed(QuorumRule.Majority, n);
            Assert.True(2 * majority > n && 2 * (majority - 1) <= n, $"majority of {n}");
            var twoThirds = Quorum.Needed(QuorumRule.TwoThirds, n);
            Assert.True(3 * twoThirds >= 2 * n && 3 * (twoThirds - 1) < 2 * n, $"two thirds of {n}");
            for (var present = 0; present <= n; present++)
                Assert.Equal(present >= majority, Quorum.Of(n, present, QuorumRule.Majority, QuorumRule.Majority).Met);
        }
        Assert.False(Quorum.Of(0, 0, QuorumRule.Majority, QuorumRule.Majority).Met);
    }

    [Fact]
    public void AFollowUp_IsOverdueOnlyAfterItsDueDayEndsInKorea_AndOnlyWhileOpen()
    {
        var due = new DateOnly(2026, 12, 20);
        var lastMoment = new DateTimeOffset(2026, 12, 20, 23, 59, 0, TimeSpan.FromHours(9));
        Assert.False(FollowUpWorkflow.Deadline(FollowUpState.Open, due, lastMoment).Overdue);
        Assert.Equal((true, 1), FollowUpWorkflow.Deadline(FollowUpState.InProgress, due, lastMoment.AddMinutes(2)));
        Assert.False(FollowUpWorkflow.Deadline(FollowUpState.Done, due, lastMoment.AddDays(30)).Overdue);
        Assert.False(FollowUpWorkflow.Deadline(FollowUpState.Open, null, lastMoment.AddDays(30)).Overdue);
    }
}
