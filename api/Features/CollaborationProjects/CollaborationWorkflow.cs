using BioCluster.Api.Infrastructure.Data;
using BioCluster.Api.Infrastructure.Http;
using BioCluster.Api.Infrastructure.Workflow;
using BioCluster.Contracts.CollaborationProjects;
using BioCluster.Contracts.Common;
using ProjectRow = BioCluster.Api.Features.CollaborationProjects.CollaborationProjectStore.ProjectRow;

namespace BioCluster.Api.Features.CollaborationProjects;

/// <summary>Who the caller is with respect to one collaboration project.</summary>
[Flags]
public enum CollaborationParty
{
    None = 0,
    Admin = 1,
    /// <summary>The secretariat (and write keys of the registry): every project.</summary>
    Secretariat = 2,
    /// <summary>A person or key of the operator of one of the project's partner clusters.</summary>
    PartnerOperator = 4,
}

/// <summary>The kinds of move, each one declared definition in <see cref="CollaborationWorkflow"/>.</summary>
public enum CollaborationMoveKind { Start, Completion, Suspension, Resumption, Cancellation }

/// <summary>What planning a move consults: only the clock.</summary>
public sealed record CollaborationMoveContext(DateTimeOffset Now);

/// <summary>
/// A collaboration project's life as a table of moves (ADR 0002, ADR 0025): the secretariat or an operator of a partner
/// cluster starts it, suspends and resumes it, and completes it with its outcomes; only the secretariat cancels it.
/// </summary>
public static class CollaborationWorkflow
{
    public static readonly IReadOnlySet<CollaborationState> Closed = new HashSet<CollaborationState> { CollaborationState.Completed, CollaborationState.Cancelled };

    public static readonly WorkflowTable<CollaborationState, CollaborationParty, CollaborationMoveKind> Table = new(BuildRows(), CollaborationParty.Admin);

    private static List<WorkflowRow<CollaborationState, CollaborationParty, CollaborationMoveKind>> BuildRows()
    {
        const CollaborationParty Keepers = CollaborationParty.Secretariat | CollaborationParty.PartnerOperator;
        var rows = new List<WorkflowRow<CollaborationState, CollaborationParty, CollaborationMoveKind>>
        {
            new(CollaborationState.Planned, CollaborationState.InProgress, Keepers, CollaborationMoveKind.Start),
            new(CollaborationState.InProgress, CollaborationState.Completed, Keepers, CollaborationMoveKind.Completion),
            new(CollaborationState.Suspended, CollaborationState.InProgress, Keepers, CollaborationMoveKind.Resumption),
        };
        foreach (var from in new[] { CollaborationState.Planned, CollaborationState.InProgress })
            rows.Add(new(from, CollaborationState.Suspended, Keepers, CollaborationMoveKind.Suspension));
        foreach (var from in new[] { CollaborationState.Planned, CollaborationState.InProgress, CollaborationState.Suspended })
            rows.Add(new(from, CollaborationState.Cancelled, CollaborationParty.Secretariat, CollaborationMoveKind.Cancellation));
        return rows;
    }

    private static MoveField<CollaborationTransitionRequest> ReasonField => Field.LongText<CollaborationTransitionRequest>("reason", r => r.Reason, 5, 4000,
        "사유를 5–4,000자로 쓰세요.", "Give the reason (5–4,000 characters).");

    public static readonly MoveDefinition<CollaborationTransitionRequest, ProjectRow, CollaborationMoveContext> Start = new("start", [],
        (_, _, _, plan) =>
        {
            plan.Write("state_note", null);
            return ValueTask.FromResult<Refusal?>(null);
        });

    public static readonly MoveDefinition<CollaborationTransitionRequest, ProjectRow, CollaborationMoveContext> Completion = new("completion",
        [
            Field.LongText<CollaborationTransitionRequest>("outcomes", r => r.Outcomes, 5, 8000,
                "완료에는 성과를 5–8,000자로 써야 합니다.", "Completing needs the outcomes (5–8,000 characters)."),
        ],
        (_, r, _, plan) =>
        {
            plan.Set("outcomes", "outcomes", r.Outcomes!.Trim(), r.Outcomes.Trim()).Write("state_note", null);
            return ValueTask.FromResult<Refusal?>(null);
        });

    public static readonly MoveDefinition<CollaborationTransitionRequest, ProjectRow, CollaborationMoveContext> Suspension = new("suspension", [ReasonField],
        (_, r, _, plan) =>
        {
            plan.Set("state_note", "reason", r.Reason!.Trim(), r.Reason.Trim());
            return ValueTask.FromResult<Refusal?>(null);
        });

    public static readonly MoveDefinition<CollaborationTransitionRequest, ProjectRow, CollaborationMoveContext> Resumption = new("resumption", [],
        (_, _, _, plan) =>
        {
            plan.Write("state_note", null);
            return ValueTask.FromResult<Refusal?>(null);
        });

    public static readonly MoveDefinition<CollaborationTransitionRequest, ProjectRow, CollaborationMoveContext> Cancellation = new("cancellation", [ReasonField],
        (_, r, _, plan) =>
        {
            plan.Set("state_note", "reason", r.Reason!.Trim(), r.Reason.Trim());
            return ValueTask.FromResult<Refusal?>(null);
        });

    public static MoveDefinition<CollaborationTransitionRequest, ProjectRow, CollaborationMoveContext> Definition(CollaborationMoveKind kind) => kind switch
    {
        CollaborationMoveKind.Start => Start,
        CollaborationMoveKind.Completion => Completion,
        CollaborationMoveKind.Suspension => Suspension,
        CollaborationMoveKind.Resumption => Resumption,
        CollaborationMoveKind.Cancellation => Cancellation,
        _ => throw new ArgumentOutOfRangeException(nameof(kind)),
    };

    public static MoveVerdict CanMove(CollaborationState from, CollaborationState to, CollaborationParty caller) => Table.CanMove(from, to, caller);

    public static IReadOnlyList<CollaborationState> MovesFor(CollaborationState from, CollaborationParty caller) =>
        Table.MovesFor(from, caller).Select(r => r.To).Distinct().ToList();

    public static IReadOnlyList<WorkflowMoveDto> MoveFormsFor(CollaborationState from, CollaborationParty caller) =>
        Table.MovesFor(from, caller).Select(r => Definition(r.Move).Publish(WireNames.Of(r.To))).ToList();
}
