using BioCluster.Api.Infrastructure.Data;
using BioCluster.Api.Infrastructure.Http;
using BioCluster.Api.Infrastructure.Workflow;
using BioCluster.Contracts.Common;
using BioCluster.Contracts.RegulatoryIssues;
using IssueRow = BioCluster.Api.Features.RegulatoryIssues.RegulatoryIssueStore.IssueRow;

namespace BioCluster.Api.Features.RegulatoryIssues;

/// <summary>What planning an issue move may consult: the clock, the default answer time and the active agencies by code.</summary>
public sealed record IssueMoveContext(DateTimeOffset Now, int ResponseDays, Func<string, Task<AgencyKindRow?>> ActiveAgency);

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
            var due = r.ResponseDueAt ?? context.Now.AddDays(context.ResponseDays);
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

    /// <summary>An answer (accept, partly accept, long-term review, refuse): when, which, and days from assignment to answer.</summary>
    private static void Answered(MovePlan plan, IssueRow row, IssueTransitionRequest r, IssueMoveContext context)
    {
        plan.Set("answered_at", "answeredAt", context.Now, context.Now.ToString("O"))
            .Set("answer", "answer", WireNames.Of(r.To), WireNames.Of(r.To))
            .Write("answer_days", row.AssignedAt is { } assigned ? Math.Round((context.Now - assigned).TotalDays, 3) : (double?)null);
    }
}
