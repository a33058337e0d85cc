using BioCluster.Api.Infrastructure.Http;
using BioCluster.Api.Infrastructure.Workflow;
using BioCluster.Contracts.Common;
using BioCluster.Contracts.RegulatoryIssues;

namespace BioCluster.Api.Features.RegulatoryIssues;

/// <summary>Who the caller is with respect to one issue.</summary>
[Flags]
public enum IssueParty
{
    None = 0,
    Admin = 1,
    Secretariat = 2,
    /// <summary>A reviewer of the issue's lead ministry.</summary>
    LeadMinistry = 4,
    /// <summary>A person or key of the agency that raised the issue.</summary>
    Raiser = 8,
}

/// <summary>The kinds of move, each one declared definition in <see cref="IssueMoves"/>.</summary>
public enum MoveFields
{
    Assignment,
    Answer,
    Review,
    Refusal,
    Progress,
    Completion,
    Withdrawal,
    Reroute,
    Extension,
    ReliefRequest,
    ExtensionRequest,
    RequestGrant,
    RequestRefusal,
}

/// <summary>
/// The improvement pipeline as a table of moves: every allowed move is one row naming who may make it and its
/// declared definition (<see cref="IssueMoves"/>); admins may make any move the table has. Re-review
/// (not_accepted → under_review) is allowed once per issue.
/// </summary>
public static class IssueWorkflow
{
    public static readonly IReadOnlySet<IssueStatus> Closed = new HashSet<IssueStatus> { IssueStatus.Completed, IssueStatus.Withdrawn };

    /// <summary>The named moves that keep an issue under review, who makes each and its definition (declared before the table that reads them).</summary>
    public static readonly IReadOnlyList<(IssueParty Who, MoveFields Kind, IssueMove Move)> DeadlineMoves =
    [
        (IssueParty.Secretariat, MoveFields.Reroute, IssueMove.Reroute),
        (IssueParty.Secretariat, MoveFields.Extension, IssueMove.Extension),
        (IssueParty.LeadMinistry, MoveFields.ReliefRequest, IssueMove.ReliefRequest),
        (IssueParty.LeadMinistry, MoveFields.ExtensionRequest, IssueMove.ExtensionRequest),
        (IssueParty.Secretariat, MoveFields.RequestGrant, IssueMove.GrantRequest),
        (IssueParty.Secretariat, MoveFields.RequestRefusal, IssueMove.RefuseRequest),
    ];

    public static readonly WorkflowTable<IssueStatus, IssueParty, MoveFields> Table = new(BuildRows(), IssueParty.Admin);

    private static List<WorkflowRow<IssueStatus, IssueParty, MoveFields>> BuildRows()
    {
        var rows = new List<WorkflowRow<IssueStatus, IssueParty, MoveFields>>
        {
            new(IssueStatus.Submitted, IssueStatus.UnderReview, IssueParty.Secretariat, MoveFields.Assignment),
            new(IssueStatus.NotAccepted, IssueStatus.UnderReview, IssueParty.Secretariat, MoveFields.Assignment),
            new(IssueStatus.InProgress, IssueStatus.InProgress, IssueParty.LeadMinistry, MoveFields.Progress),
            new(IssueStatus.InProgress, IssueStatus.Completed, IssueParty.LeadMinistry, MoveFields.Completion),
        };
        foreach (var from in new[] { IssueStatus.UnderReview, IssueStatus.LongTermReview })
        {
            rows.Add(new(from, IssueStatus.Accepted, IssueParty.LeadMinistry, MoveFields.Answer));
            rows.Add(new(from, IssueStatus.PartiallyAccepted, IssueParty.LeadMinistry, MoveFields.Answer));
            rows.Add(new(from, IssueStatus.NotAccepted, IssueParty.LeadMinistry, MoveFields.Refusal));
        }
        rows.Add(new(IssueStatus.UnderReview, IssueStatus.LongTermReview, IssueParty.LeadMinistry, MoveFields.Review));
        foreach (var from in new[] { IssueStatus.Accepted, IssueStatus.PartiallyAccepted })
            rows.Add(new(from, IssueStatus.InProgress, IssueParty.LeadMinistry, MoveFields.Progress));
        foreach (var from in Enum.GetValues<IssueStatus>().Where(s => !Closed.Contains(s)))
            rows.Add(new(from, IssueStatus.Withdrawn, IssueParty.Raiser, MoveFields.Withdrawal));
        // Deadline moves: an issue under review keeps its state while its lead ministry or deadline changes (issue 19).
        foreach (var (who, kind, move) in DeadlineMoves)
            rows.Add(new(IssueStatus.UnderReview, IssueStatus.UnderReview, who, kind, WireNames.Of(move)));
        return rows;
    }

    /// <summary>The declared definition of each kind of move.</summary>
    public static MoveDefinition<IssueTransitionRequest, RegulatoryIssueStore.IssueRow, IssueMoveContext> Definition(MoveFields kind) => kind switch
    {
        MoveFields.Assignment => IssueMoves.Assign,
        MoveFields.Answer => IssueMoves.Answer,
        MoveFields.Review => IssueMoves.Review,
        MoveFields.Refusal => IssueMoves.Refuse,
        MoveFields.Progress => IssueMoves.Progress,
        MoveFields.Completion => IssueMoves.Complete,
        MoveFields.Withdrawal => IssueMoves.Withdraw,
        MoveFields.Reroute => IssueMoves.Reroute,
        MoveFields.Extension => IssueMoves.Extend,
        MoveFields.ReliefRequest => IssueMoves.AskRelief,
        MoveFields.ExtensionRequest => IssueMoves.AskExtension,
        MoveFields.RequestGrant => IssueMoves.Grant,
        MoveFields.RequestRefusal => IssueMoves.RefuseRequest,
        _ => throw new ArgumentOutOfRangeException(nameof(kind)),
    };

    /// <summary>
    /// Rows that close for one issue: the one re-review once used; a request while one is pending (one at a time);
    /// granting or refusing when none is.
    /// </summary>
    private static Func<WorkflowRow<IssueStatus, IssueParty, MoveFields>, bool> ClosedRows(bool rereviewUsed, bool requestPending) =>
        row => (rereviewUsed && row.From == IssueStatus.NotAccepted && row.To == IssueStatus.UnderReview)
               || (requestPending && row.Move is MoveFields.ReliefRequest or MoveFields.ExtensionRequest)
               || (!requestPending && row.Move is MoveFields.RequestGrant or MoveFields.RequestRefusal);

    public static MoveVerdict CanMove(IssueStatus from, IssueStatus to, IssueParty caller, bool rereviewUsed, IssueMove? move = null, bool requestPending = false) =>
        Table.CanMove(from, to, caller, ClosedRows(rereviewUsed, requestPending), move is { } m ? WireNames.Of(m) : null);

    /// <summary>The states this caller may move the issue to now (for the dashboard to offer); the named deadline moves are in <see cref="MoveFormsFor"/>.</summary>
    public static IReadOnlyList<IssueStatus> MovesFor(IssueStatus from, IssueParty caller, bool rereviewUsed, bool requestPending = false) =>
        Table.MovesFor(from, caller, ClosedRows(rereviewUsed, requestPending)).Where(r => r.Name is null).Select(r => r.To).Distinct().ToList();

    /// <summary>The moves this caller may make now, each with its fields and rules, for the dashboard to draw its forms from.</summary>
    public static IReadOnlyList<WorkflowMoveDto> MoveFormsFor(IssueStatus from, IssueParty caller, bool rereviewUsed, bool requestPending = false) =>
        Table.MovesFor(from, caller, ClosedRows(rereviewUsed, requestPending)).Select(r => Definition(r.Move).Publish(WireNames.Of(r.To), r.Name)).ToList();

    /// <summary>
    /// Checks a move's fields against its definition. Returns errors keyed by camelCase field; empty when the fields
    /// are right. Dates are judged against <paramref name="today"/>.
    /// </summary>
    public static Dictionary<string, string[]> CheckFields(MoveFields kind, IssueTransitionRequest r, DateOnly today) =>
        Definition(kind).Check(r, today, GivenFields<IssueTransitionRequest>.Of(r, "to", "comment", "agendaItemId", "move"),
            r.Move is { } move ? WireNames.Of(move) : WireNames.Of(r.To));

    public const int MinJustificationLength = IssueMoves.MinJustificationLength;

    /// <summary>The council works on Korean time (UTC+9, no daylight saving): calendar days and date deadlines are Korean days.</summary>
    public static readonly TimeSpan CouncilOffset = Council.Offset;

    /// <summary>The Korean calendar day of an instant.</summary>
    public static DateOnly DayOf(DateTimeOffset instant) => Council.DayOf(instant);

    /// <summary>
    /// Overdue is derived, never stored: an answer past its due time, a long-term review past its date,
    /// or an improvement past its planned completion date.
    /// </summary>
    public static (bool Overdue, OverdueKind? Kind, int? DaysRemaining, int? DaysLate) Deadline(
        IssueStatus status, DateTimeOffset? responseDueAt, DateOnly? reviewOn, DateOnly? plannedCompletionOn, DateTimeOffset now)
    {
        var today = DayOf(now);
        (OverdueKind Kind, DateTimeOffset Due)? due = status switch
        {
            IssueStatus.UnderReview when responseDueAt is { } d => (OverdueKind.Answer, d),
            IssueStatus.LongTermReview when reviewOn is { } r => (OverdueKind.Review, EndOf(r)),
            IssueStatus.Accepted or IssueStatus.PartiallyAccepted or IssueStatus.InProgress when plannedCompletionOn is { } p => (OverdueKind.Improvement, EndOf(p)),
            _ => null,
        };
        if (due is not { } x) return (false, null, null, null);
        if (now > x.Due)
            return (true, x.Kind, null, Math.Max(1, today.DayNumber - DayOf(x.Due).DayNumber));
        return (false, null, DayOf(x.Due).DayNumber - today.DayNumber, null);
    }

    /// <summary>A date-only deadline lasts to the end of that day in Korea.</summary>
    public static DateTimeOffset EndOf(DateOnly day) => Council.EndOf(day);
}
