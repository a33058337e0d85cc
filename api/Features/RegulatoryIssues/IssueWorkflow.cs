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

public enum MoveVerdict
{
    Allowed,
    /// <summary>The workflow has no such move from the current state: 409.</summary>
    NotFromThisState,
    /// <summary>The move exists but this caller may not make it: 403.</summary>
    NotForThisCaller,
}

/// <summary>The fields a move sets, as one group per kind of move.</summary>
public enum MoveFields
{
    Assignment,
    Answer,
    Review,
    Refusal,
    Progress,
    Completion,
    Withdrawal,
}

public sealed record WorkflowRule(IssueStatus From, IssueStatus To, IssueParty Who, MoveFields Fields);

/// <summary>
/// The improvement pipeline as a pure state machine. Every allowed move is one row; admins may make any
/// move the table has. Re-review (not_accepted → under_review) is allowed once per issue.
/// </summary>
public static class IssueWorkflow
{
    public static readonly IReadOnlySet<IssueStatus> Closed = new HashSet<IssueStatus> { IssueStatus.Completed, IssueStatus.Withdrawn };

    public static readonly IReadOnlyList<WorkflowRule> Rules = BuildRules();

    private static List<WorkflowRule> BuildRules()
    {
        var rules = new List<WorkflowRule>
        {
            new(IssueStatus.Submitted, IssueStatus.UnderReview, IssueParty.Secretariat, MoveFields.Assignment),
            new(IssueStatus.NotAccepted, IssueStatus.UnderReview, IssueParty.Secretariat, MoveFields.Assignment),
            new(IssueStatus.InProgress, IssueStatus.InProgress, IssueParty.LeadMinistry, MoveFields.Progress),
            new(IssueStatus.InProgress, IssueStatus.Completed, IssueParty.LeadMinistry, MoveFields.Completion),
        };
        foreach (var from in new[] { IssueStatus.UnderReview, IssueStatus.LongTermReview })
        {
            rules.Add(new(from, IssueStatus.Accepted, IssueParty.LeadMinistry, MoveFields.Answer));
            rules.Add(new(from, IssueStatus.PartiallyAccepted, IssueParty.LeadMinistry, MoveFields.Answer));
            rules.Add(new(from, IssueStatus.NotAccepted, IssueParty.LeadMinistry, MoveFields.Refusal));
        }
        rules.Add(new(IssueStatus.UnderReview, IssueStatus.LongTermReview, IssueParty.LeadMinistry, MoveFields.Review));
        foreach (var from in new[] { IssueStatus.Accepted, IssueStatus.PartiallyAccepted })
            rules.Add(new(from, IssueStatus.InProgress, IssueParty.LeadMinistry, MoveFields.Progress));
        foreach (var from in Enum.GetValues<IssueStatus>().Where(s => !Closed.Contains(s)))
            rules.Add(new(from, IssueStatus.Withdrawn, IssueParty.Raiser, MoveFields.Withdrawal));
        return rules;
    }

    public static WorkflowRule? Rule(IssueStatus from, IssueStatus to) => Rules.FirstOrDefault(r => r.From == from && r.To == to);

    public static MoveVerdict CanMove(IssueStatus from, IssueStatus to, IssueParty caller, bool rereviewUsed)
    {
        var rule = Rule(from, to);
        if (rule is null) return MoveVerdict.NotFromThisState;
        if (from == IssueStatus.NotAccepted && to == IssueStatus.UnderReview && rereviewUsed) return MoveVerdict.NotFromThisState;
        return (caller & (rule.Who | IssueParty.Admin)) != 0 ? MoveVerdict.Allowed : MoveVerdict.NotForThisCaller;
    }

    /// <summary>The targets this caller may move the issue to now (for the dashboard to offer).</summary>
    public static IReadOnlyList<IssueStatus> MovesFor(IssueStatus from, IssueParty caller, bool rereviewUsed) =>
        Rules.Where(r => r.From == from && CanMove(from, r.To, caller, rereviewUsed) == MoveVerdict.Allowed)
            .Select(r => r.To).Distinct().ToList();

    /// <summary>The request fields each kind of move uses; any other field given is a mistake.</summary>
    public static IReadOnlySet<string> FieldsOf(MoveFields fields) => fields switch
    {
        MoveFields.Assignment => new HashSet<string> { "leadMinistryCode", "coMinistryCodes", "responseDueAt", "official" },
        MoveFields.Answer => new HashSet<string> { "plannedChange", "instrument", "plannedCompletionOn" },
        MoveFields.Review => new HashSet<string> { "reviewOn" },
        MoveFields.Refusal => new HashSet<string> { "justification" },
        MoveFields.Progress => new HashSet<string> { "progressPercent", "progressNote" },
        MoveFields.Completion => new HashSet<string> { "completedOn", "evidence" },
        MoveFields.Withdrawal => new HashSet<string> { "reason" },
        _ => new HashSet<string>(),
    };

    public const int MinJustificationLength = 50;

    /// <summary>The council works on Korean time (UTC+9, no daylight saving): calendar days and date deadlines are Korean days.</summary>
    public static readonly TimeSpan CouncilOffset = TimeSpan.FromHours(9);

    /// <summary>The Korean calendar day of an instant.</summary>
    public static DateOnly DayOf(DateTimeOffset instant) => DateOnly.FromDateTime(instant.ToOffset(CouncilOffset).DateTime);

    /// <summary>
    /// Checks a move's fields against what the target needs. Returns errors keyed by camelCase field;
    /// empty when the fields are right. Dates are judged against <paramref name="today"/>.
    /// </summary>
    public static Dictionary<string, string[]> CheckFields(MoveFields kind, IssueTransitionRequest r, DateOnly today)
    {
        var errors = new Dictionary<string, string[]>();
        void Need(bool ok, string field, string message) { if (!ok) errors[field] = [message]; }

        var given = new Dictionary<string, bool>
        {
            ["leadMinistryCode"] = r.LeadMinistryCode is not null, ["coMinistryCodes"] = r.CoMinistryCodes is not null,
            ["responseDueAt"] = r.ResponseDueAt is not null, ["official"] = r.Official is not null,
            ["plannedChange"] = r.PlannedChange is not null, ["instrument"] = r.Instrument is not null,
            ["plannedCompletionOn"] = r.PlannedCompletionOn is not null, ["reviewOn"] = r.ReviewOn is not null,
            ["justification"] = r.Justification is not null, ["progressPercent"] = r.ProgressPercent is not null,
            ["progressNote"] = r.ProgressNote is not null, ["completedOn"] = r.CompletedOn is not null,
            ["evidence"] = r.Evidence is not null, ["reason"] = r.Reason is not null,
        };
        var allowed = FieldsOf(kind);
        foreach (var (field, present) in given)
            if (present && !allowed.Contains(field)) errors[field] = [$"Not used when moving to {Wire(r.To)}."];

        switch (kind)
        {
            case MoveFields.Assignment:
                Need(!string.IsNullOrWhiteSpace(r.LeadMinistryCode), "leadMinistryCode", "Assigning needs the lead ministry.");
                Need(r.ResponseDueAt is null || DayOf(r.ResponseDueAt.Value) > today, "responseDueAt", "The answer must be due in the future.");
                Need(r.CoMinistryCodes is null || r.CoMinistryCodes.Count <= 10, "coMinistryCodes", "At most 10 co-ministries.");
                break;
            case MoveFields.Answer:
                Need(Text(r.PlannedChange, 10, 4000), "plannedChange", "Say what will change (10–4,000 characters).");
                Need(r.Instrument is not null, "instrument", "Name the instrument: law, enforcement_decree, enforcement_rule, notice or guideline.");
                Need(r.PlannedCompletionOn is { } d && d > today, "plannedCompletionOn", "The planned completion date must be in the future.");
                break;
            case MoveFields.Review:
                Need(r.ReviewOn is { } review && review > today, "reviewOn", "A long-term review needs a review date in the future.");
                break;
            case MoveFields.Refusal:
                Need(Text(r.Justification, MinJustificationLength, 8000), "justification",
                    $"A refusal needs a written justification of at least {MinJustificationLength} characters.");
                break;
            case MoveFields.Progress:
                Need(r.ProgressPercent is >= 0 and <= 100, "progressPercent", "Progress is a percentage from 0 to 100.");
                Need(Text(r.ProgressNote, 2, 4000), "progressNote", "Describe the progress (2–4,000 characters).");
                break;
            case MoveFields.Completion:
                Need(r.CompletedOn is { } done && done <= today, "completedOn", "The completion date cannot be in the future.");
                Need(Text(r.Evidence, 5, 4000), "evidence", "Give the evidence, e.g. the amended rule (5–4,000 characters).");
                break;
            case MoveFields.Withdrawal:
                Need(Text(r.Reason, 5, 4000), "reason", "Give the reason for withdrawing (5–4,000 characters).");
                break;
        }
        return errors;
    }

    private static bool Text(string? s, int min, int max) =>
        s is not null && s.Trim().Length >= min && s.Length <= max && !s.Any(c => char.IsControl(c) && c is not '\n' and not '\r' and not '\t');

    private static string Wire(IssueStatus s) => System.Text.Json.JsonNamingPolicy.SnakeCaseLower.ConvertName(s.ToString());

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
    public static DateTimeOffset EndOf(DateOnly day) => new(day.ToDateTime(new TimeOnly(23, 59, 59, 999)), CouncilOffset);
}
