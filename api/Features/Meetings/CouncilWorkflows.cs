using BioCluster.Api.Infrastructure.Data;
using BioCluster.Api.Infrastructure.Http;
using BioCluster.Api.Infrastructure.Workflow;
using BioCluster.Contracts.Common;
using BioCluster.Contracts.Meetings;

namespace BioCluster.Api.Features.Meetings;

/// <summary>Who the caller is with respect to a meeting or a follow-up.</summary>
[Flags]
public enum CouncilParty
{
    None = 0,
    Admin = 1,
    Secretariat = 2,
    /// <summary>A person or key of the agency that owns the follow-up.</summary>
    Owner = 4,
}

public enum MeetingMove { Convene, Hold, Close, Cancel }

public enum FollowUpMove { Progress, Completion, Cancellation }

/// <summary>What planning a meeting move consults: the clock and what blocks the move's gate (empty when nothing does).</summary>
public sealed record MeetingMoveContext(DateTimeOffset Now, IReadOnlyList<string> Blockers);

/// <summary>
/// A meeting's life as a table of moves (ADR 0002): the secretariat convenes a planned meeting (which numbers it),
/// marks it held once attendance is recorded, and closes it once every agenda item has an outcome and every follow-up
/// an owner and a due date; a meeting not yet held may be cancelled, with a reason.
/// </summary>
public static class MeetingWorkflow
{
    public static readonly WorkflowTable<MeetingState, CouncilParty, MeetingMove> Table = new(
    [
        new(MeetingState.Planned, MeetingState.Convened, CouncilParty.Secretariat, MeetingMove.Convene),
        new(MeetingState.Convened, MeetingState.Held, CouncilParty.Secretariat, MeetingMove.Hold),
        new(MeetingState.Held, MeetingState.Closed, CouncilParty.Secretariat, MeetingMove.Close),
        new(MeetingState.Planned, MeetingState.Cancelled, CouncilParty.Secretariat, MeetingMove.Cancel),
        new(MeetingState.Convened, MeetingState.Cancelled, CouncilParty.Secretariat, MeetingMove.Cancel),
    ], CouncilParty.Admin);

    private static MoveDefinition<MeetingMoveRequest, MeetingStore.MeetingRow, MeetingMoveContext> Gated(string kind) => new(kind, [],
        (_, _, context, _) => ValueTask.FromResult(context.Blockers.Count == 0 ? null
            : Refusal.Conflict(string.Join(" ", context.Blockers))));

    public static readonly MoveDefinition<MeetingMoveRequest, MeetingStore.MeetingRow, MeetingMoveContext> Convene = Gated("convene");
    public static readonly MoveDefinition<MeetingMoveRequest, MeetingStore.MeetingRow, MeetingMoveContext> Hold = Gated("hold");
    public static readonly MoveDefinition<MeetingMoveRequest, MeetingStore.MeetingRow, MeetingMoveContext> Close = Gated("close");

    public static readonly MoveDefinition<MeetingMoveRequest, MeetingStore.MeetingRow, MeetingMoveContext> Cancel = new("cancellation",
        [Field.LongText<MeetingMoveRequest>("reason", r => r.Reason, 2, 1000, "취소 사유를 2–1,000자로 쓰세요.", "Give the reason for cancelling (2–1,000 characters).")],
        (_, r, _, plan) =>
        {
            plan.Set("cancel_reason", "reason", r.Reason!.Trim(), r.Reason.Trim());
            return ValueTask.FromResult<Refusal?>(null);
        });

    public static MoveDefinition<MeetingMoveRequest, MeetingStore.MeetingRow, MeetingMoveContext> Definition(MeetingMove move) => move switch
    {
        MeetingMove.Convene => Convene,
        MeetingMove.Hold => Hold,
        MeetingMove.Close => Close,
        MeetingMove.Cancel => Cancel,
        _ => throw new ArgumentOutOfRangeException(nameof(move)),
    };

    public static IReadOnlyList<WorkflowMoveDto> MoveFormsFor(MeetingState from, CouncilParty caller) =>
        Table.MovesFor(from, caller).Select(r => Definition(r.Move).Publish(WireNames.Of(r.To))).ToList();
}

/// <summary>What planning a follow-up move consults.</summary>
public sealed record FollowUpMoveContext(DateTimeOffset Now);

/// <summary>
/// A follow-up action's life: its owner (or the secretariat) reports progress with a percentage and a note, and
/// reports it done with evidence; only the secretariat cancels one, with a reason. Overdue is derived from the due
/// date, never stored.
/// </summary>
public static class FollowUpWorkflow
{
    private const CouncilParty OwnerOrSecretariat = CouncilParty.Owner | CouncilParty.Secretariat;

    public static readonly WorkflowTable<FollowUpState, CouncilParty, FollowUpMove> Table = new(
    [
        new(FollowUpState.Open, FollowUpState.InProgress, OwnerOrSecretariat, FollowUpMove.Progress),
        new(FollowUpState.InProgress, FollowUpState.InProgress, OwnerOrSecretariat, FollowUpMove.Progress),
        new(FollowUpState.Open, FollowUpState.Done, OwnerOrSecretariat, FollowUpMove.Completion),
        new(FollowUpState.InProgress, FollowUpState.Done, OwnerOrSecretariat, FollowUpMove.Completion),
        new(FollowUpState.Open, FollowUpState.Cancelled, CouncilParty.Secretariat, FollowUpMove.Cancellation),
        new(FollowUpState.InProgress, FollowUpState.Cancelled, CouncilParty.Secretariat, FollowUpMove.Cancellation),
    ], CouncilParty.Admin);

    private static MoveField<FollowUpMoveRequest> Note => Field.LongText<FollowUpMoveRequest>("note", r => r.Note, 2, 2000,
        "진행 내용을 2–2,000자로 쓰세요.", "Say what was done (2–2,000 characters).");

    private static MoveField<FollowUpMoveRequest> Evidence => Field.Text<FollowUpMoveRequest>("evidence", r => r.Evidence, required: false, max: 1000);

    public static readonly MoveDefinition<FollowUpMoveRequest, FollowUpStore.FollowUpRow, FollowUpMoveContext> Progress = new("progress",
        [Field.Integer<FollowUpMoveRequest>("percent", r => r.Percent, 0, 99), Note, Evidence],
        (_, r, _, plan) =>
        {
            plan.Set("progress_percent", "percent", r.Percent, r.Percent?.ToString(System.Globalization.CultureInfo.InvariantCulture));
            return ValueTask.FromResult<Refusal?>(null);
        });

    public static readonly MoveDefinition<FollowUpMoveRequest, FollowUpStore.FollowUpRow, FollowUpMoveContext> Completion = new("completion",
        [Note, Evidence],
        (_, _, _, plan) =>
        {
            plan.Set("progress_percent", "percent", 100, "100");
            return ValueTask.FromResult<Refusal?>(null);
        });

    public static readonly MoveDefinition<FollowUpMoveRequest, FollowUpStore.FollowUpRow, FollowUpMoveContext> Cancellation = new("cancellation",
        [Field.LongText<FollowUpMoveRequest>("reason", r => r.Reason, 2, 1000, "취소 사유를 2–1,000자로 쓰세요.", "Give the reason for cancelling (2–1,000 characters).")],
        (_, r, _, plan) =>
        {
            plan.Set("cancel_reason", "reason", r.Reason!.Trim(), r.Reason.Trim());
            return ValueTask.FromResult<Refusal?>(null);
        });

    public static MoveDefinition<FollowUpMoveRequest, FollowUpStore.FollowUpRow, FollowUpMoveContext> Definition(FollowUpMove move) => move switch
    {
        FollowUpMove.Progress => Progress,
        FollowUpMove.Completion => Completion,
        FollowUpMove.Cancellation => Cancellation,
        _ => throw new ArgumentOutOfRangeException(nameof(move)),
    };

    public static IReadOnlyList<WorkflowMoveDto> MoveFormsFor(FollowUpState from, CouncilParty caller) =>
        Table.MovesFor(from, caller).Select(r => Definition(r.Move).Publish(WireNames.Of(r.To))).ToList();

    /// <summary>Overdue, derived: still open or in progress after the end of its due day in Korea.</summary>
    public static (bool Overdue, int? DaysLate) Deadline(FollowUpState state, DateOnly? dueOn, DateTimeOffset now)
    {
        if (state is not (FollowUpState.Open or FollowUpState.InProgress) || dueOn is not { } due || now <= Council.EndOf(due)) return (false, null);
        return (true, Math.Max(1, Council.DayOf(now).DayNumber - due.DayNumber));
    }
}

/// <summary>
/// The quorum of a meeting: of the voting seats active on the meeting's day, how many must be present (in person or
/// by substitute) to open it, and how many of those present must agree to decide. The rules are the body's
/// (default: a majority of seats opens; a majority of those present decides).
/// </summary>
public static class Quorum
{
    public static int Needed(QuorumRule rule, int of) => rule switch
    {
        QuorumRule.TwoThirds => (2 * of + 2) / 3,
        _ => of / 2 + 1,
    };

    public static QuorumDto Of(int seats, int present, QuorumRule opening, QuorumRule deciding)
    {
        var needed = seats == 0 ? 0 : Needed(opening, seats);
        return new QuorumDto(seats, present, needed, seats > 0 && present >= needed, present == 0 ? 0 : Needed(deciding, present), opening, deciding);
    }
}
