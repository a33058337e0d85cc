using BioCluster.Api.Features.RegulatoryIssues;
using BioCluster.Api.Infrastructure.Workflow;
using BioCluster.Contracts.RegulatoryIssues;

namespace BioCluster.Api.Tests.Features.RegulatoryIssues;

/// <summary>The deadline moves in the workflow table, every move × party × state × request state, with no host.</summary>
public sealed class DeadlineMoveWorkflowTests
{
    private static readonly IssueParty[] Parties = [IssueParty.Admin, IssueParty.Secretariat, IssueParty.LeadMinistry, IssueParty.Raiser, IssueParty.None];

    /// <summary>Who (besides an admin) makes each move, and whether it needs a pending request (true), none (false) or either (null).</summary>
    private static readonly Dictionary<IssueMove, (IssueParty Who, bool? Pending)> Spec = new()
    {
        [IssueMove.Reroute] = (IssueParty.Secretariat, null),
        [IssueMove.Extension] = (IssueParty.Secretariat, null),
        [IssueMove.ReliefRequest] = (IssueParty.LeadMinistry, false),
        [IssueMove.ExtensionRequest] = (IssueParty.LeadMinistry, false),
        [IssueMove.GrantRequest] = (IssueParty.Secretariat, true),
        [IssueMove.RefuseRequest] = (IssueParty.Secretariat, true),
    };

    public static TheoryData<IssueMove, IssueStatus, IssueParty, bool> AllCases()
    {
        var data = new TheoryData<IssueMove, IssueStatus, IssueParty, bool>();
        foreach (var move in Enum.GetValues<IssueMove>())
        foreach (var state in Enum.GetValues<IssueStatus>())
        foreach (var party in Parties)
        foreach (var pending in new[] { false, true })
            data.Add(move, state, party, pending);
        return data;
    }

    [Theory]
    [MemberData(nameof(AllCases))]
    public void CanMove_EveryDeadlineMoveStateAndParty_MatchesTheSpec(IssueMove move, IssueStatus state, IssueParty party, bool pending)
    {
        var (who, needsPending) = Spec[move];
        var expected = state != IssueStatus.UnderReview || (needsPending is { } p && p != pending) ? MoveVerdict.NotFromThisState
            : (party & (who | IssueParty.Admin)) != 0 ? MoveVerdict.Allowed : MoveVerdict.NotForThisCaller;
        Assert.Equal(expected, IssueWorkflow.CanMove(state, state, party, rereviewUsed: false, move, pending));
    }

    [Fact]
    public void NamedMoves_NeverChangeState_AndAreNotInAllowedMoves()
    {
        Assert.All(IssueWorkflow.Table.Rows.Where(r => r.Name is not null), r => Assert.Equal(r.From, r.To));
        Assert.DoesNotContain(IssueStatus.UnderReview, IssueWorkflow.MovesFor(IssueStatus.UnderReview, IssueParty.Admin, false, requestPending: true));
    }

    [Fact]
    public void MoveForms_PublishTheMoveName_ForTheSecretariatAndTheLead()
    {
        Assert.Equal(["reroute", "extension", "grant_request", "refuse_request"],
            IssueWorkflow.MoveFormsFor(IssueStatus.UnderReview, IssueParty.Secretariat, false, requestPending: true).Select(f => f.Move).OfType<string>());
        Assert.Equal(["reroute", "extension"],
            IssueWorkflow.MoveFormsFor(IssueStatus.UnderReview, IssueParty.Secretariat, false, requestPending: false).Select(f => f.Move).OfType<string>());
        var lead = IssueWorkflow.MoveFormsFor(IssueStatus.UnderReview, IssueParty.LeadMinistry, false, requestPending: false);
        Assert.Equal(["relief_request", "extension_request"], lead.Select(f => f.Move).OfType<string>());
        Assert.Equal(["reason", "proposedMinistryCode"], lead.Single(f => f.Move == "relief_request").Fields.Select(f => f.Name));
        Assert.All(lead.Where(f => f.Move is not null), f => Assert.Equal("under_review", f.To));
    }

    [Fact]
    public void CheckFields_AMoveNamesItselfInTheMessageForFieldsItDoesNotTake()
    {
        var errors = IssueWorkflow.CheckFields(MoveFields.Extension,
            new IssueTransitionRequest(IssueStatus.UnderReview, Move: IssueMove.Extension, Reason: "협의 지연입니다", ResponseDueAt: DateTimeOffset.UtcNow.AddDays(30),
                LeadMinistryCode: "msit"), DateOnly.FromDateTime(DateTime.UtcNow));
        Assert.Equal(["leadMinistryCode"], errors.Keys);
        Assert.Contains("extension", errors["leadMinistryCode"][0]);
    }
}
