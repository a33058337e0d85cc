using BioCluster.Api.Features.Holidays;
using BioCluster.Api.Infrastructure.Data;
using BioCluster.Api.Infrastructure.Http;
using BioCluster.Api.Infrastructure.Workflow;
using BioCluster.Contracts.Common;
using BioCluster.Contracts.RegulatoryIssues;
using IssueRow = BioCluster.Api.Features.RegulatoryIssues.RegulatoryIssueStore.IssueRow;

namespace BioCluster.Api.Features.RegulatoryIssues;

/// <summary>
/// What planning an issue move may consult: the clock, the default answer time, the active agencies by code, how
/// deadlines are counted (with the holiday calendar) and the issue's co-ministries.
/// </summary>
public sealed record IssueMoveContext(DateTimeOffset Now, int ResponseDays, Func<string, Task<AgencyKindRow?>> ActiveAgency,
    WorkingDays? Days = null, Func<Task<IReadOnlyList<long>>>? CoMinistries = null)
{
    /// <summary>
    /// The answer deadline a ministry gets by default from now: <see cref="ResponseDays"/> days later, or — counted in
    /// working days — the end of the Korean day that many working days on.
    /// </summary>
    public DateTimeOffset DefaultDue() => Days?.DueAfter(Now, ResponseDays) ?? Now.AddDays(ResponseDays);
}

/// <summary>
/// The declared moves of the improvement pipeline, one definition per kind of move: the fields it takes and their
/// rules (checked by FluentValidation and published to the dashboard), the columns it writes, what its timeline
/// entry shows and the deadline it sets. <see cref="IssueWorkflow"/> says which states and parties each serves.
/// </summary>
public static class IssueMoves
{
    private const string Ministry = "ministry";

    public static readonly MoveDefinition<IssueTransitionRequest, IssueRow, IssueMoveContext> Assign = new("assignment",
        [
            Field.Agency<IssueTransitionRequest>("leadMinistryCode", r => r.LeadMinistryCode, Ministry,
                "주관 부처를 지정하세요.", "Assigning needs the lead ministry."),
            Field.Agencies<IssueTransitionRequest>("coMinistryCodes", r => r.CoMinistryCodes, Ministry, 10),
            Field.Instant<IssueTransitionRequest>("responseDueAt", r => r.ResponseDueAt, MoveDateRule.Future, required: false),
            Field.Person<IssueTransitionRequest>("official", r => r.Official),
        ],
        async (row, r, context, plan) =>
        {
            var lead = await context.ActiveAgency(r.LeadMinistryCode!);
            if (lead is not { Kind: Ministry })
                return Refusal.Invalid("leadMinistryCode", Text.Of(
                    $"'{r.LeadMinistryCode}'은(는) 주관 부처로 지정할 수 없습니다. 보관되지 않은 부처(ministry)여야 합니다.",
                    $"'{r.LeadMinistryCode}' cannot be the lead ministry: it must be an agency of kind ministry that is not archived."));
            var coMinistries = new List<long>();
            foreach (var code in (r.CoMinistryCodes ?? []).Distinct())
            {
                var co = await context.ActiveAgency(code);
                if (co is not { Kind: Ministry } || co.Id == lead.Id)
                    return Refusal.Invalid("coMinistryCodes", Text.Of(
                        $"'{code}'은(는) 협조 부처로 지정할 수 없습니다. 주관 부처가 아닌, 보관되지 않은 부처(ministry)여야 합니다.",
                        $"'{code}' cannot be a co-ministry: it must be another agency of kind ministry that is not archived."));
                coMinistries.Add(co.Id);
            }
            var due = r.ResponseDueAt ?? context.DefaultDue();
            plan.Set("lead_ministry_id", "leadMinistryCode", lead.Id, r.LeadMinistryCode)
                .Set("assigned_at", "assignedAt", context.Now, context.Now.ToString("O"))
                .Set("response_due_at", "responseDueAt", due, due.ToString("O"));
            if (r.Official is { } official)
                plan.Set("official_name", "officialName", official.Name, official.Name)
                    .Set("official_department", "officialDepartment", official.Department, official.Department)
                    .Set("official_contact", "officialContact", official.Contact, official.Contact);
            if (row.StatusValue == IssueStatus.NotAccepted) plan.Set("rereview_used", "rereviewUsed", true, "true");
            plan.Links.Add(new LinkSet("regulatory_issue_co_ministries", "issue_id", "agency_id", coMinistries));
            if (r.CoMinistryCodes is { Count: > 0 } codes) plan.Timeline["coMinistryCodes"] = string.Join(",", codes.Distinct());
            plan.Deadline = due;
            return null;
        });

    public static readonly MoveDefinition<IssueTransitionRequest, IssueRow, IssueMoveContext> Answer = new("answer",
        [
            Field.LongText<IssueTransitionRequest>("plannedChange", r => r.PlannedChange, 10, 4000,
                "무엇을 바꿀지 10–4,000자로 쓰세요.", "Say what will change (10–4,000 characters)."),
            Field.Choice<IssueTransitionRequest, Instrument>("instrument", r => r.Instrument,
                "개선 수단(법률, 시행령, 시행규칙, 고시, 지침)을 고르세요.", "Name the instrument: law, enforcement_decree, enforcement_rule, notice or guideline."),
            Field.Date<IssueTransitionRequest>("plannedCompletionOn", r => r.PlannedCompletionOn, MoveDateRule.Future,
                "완료 예정일은 오늘 이후여야 합니다.", "The planned completion date must be in the future."),
        ],
        (row, r, context, plan) =>
        {
            Answered(plan, row, r, context);
            plan.Set("planned_change", "plannedChange", r.PlannedChange, r.PlannedChange)
                .Set("instrument", "instrument", WireNames.Of(r.Instrument!.Value), WireNames.Of(r.Instrument!.Value))
                .Set("planned_completion_on", "plannedCompletionOn", r.PlannedCompletionOn, r.PlannedCompletionOn?.ToString("yyyy-MM-dd"));
            plan.Deadline = Council.EndOf(r.PlannedCompletionOn!.Value);
            return ValueTask.FromResult<Refusal?>(null);
        });

    public static readonly MoveDefinition<IssueTransitionRequest, IssueRow, IssueMoveContext> Review = new("review",
        [
            Field.Date<IssueTransitionRequest>("reviewOn", r => r.ReviewOn, MoveDateRule.Future,
                "장기 검토에는 오늘 이후의 검토 기한이 필요합니다.", "A long-term review needs a review date in the future."),
        ],
        (row, r, context, plan) =>
        {
            Answered(plan, row, r, context);
            plan.Set("review_on", "reviewOn", r.ReviewOn, r.ReviewOn?.ToString("yyyy-MM-dd"));
            plan.Deadline = Council.EndOf(r.ReviewOn!.Value);
            return ValueTask.FromResult<Refusal?>(null);
        });

    public const int MinJustificationLength = 50;

    public static readonly MoveDefinition<IssueTransitionRequest, IssueRow, IssueMoveContext> Refuse = new("refusal",
        [
            Field.LongText<IssueTransitionRequest>("justification", r => r.Justification, MinJustificationLength, 8000,
                $"불수용에는 {MinJustificationLength}자 이상의 사유가 필요합니다.",
                $"A refusal needs a written justification of at least {MinJustificationLength} characters."),
        ],
        (row, r, context, plan) =>
        {
            Answered(plan, row, r, context);
            plan.Set("justification", "justification", r.Justification, r.Justification);
            return ValueTask.FromResult<Refusal?>(null);
        });

    public static readonly MoveDefinition<IssueTransitionRequest, IssueRow, IssueMoveContext> Progress = new("progress",
        [
            Field.Integer<IssueTransitionRequest>("progressPercent", r => r.ProgressPercent, 0, 100),
            Field.LongText<IssueTransitionRequest>("progressNote", r => r.ProgressNote, 2, 4000,
                "진행 상황을 2–4,000자로 쓰세요.", "Describe the progress (2–4,000 characters)."),
        ],
        (row, r, context, plan) =>
        {
            plan.Set("progress_percent", "progressPercent", r.ProgressPercent, r.ProgressPercent?.ToString())
                .Set("progress_note", "progressNote", r.ProgressNote, r.ProgressNote);
            plan.Deadline = row.PlannedCompletionOn is { } planned ? Council.EndOf(planned) : null;
            return ValueTask.FromResult<Refusal?>(null);
        });

    public static readonly MoveDefinition<IssueTransitionRequest, IssueRow, IssueMoveContext> Complete = new("completion",
        [
            Field.Date<IssueTransitionRequest>("completedOn", r => r.CompletedOn, MoveDateRule.NotFuture,
                "완료일은 미래일 수 없습니다.", "The completion date cannot be in the future."),
            Field.LongText<IssueTransitionRequest>("evidence", r => r.Evidence, 5, 4000,
                "근거(예: 개정된 규정)를 5–4,000자로 쓰세요.", "Give the evidence, e.g. the amended rule (5–4,000 characters)."),
        ],
        (row, r, context, plan) =>
        {
            plan.Set("completed_on", "completedOn", r.CompletedOn, r.CompletedOn?.ToString("yyyy-MM-dd"))
                .Set("evidence", "evidence", r.Evidence, r.Evidence)
                .Set("progress_percent", "progressPercent", 100, "100");
            return ValueTask.FromResult<Refusal?>(null);
        });

    public static readonly MoveDefinition<IssueTransitionRequest, IssueRow, IssueMoveContext> Withdraw = new("withdrawal",
        [
            Field.LongText<IssueTransitionRequest>("reason", r => r.Reason, 5, 4000,
                "철회 사유를 5–4,000자로 쓰세요.", "Give the reason for withdrawing (5–4,000 characters)."),
        ],
        (row, r, context, plan) =>
        {
            plan.Set("withdrawal_reason", "reason", r.Reason, r.Reason);
            return ValueTask.FromResult<Refusal?>(null);
        });

    private static MoveField<IssueTransitionRequest> ReasonField(string ko, string en) =>
        Field.LongText<IssueTransitionRequest>("reason", r => r.Reason, 5, 4000, ko, en);

    /// <summary>The secretariat hands an issue under review to another lead ministry: a new deadline, the reason on the timeline.</summary>
    public static readonly MoveDefinition<IssueTransitionRequest, IssueRow, IssueMoveContext> Reroute = new("reroute",
        [
            Field.Agency<IssueTransitionRequest>("leadMinistryCode", r => r.LeadMinistryCode, Ministry,
                "새 주관 부처를 지정하세요.", "Name the new lead ministry."),
            ReasonField("재지정 사유를 5–4,000자로 쓰세요.", "Give the reason for re-routing (5–4,000 characters)."),
            Field.Instant<IssueTransitionRequest>("responseDueAt", r => r.ResponseDueAt, MoveDateRule.Future, required: false),
        ],
        async (row, r, context, plan) =>
        {
            var lead = await context.ActiveAgency(r.LeadMinistryCode!);
            if (lead is not { Kind: Ministry })
                return Refusal.Invalid("leadMinistryCode", Text.Of("새 주관 부처는 활성 상태인 부처(ministry)여야 합니다.",
                    "The new lead ministry must be an active agency of kind ministry."));
            if (lead.Id == row.LeadMinistryId)
                return Refusal.Invalid("leadMinistryCode", Text.Of("이미 이 과제의 주관 부처입니다. 다른 부처를 지정하세요.",
                    "That ministry already leads this issue; name another."));
            await Rerouted(plan, row, lead.Id, r.LeadMinistryCode!, r.ResponseDueAt ?? context.DefaultDue(), r.Reason, context);
            return null;
        });

    /// <summary>The secretariat gives the lead ministry more time: a later answer deadline, counted.</summary>
    public static readonly MoveDefinition<IssueTransitionRequest, IssueRow, IssueMoveContext> Extend = new("extension",
        [
            Field.Instant<IssueTransitionRequest>("responseDueAt", r => r.ResponseDueAt, MoveDateRule.Future, required: true),
            ReasonField("연장 사유를 5–4,000자로 쓰세요.", "Give the reason for the extension (5–4,000 characters)."),
        ],
        (row, r, context, plan) =>
        {
            if (LaterDeadline(row, r.ResponseDueAt!.Value, "responseDueAt") is { } notLater) return ValueTask.FromResult<Refusal?>(notLater);
            Extended(plan, row, r.ResponseDueAt!.Value, r.Reason);
            return ValueTask.FromResult<Refusal?>(null);
        });

    /// <summary>The lead ministry asks to be relieved of an issue that is not its remit, naming the ministry that owns the rule.</summary>
    public static readonly MoveDefinition<IssueTransitionRequest, IssueRow, IssueMoveContext> AskRelief = new("relief_request",
        [
            ReasonField("소관이 아닌 이유를 5–4,000자로 쓰세요.", "Say why it is not your remit (5–4,000 characters)."),
            Field.Agency<IssueTransitionRequest>("proposedMinistryCode", r => r.ProposedMinistryCode, Ministry,
                "소관 부처로 제안할 부처를 지정하세요.", "Name the ministry you propose."),
        ],
        async (row, r, context, plan) =>
        {
            var proposed = await context.ActiveAgency(r.ProposedMinistryCode!);
            if (proposed is not { Kind: Ministry } || proposed.Id == row.LeadMinistryId)
                return Refusal.Invalid("proposedMinistryCode", Text.Of("제안하는 부처는 이 과제의 주관 부처가 아닌 다른 활성 부처여야 합니다.",
                    "The proposed ministry must be another active ministry than the issue's lead."));
            Requested(plan, row, IssueRequestKind.Relief, r.Reason!, context.Now)
                .Set("request_ministry_id", "proposedMinistryCode", proposed.Id, r.ProposedMinistryCode);
            return null;
        });

    /// <summary>The lead ministry asks for more time, proposing a date later than its deadline.</summary>
    public static readonly MoveDefinition<IssueTransitionRequest, IssueRow, IssueMoveContext> AskExtension = new("extension_request",
        [
            ReasonField("연장이 필요한 이유를 5–4,000자로 쓰세요.", "Say why you need more time (5–4,000 characters)."),
            Field.Date<IssueTransitionRequest>("proposedDueOn", r => r.ProposedDueOn, MoveDateRule.Future,
                "제안하는 기한은 오늘 이후여야 합니다.", "The proposed date must be in the future."),
        ],
        (row, r, context, plan) =>
        {
            if (LaterDeadline(row, Council.EndOf(r.ProposedDueOn!.Value), "proposedDueOn") is { } notLater) return ValueTask.FromResult<Refusal?>(notLater);
            Requested(plan, row, IssueRequestKind.Extension, r.Reason!, context.Now)
                .Set("request_due_on", "proposedDueOn", r.ProposedDueOn, r.ProposedDueOn?.ToString("yyyy-MM-dd"));
            return ValueTask.FromResult<Refusal?>(null);
        });

    /// <summary>
    /// The secretariat grants the pending request: a relief re-routes the issue to the proposed ministry (deadline as for a
    /// new assignment unless given); an extension moves the deadline to the proposed date (or the date given), counted.
    /// </summary>
    public static readonly MoveDefinition<IssueTransitionRequest, IssueRow, IssueMoveContext> Grant = new("grant_request",
        [
            Field.Instant<IssueTransitionRequest>("responseDueAt", r => r.ResponseDueAt, MoveDateRule.Future, required: false),
        ],
        async (row, r, context, plan) =>
        {
            plan.Timeline["request"] = row.RequestKind;
            if (row.RequestKind == WireNames.Of(IssueRequestKind.Relief))
            {
                var code = row.RequestMinistryCode;
                var lead = code is null ? null : await context.ActiveAgency(code);
                if (lead is not { Kind: Ministry })
                    return Refusal.Conflict(Text.Of("요청에서 제안한 부처가 더는 활성 부처가 아닙니다. 요청을 거절하고 다른 부처로 재지정하세요.",
                        "The proposed ministry is no longer an active ministry; refuse the request and re-route the issue."));
                await Rerouted(plan, row, lead.Id, code!, r.ResponseDueAt ?? context.DefaultDue(), row.RequestReason, context);
                return null;
            }
            var due = r.ResponseDueAt ?? Council.EndOf(row.RequestDueOn!.Value);
            if (LaterDeadline(row, due, "responseDueAt") is { } notLater) return notLater;
            Extended(plan, row, due, row.RequestReason);
            return null;
        });

    /// <summary>The secretariat refuses the pending request, saying why; the deadline and the lead stay as they were.</summary>
    public static readonly MoveDefinition<IssueTransitionRequest, IssueRow, IssueMoveContext> RefuseRequest = new("refuse_request",
        [
            ReasonField("거절 사유를 5–4,000자로 쓰세요.", "Give the reason for refusing (5–4,000 characters)."),
        ],
        (row, r, context, plan) =>
        {
            ClearRequest(plan);
            plan.Timeline["request"] = row.RequestKind;
            plan.Timeline["reason"] = r.Reason;
            plan.Deadline = row.ResponseDueAt;
            return ValueTask.FromResult<Refusal?>(null);
        });

    private static Refusal? LaterDeadline(IssueRow row, DateTimeOffset due, string field) =>
        row.ResponseDueAt is { } current && due <= current
            ? Refusal.Invalid(field, Text.Of($"새 기한은 현재 기한({Council.DayOf(current):yyyy-MM-dd})보다 뒤여야 합니다.",
                $"The new deadline must be later than the current one ({Council.DayOf(current):yyyy-MM-dd})."))
            : null;

    private static async Task Rerouted(MovePlan plan, IssueRow row, long leadId, string leadCode, DateTimeOffset due, string? reason, IssueMoveContext context)
    {
        ClearRequest(plan); // a pending request is answered by the move itself
        plan.Set("lead_ministry_id", "leadMinistryCode", leadId, leadCode)
            .Set("assigned_at", "assignedAt", context.Now, context.Now.ToString("O"))
            .Set("response_due_at", "responseDueAt", due, due.ToString("O"));
        plan.Timeline["previousLeadMinistryCode"] = row.LeadMinistryCode;
        plan.Timeline["reason"] = reason;
        // The new lead leads: it is no longer also a co-ministry of the issue.
        var co = context.CoMinistries is null ? [] : await context.CoMinistries();
        if (co.Contains(leadId)) plan.Links.Add(new LinkSet("regulatory_issue_co_ministries", "issue_id", "agency_id", co.Where(id => id != leadId).ToList()));
        plan.Deadline = due;
    }

    private static void Extended(MovePlan plan, IssueRow row, DateTimeOffset due, string? reason)
    {
        ClearRequest(plan);
        plan.Set("response_due_at", "responseDueAt", due, due.ToString("O"))
            .Set("deadline_extensions", "deadlineExtensions", row.DeadlineExtensions + 1, (row.DeadlineExtensions + 1).ToString());
        plan.Timeline["previousResponseDueAt"] = row.ResponseDueAt?.ToString("O");
        plan.Timeline["reason"] = reason;
        plan.Deadline = due;
    }

    private static MovePlan Requested(MovePlan plan, IssueRow row, IssueRequestKind kind, string reason, DateTimeOffset now)
    {
        plan.Set("request_kind", "request", WireNames.Of(kind), WireNames.Of(kind))
            .Set("request_reason", "reason", reason, reason)
            .Write("requested_at", now);
        plan.Deadline = row.ResponseDueAt;
        return plan;
    }

    private static void ClearRequest(MovePlan plan) =>
        plan.Write("request_kind", null).Write("request_reason", null).Write("request_ministry_id", null).Write("request_due_on", null).Write("requested_at", null);

    /// <summary>An answer (accept, partly accept, long-term review, refuse): when, which, and days from assignment to answer.</summary>
    private static void Answered(MovePlan plan, IssueRow row, IssueTransitionRequest r, IssueMoveContext context)
    {
        plan.Set("answered_at", "answeredAt", context.Now, context.Now.ToString("O"))
            .Set("answer", "answer", WireNames.Of(r.To), WireNames.Of(r.To))
            .Write("answer_days", row.AssignedAt is { } assigned ? Math.Round((context.Now - assigned).TotalDays, 3) : (double?)null);
    }
}
