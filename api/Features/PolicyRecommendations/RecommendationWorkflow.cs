using BioCluster.Api.Features.Holidays;
using BioCluster.Api.Infrastructure.Data;
using BioCluster.Api.Infrastructure.Http;
using BioCluster.Api.Infrastructure.Workflow;
using BioCluster.Contracts.Common;
using BioCluster.Contracts.PolicyRecommendations;
using BioCluster.Contracts.RegulatoryIssues;
using RecommendationRow = BioCluster.Api.Features.PolicyRecommendations.PolicyRecommendationStore.RecommendationRow;

namespace BioCluster.Api.Features.PolicyRecommendations;

/// <summary>Who the caller is with respect to one recommendation.</summary>
[Flags]
public enum RecommendationParty
{
    None = 0,
    Admin = 1,
    Secretariat = 2,
    /// <summary>A reviewer of the recommendation's lead ministry.</summary>
    LeadMinistry = 4,
    /// <summary>A person or key of the cluster operator that raised it.</summary>
    Raiser = 8,
}

/// <summary>The kinds of move, each one declared definition in <see cref="RecommendationWorkflow"/>.</summary>
public enum RecommendationMoveKind { Routing, Acceptance, PartialAcceptance, Review, Refusal, Progress, Completion, Withdrawal, Conversion }

/// <summary>
/// What planning a recommendation move consults: the clock, the default answer time counted as issues count it
/// (<c>Workflow:ResponseDays</c>, working days when the holiday calendar says so), and the conversion into an issue,
/// which the store performs in the move's transaction.
/// </summary>
public sealed record RecommendationMoveContext(DateTimeOffset Now, int ResponseDays, WorkingDays Days,
    Func<RecommendationRow, RecommendationTransitionRequest, Task<StoreResult<long>>> Convert)
{
    /// <summary>The answer deadline by default: as an issue's (<see cref="WorkingDays.DueAfter"/>).</summary>
    public DateTimeOffset DefaultDue() => Days.DueAfter(Now, ResponseDays);
}

/// <summary>
/// A policy recommendation's life as a table of moves (ADR 0002, ADR 0023): the secretariat routes it to its lead
/// ministry, which answers with a typed answer (accepted, partially accepted with the part, long-term review with a
/// date, not accepted with a justification) and reports the follow-through; the raiser may withdraw it until it is
/// completed; the secretariat may turn it (or its remainder) into a regulatory issue, once.
/// </summary>
public static class RecommendationWorkflow
{
    public static readonly IReadOnlySet<RecommendationState> Closed = new HashSet<RecommendationState> { RecommendationState.Completed, RecommendationState.Withdrawn };

    /// <summary>Awaiting an answer (or the final answer of a long-term review): carried over to the next meeting.</summary>
    public static readonly IReadOnlyList<RecommendationState> Unanswered = [RecommendationState.Submitted, RecommendationState.Routed, RecommendationState.LongTermReview];

    /// <summary>Where the secretariat may turn a recommendation into a regulatory issue.</summary>
    public static readonly IReadOnlyList<RecommendationState> Convertible =
        [RecommendationState.PartiallyAccepted, RecommendationState.NotAccepted, RecommendationState.LongTermReview, RecommendationState.InProgress];

    public const string ConversionMove = "conversion";

    public static readonly WorkflowTable<RecommendationState, RecommendationParty, RecommendationMoveKind> Table = new(BuildRows(), RecommendationParty.Admin);

    private static List<WorkflowRow<RecommendationState, RecommendationParty, RecommendationMoveKind>> BuildRows()
    {
        const RecommendationParty Ministry = RecommendationParty.LeadMinistry;
        var rows = new List<WorkflowRow<RecommendationState, RecommendationParty, RecommendationMoveKind>>
        {
            new(RecommendationState.Submitted, RecommendationState.Routed, RecommendationParty.Secretariat, RecommendationMoveKind.Routing),
            new(RecommendationState.Routed, RecommendationState.LongTermReview, Ministry, RecommendationMoveKind.Review),
            new(RecommendationState.InProgress, RecommendationState.InProgress, Ministry, RecommendationMoveKind.Progress),
            new(RecommendationState.InProgress, RecommendationState.Completed, Ministry, RecommendationMoveKind.Completion),
        };
        foreach (var from in new[] { RecommendationState.Routed, RecommendationState.LongTermReview })
        {
            rows.Add(new(from, RecommendationState.Accepted, Ministry, RecommendationMoveKind.Acceptance));
            rows.Add(new(from, RecommendationState.PartiallyAccepted, Ministry, RecommendationMoveKind.PartialAcceptance));
            rows.Add(new(from, RecommendationState.NotAccepted, Ministry, RecommendationMoveKind.Refusal));
        }
        foreach (var from in new[] { RecommendationState.Accepted, RecommendationState.PartiallyAccepted })
            rows.Add(new(from, RecommendationState.InProgress, Ministry, RecommendationMoveKind.Progress));
        foreach (var from in Enum.GetValues<RecommendationState>().Where(s => !Closed.Contains(s)))
            rows.Add(new(from, RecommendationState.Withdrawn, RecommendationParty.Raiser, RecommendationMoveKind.Withdrawal));
        foreach (var from in Convertible)
            rows.Add(new(from, from, RecommendationParty.Secretariat, RecommendationMoveKind.Conversion, ConversionMove));
        return rows;
    }

    private static MoveField<RecommendationTransitionRequest> AnswerField => Field.LongText<RecommendationTransitionRequest>("answer", r => r.Answer, 10, 4000,
        "부처의 답변을 10–4,000자로 쓰세요.", "Give the ministry's answer (10–4,000 characters).");

    private static MoveField<RecommendationTransitionRequest> PlannedField => Field.Date<RecommendationTransitionRequest>("plannedCompletionOn",
        r => r.PlannedCompletionOn, MoveDateRule.Future, "완료 예정일은 오늘 이후여야 합니다.", "The planned completion date must be in the future.");

    private static void Answered(MovePlan plan, RecommendationTransitionRequest r, RecommendationMoveContext context)
    {
        plan.Set("answered_at", "answeredAt", context.Now, context.Now.ToString("O"));
        if (r.Answer is { } answer) plan.Set("answer", "answer", answer.Trim(), answer.Trim());
    }

    public static readonly MoveDefinition<RecommendationTransitionRequest, RecommendationRow, RecommendationMoveContext> Routing = new("routing",
        [Field.Instant<RecommendationTransitionRequest>("responseDueAt", r => r.ResponseDueAt, MoveDateRule.Future, required: false)],
        (_, r, context, plan) =>
        {
            var due = r.ResponseDueAt ?? context.DefaultDue();
            plan.Set("routed_at", "routedAt", context.Now, context.Now.ToString("O"))
                .Set("response_due_at", "responseDueAt", due, due.ToString("O"));
            plan.Deadline = due;
            return ValueTask.FromResult<Refusal?>(null);
        });

    public static readonly MoveDefinition<RecommendationTransitionRequest, RecommendationRow, RecommendationMoveContext> Acceptance = new("acceptance",
        [AnswerField, PlannedField],
        (_, r, context, plan) =>
        {
            Answered(plan, r, context);
            plan.Set("planned_completion_on", "plannedCompletionOn", r.PlannedCompletionOn, r.PlannedCompletionOn?.ToString("yyyy-MM-dd"));
            return ValueTask.FromResult<Refusal?>(null);
        });

    public static readonly MoveDefinition<RecommendationTransitionRequest, RecommendationRow, RecommendationMoveContext> PartialAcceptance = new("partial_acceptance",
        [
            AnswerField,
            Field.LongText<RecommendationTransitionRequest>("acceptedPart", r => r.AcceptedPart, 5, 4000,
                "수용하는 부분을 5–4,000자로 쓰세요.", "Say which part is accepted (5–4,000 characters)."),
            PlannedField,
        ],
        (_, r, context, plan) =>
        {
            Answered(plan, r, context);
            plan.Set("accepted_part", "acceptedPart", r.AcceptedPart!.Trim(), r.AcceptedPart.Trim())
                .Set("planned_completion_on", "plannedCompletionOn", r.PlannedCompletionOn, r.PlannedCompletionOn?.ToString("yyyy-MM-dd"));
            return ValueTask.FromResult<Refusal?>(null);
        });

    public static readonly MoveDefinition<RecommendationTransitionRequest, RecommendationRow, RecommendationMoveContext> Review = new("review",
        [
            AnswerField,
            Field.Date<RecommendationTransitionRequest>("reviewOn", r => r.ReviewOn, MoveDateRule.Future,
                "장기 검토에는 오늘 이후의 검토 기한이 필요합니다.", "A long-term review needs a review date in the future."),
        ],
        (_, r, context, plan) =>
        {
            Answered(plan, r, context);
            plan.Set("review_on", "reviewOn", r.ReviewOn, r.ReviewOn?.ToString("yyyy-MM-dd"));
            return ValueTask.FromResult<Refusal?>(null);
        });

    public const int MinJustificationLength = 50;

    public static readonly MoveDefinition<RecommendationTransitionRequest, RecommendationRow, RecommendationMoveContext> Refuse = new("refusal",
        [
            Field.LongText<RecommendationTransitionRequest>("justification", r => r.Justification, MinJustificationLength, 8000,
                $"불수용에는 {MinJustificationLength}자 이상의 사유가 필요합니다.",
                $"A refusal needs a written justification of at least {MinJustificationLength} characters."),
        ],
        (_, r, context, plan) =>
        {
            Answered(plan, r, context);
            plan.Set("justification", "justification", r.Justification!.Trim(), r.Justification.Trim());
            return ValueTask.FromResult<Refusal?>(null);
        });

    public static readonly MoveDefinition<RecommendationTransitionRequest, RecommendationRow, RecommendationMoveContext> Progress = new("progress",
        [
            Field.Integer<RecommendationTransitionRequest>("progressPercent", r => r.ProgressPercent, 0, 99),
            Field.LongText<RecommendationTransitionRequest>("progressNote", r => r.ProgressNote, 2, 4000,
                "진행 상황을 2–4,000자로 쓰세요.", "Describe the progress (2–4,000 characters)."),
        ],
        (_, r, _, plan) =>
        {
            plan.Set("progress_percent", "progressPercent", r.ProgressPercent, r.ProgressPercent?.ToString(System.Globalization.CultureInfo.InvariantCulture))
                .Set("progress_note", "progressNote", r.ProgressNote!.Trim(), r.ProgressNote.Trim());
            return ValueTask.FromResult<Refusal?>(null);
        });

    public static readonly MoveDefinition<RecommendationTransitionRequest, RecommendationRow, RecommendationMoveContext> Completion = new("completion",
        [
            Field.Date<RecommendationTransitionRequest>("completedOn", r => r.CompletedOn, MoveDateRule.NotFuture,
                "완료일은 미래일 수 없습니다.", "The completion date cannot be in the future."),
            Field.LongText<RecommendationTransitionRequest>("evidence", r => r.Evidence, 5, 4000,
                "근거(예: 개정된 규정)를 5–4,000자로 쓰세요.", "Give the evidence, e.g. the amended rule (5–4,000 characters)."),
        ],
        (_, r, _, plan) =>
        {
            plan.Set("completed_on", "completedOn", r.CompletedOn, r.CompletedOn?.ToString("yyyy-MM-dd"))
                .Set("evidence", "evidence", r.Evidence!.Trim(), r.Evidence.Trim())
                .Set("progress_percent", "progressPercent", 100, "100");
            return ValueTask.FromResult<Refusal?>(null);
        });

    public static readonly MoveDefinition<RecommendationTransitionRequest, RecommendationRow, RecommendationMoveContext> Withdrawal = new("withdrawal",
        [
            Field.LongText<RecommendationTransitionRequest>("reason", r => r.Reason, 5, 4000,
                "철회 사유를 5–4,000자로 쓰세요.", "Give the reason for withdrawing (5–4,000 characters)."),
        ],
        (_, r, _, plan) =>
        {
            plan.Set("withdrawal_reason", "reason", r.Reason!.Trim(), r.Reason.Trim());
            return ValueTask.FromResult<Refusal?>(null);
        });

    /// <summary>
    /// The secretariat turns the recommendation (typically the remainder of a partially accepted one) into a regulatory
    /// issue raised by the same operator: the issue's title is the theme, its problem the recommendation's text, its
    /// proposal the part still to improve; the link is kept on both records.
    /// </summary>
    /// <summary>Said in the request's language each time (a property, not a field).</summary>
    private static Refusal AlreadyConverted =>
        Refusal.Conflict(Text.Of("이 제언은 이미 규제 개선 과제가 되었습니다.", "This recommendation has already become a regulatory issue."));

    public static readonly MoveDefinition<RecommendationTransitionRequest, RecommendationRow, RecommendationMoveContext> Conversion = new(ConversionMove,
        [
            Field.Choice<RecommendationTransitionRequest, IssueCategory>("category", r => r.Category,
                "규제 개선 과제의 분야를 고르세요.", "Choose the regulatory issue's category."),
            Field.LongText<RecommendationTransitionRequest>("proposalKo", r => r.ProposalKo, 10, 8000,
                "과제로 남은 개선 내용을 10–8,000자로 쓰세요.", "Say what remains to improve (10–8,000 characters)."),
            Field.Text<RecommendationTransitionRequest>("lawName", r => r.LawName, required: false, max: 300),
        ],
        async (row, r, context, plan) =>
        {
            if (row.IssueId is not null)
                return AlreadyConverted;
            var created = await context.Convert(row, r);
            if (created.Refusal is { } refusal) return refusal;
            plan.Set("issue_id", "issueId", created.Value, created.Value.ToString(System.Globalization.CultureInfo.InvariantCulture));
            return null;
        });

    public static MoveDefinition<RecommendationTransitionRequest, RecommendationRow, RecommendationMoveContext> Definition(RecommendationMoveKind kind) => kind switch
    {
        RecommendationMoveKind.Routing => Routing,
        RecommendationMoveKind.Acceptance => Acceptance,
        RecommendationMoveKind.PartialAcceptance => PartialAcceptance,
        RecommendationMoveKind.Review => Review,
        RecommendationMoveKind.Refusal => Refuse,
        RecommendationMoveKind.Progress => Progress,
        RecommendationMoveKind.Completion => Completion,
        RecommendationMoveKind.Withdrawal => Withdrawal,
        RecommendationMoveKind.Conversion => Conversion,
        _ => throw new ArgumentOutOfRangeException(nameof(kind)),
    };

    /// <summary>The one conversion: its rows close once the recommendation has an issue.</summary>
    private static Func<WorkflowRow<RecommendationState, RecommendationParty, RecommendationMoveKind>, bool> ClosedRows(bool converted) =>
        row => converted && row.Move == RecommendationMoveKind.Conversion;

    public static MoveVerdict CanMove(RecommendationState from, RecommendationState to, RecommendationParty caller, bool converted, string? move) =>
        Table.CanMove(from, to, caller, ClosedRows(converted), move);

    public static IReadOnlyList<RecommendationState> MovesFor(RecommendationState from, RecommendationParty caller, bool converted) =>
        Table.MovesFor(from, caller, ClosedRows(converted)).Where(r => r.Name is null).Select(r => r.To).Distinct().ToList();

    public static IReadOnlyList<WorkflowMoveDto> MoveFormsFor(RecommendationState from, RecommendationParty caller, bool converted) =>
        Table.MovesFor(from, caller, ClosedRows(converted)).Select(r => Definition(r.Move).Publish(WireNames.Of(r.To), r.Name)).ToList();

    /// <summary>Overdue, derived: an answer past its due time, a long-term review past its date, an improvement past its planned completion.</summary>
    public static (bool Overdue, RecommendationOverdueKind? Kind, int? DaysLate) Deadline(RecommendationState state, DateTimeOffset? responseDueAt,
        DateOnly? reviewOn, DateOnly? plannedCompletionOn, DateTimeOffset now)
    {
        (RecommendationOverdueKind Kind, DateTimeOffset Due)? due = state switch
        {
            RecommendationState.Routed when responseDueAt is { } d => (RecommendationOverdueKind.Answer, d),
            RecommendationState.LongTermReview when reviewOn is { } r => (RecommendationOverdueKind.Review, Council.EndOf(r)),
            RecommendationState.Accepted or RecommendationState.PartiallyAccepted or RecommendationState.InProgress when plannedCompletionOn is { } p =>
                (RecommendationOverdueKind.Completion, Council.EndOf(p)),
            _ => null,
        };
        if (due is not { } d2 || now <= d2.Due) return (false, null, null);
        return (true, d2.Kind, Math.Max(1, Council.DayOf(now).DayNumber - Council.DayOf(d2.Due).DayNumber));
    }
}
