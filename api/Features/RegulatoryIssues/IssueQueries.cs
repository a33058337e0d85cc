using BioCluster.Api.Infrastructure.Http;
using BioCluster.Api.Infrastructure.OpenApi;
using BioCluster.Contracts.RegulatoryIssues;
using FluentValidation;
using Microsoft.AspNetCore.Mvc;

namespace BioCluster.Api.Features.RegulatoryIssues;

/// <summary>The filters of the issue list and its exports, bound from the query string (<c>[AsParameters]</c>).</summary>
public class IssueFilterQuery
{
    /// <summary>Only these statuses (repeat for several).</summary>
    [FromQuery(Name = "status"), WireEnum(typeof(IssueStatus))]
    public string[]? Status { get; init; }

    /// <summary>Only these categories.</summary>
    [FromQuery(Name = "category"), WireEnum(typeof(IssueCategory))]
    public string[]? Category { get; init; }

    /// <summary>Only these priorities.</summary>
    [FromQuery(Name = "priority"), WireEnum(typeof(IssuePriority))]
    public string[]? Priority { get; init; }

    /// <summary>Only issues affecting this cluster.</summary>
    [FromQuery(Name = "clusterCode")]
    public string? ClusterCode { get; init; }

    /// <summary>Only issues raised by this agency.</summary>
    [FromQuery(Name = "raisedByCode")]
    public string? RaisedByCode { get; init; }

    /// <summary>Only issues led by this ministry.</summary>
    [FromQuery(Name = "leadMinistryCode")]
    public string? LeadMinistryCode { get; init; }

    /// <summary>true: only overdue issues; false: only issues not overdue.</summary>
    [FromQuery(Name = "overdue")]
    public bool? Overdue { get; init; }

    /// <summary>Only issues whose next deadline (answer, review or improvement) is before this instant.</summary>
    [FromQuery(Name = "dueBefore")]
    public DateTimeOffset? DueBefore { get; init; }

    /// <summary>Only issues raised at or after this instant.</summary>
    [FromQuery(Name = "createdFrom")]
    public DateTimeOffset? CreatedFrom { get; init; }

    /// <summary>Only issues raised before this instant.</summary>
    [FromQuery(Name = "createdTo")]
    public DateTimeOffset? CreatedTo { get; init; }

    /// <summary>A ministry's queue: the issues this ministry leads or cooperates on (협조 부처); each row says its role.</summary>
    [FromQuery(Name = "ministryCode")]
    public string? MinistryCode { get; init; }

    /// <summary>With ministryCode: only the issues it leads (lead) or only those it cooperates on (co_ministry).</summary>
    [FromQuery(Name = "ministryRole"), WireEnum(typeof(MinistryRole))]
    public string? MinistryRole { get; init; }

    /// <summary>true: only refusals still open to challenge (이의신청 기간 중: within Issues:ChallengePeriod months of the answer); false: all others.</summary>
    [FromQuery(Name = "challengeOpen")]
    public bool? ChallengeOpen { get; init; }

    /// <summary>true: only long-term reviews past their final-answer deadline (최종 답변 기한 경과: Issues:LongTermReviewPeriod months); false: all others.</summary>
    [FromQuery(Name = "finalAnswerOverdue")]
    public bool? FinalAnswerOverdue { get; init; }

    /// <summary>Only issues affecting a cluster this agency operates (a cluster operator's issues).</summary>
    [FromQuery(Name = "operatorCode")]
    public string? OperatorCode { get; init; }

    /// <summary>Free text over the title, the problem and the law.</summary>
    [FromQuery(Name = "q")]
    public string? Q { get; init; }

    /// <summary>The filter the store reads, from a validated query.</summary>
    public IssueFilter ToFilter() => new(
        ListRules.Distinct(Status), ListRules.Distinct(Category),
        ListRules.Distinct(Priority).Select(p => RegulatoryIssueStore.RankOf(WireNames.Parse<IssuePriority>(p))).ToList(),
        ListRules.Normal(ClusterCode), ListRules.Normal(RaisedByCode), ListRules.Normal(LeadMinistryCode),
        Overdue, DueBefore, CreatedFrom, CreatedTo, ListRules.Normal(Q), ListRules.Normal(MinistryCode),
        MinistryRole is null ? null : WireNames.Parse<MinistryRole>(MinistryRole), ChallengeOpen, FinalAnswerOverdue, ListRules.Normal(OperatorCode));
}

/// <summary>The issue list's query string: its filters and a keyset page.</summary>
public sealed class IssueListQuery : IssueFilterQuery, IPagedQuery
{
    public const string DefaultSort = "-createdAt";

    /// <summary>One of createdAt, dueAt, priority, updatedAt, id; '-' for descending. Default -createdAt.</summary>
    [FromQuery(Name = "sort")]
    public string? Sort { get; init; }

    /// <summary>Page size, 1–200 (default 50).</summary>
    [FromQuery(Name = "limit")]
    public int? Limit { get; init; }

    /// <summary>The nextCursor of the previous page.</summary>
    [FromQuery(Name = "cursor")]
    public string? Cursor { get; init; }
}

public sealed class IssueFilterQueryValidator : AbstractValidator<IssueFilterQuery>
{
    public IssueFilterQueryValidator()
    {
        RuleFor(q => q.Status).WireNamesOf<IssueFilterQuery, IssueStatus>();
        RuleFor(q => q.Category).WireNamesOf<IssueFilterQuery, IssueCategory>();
        RuleFor(q => q.Priority).WireNamesOf<IssueFilterQuery, IssuePriority>();
        RuleFor(q => q.ClusterCode).FilterText();
        RuleFor(q => q.RaisedByCode).FilterText();
        RuleFor(q => q.LeadMinistryCode).FilterText();
        RuleFor(q => q.Q).FilterText();
        RuleFor(q => q.MinistryCode).FilterText();
        RuleFor(q => q.OperatorCode).FilterText();
        RuleFor(q => q.MinistryRole).Must(r => r is null || WireNames.TryParse<MinistryRole>(r, out _))
            .WithMessage(_ => Text.Of("ministryRole은 lead 또는 co_ministry여야 합니다.", "ministryRole must be lead or co_ministry."));
        RuleFor(q => q.MinistryRole).Null().When(q => q.MinistryCode is null)
            .WithMessage(_ => Text.Of("ministryRole은 ministryCode와 함께 씁니다.", "ministryRole goes with ministryCode."));
    }
}

public sealed class IssueListQueryValidator : AbstractValidator<IssueListQuery>
{
    public IssueListQueryValidator()
    {
        Include(new IssueFilterQueryValidator());
        Include(new PagingRules<IssueListQuery, RegulatoryIssueStore.IssueRow>(RegulatoryIssueStore.SortFields, IssueListQuery.DefaultSort));
    }
}
