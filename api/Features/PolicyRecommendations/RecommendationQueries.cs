using BioCluster.Api.Infrastructure.Http;
using BioCluster.Contracts.PolicyRecommendations;
using FluentValidation;
using Microsoft.AspNetCore.Mvc;

namespace BioCluster.Api.Features.PolicyRecommendations;

/// <summary>The filters of the recommendation list and its export (<c>[AsParameters]</c>).</summary>
public class RecommendationFilterQuery
{
    /// <summary>Only recommendations in these states (submitted, routed, accepted, partially_accepted, long_term_review, not_accepted, in_progress, completed, withdrawn).</summary>
    [FromQuery(Name = "state")]
    public string[]? State { get; init; }

    /// <summary>Only recommendations addressed to the ministry with this code (as lead or as one of the others).</summary>
    [FromQuery(Name = "ministryCode")]
    public string? MinistryCode { get; init; }

    /// <summary>Only recommendations concerning the cluster with this code.</summary>
    [FromQuery(Name = "clusterCode")]
    public string? ClusterCode { get; init; }

    /// <summary>Only recommendations raised by the agency with this code.</summary>
    [FromQuery(Name = "raisedByCode")]
    public string? RaisedByCode { get; init; }

    /// <summary>Only recommendations raised at this meeting.</summary>
    [FromQuery(Name = "meetingId")]
    public long? MeetingId { get; init; }

    /// <summary>true: only those past their answer, review or completion date; false: only those that are not.</summary>
    [FromQuery(Name = "overdue")]
    public bool? Overdue { get; init; }

    public RecommendationFilter ToFilter() => new(ListRules.Distinct(State).Select(s => WireNames.Parse<RecommendationState>(s)).ToList(),
        ListRules.Normal(MinistryCode), ListRules.Normal(ClusterCode), ListRules.Normal(RaisedByCode), MeetingId, Overdue);
}

/// <summary>The recommendation list's query string.</summary>
public sealed class RecommendationListQuery : RecommendationFilterQuery, IPagedQuery
{
    public const string DefaultSort = "-createdAt";

    /// <summary>createdAt or id; '-' for descending. Default -createdAt.</summary>
    [FromQuery(Name = "sort")]
    public string? Sort { get; init; }

    /// <summary>Page size, 1–200 (default 50).</summary>
    [FromQuery(Name = "limit")]
    public int? Limit { get; init; }

    /// <summary>The nextCursor of the previous page.</summary>
    [FromQuery(Name = "cursor")]
    public string? Cursor { get; init; }
}

public sealed class RecommendationFilterQueryValidator : AbstractValidator<RecommendationFilterQuery>
{
    public RecommendationFilterQueryValidator()
    {
        RuleFor(q => q.State).WireNamesOf<RecommendationFilterQuery, RecommendationState>();
        RuleFor(q => q.MinistryCode).FilterText();
        RuleFor(q => q.ClusterCode).FilterText();
        RuleFor(q => q.RaisedByCode).FilterText();
        RuleFor(q => q.MeetingId).GreaterThan(0);
    }
}

public sealed class RecommendationListQueryValidator : AbstractValidator<RecommendationListQuery>
{
    public RecommendationListQueryValidator()
    {
        Include(new RecommendationFilterQueryValidator());
        Include(new PagingRules<RecommendationListQuery, PolicyRecommendationStore.RecommendationRow>(PolicyRecommendationStore.SortFields,
            RecommendationListQuery.DefaultSort));
    }
}

internal static class RecommendationRules
{
    public static IRuleBuilderOptions<T, string?> Words<T>(this IRuleBuilder<T, string?> rule, int min, int max, bool required) =>
        rule.Must(s => s is null ? !required : s.Trim().Length >= min && s.Length <= max && !s.Any(c => char.IsControl(c) && c is not '\n' and not '\r' and not '\t'))
            .WithMessage(_ => Text.Of($"{min:N0}–{max:N0}자로 입력하세요.", $"Give {min:N0}–{max:N0} characters."));

    public static IRuleBuilderOptions<T, IReadOnlyList<string>?> Codes<T>(this IRuleBuilder<T, IReadOnlyList<string>?> rule, int most) =>
        rule.Must(c => c is null || (c.Count <= most && c.All(s => !string.IsNullOrWhiteSpace(s) && s.Length <= 50)))
            .WithMessage(_ => Text.Of($"코드를 최대 {most}개까지 지정할 수 있습니다.", $"At most {most} codes."));
}

public sealed class CreatePolicyRecommendationRequestValidator : AbstractValidator<CreatePolicyRecommendationRequest>
{
    public CreatePolicyRecommendationRequestValidator()
    {
        RuleFor(x => x.ThemeKo).Words(2, 200, required: true);
        RuleFor(x => x.ThemeEn).Words(2, 200, required: false);
        RuleFor(x => x.Text).Words(10, 8000, required: true);
        RuleFor(x => x.LeadMinistryCode).Words(1, 50, required: true);
        RuleFor(x => x.OtherMinistryCodes).Codes(10);
        RuleFor(x => x.ClusterCodes).Codes(20);
        RuleFor(x => x.RaisedByCode).Words(1, 50, required: false);
        RuleFor(x => x.SourceMeetingId).GreaterThan(0);
        RuleFor(x => x.SourceAgendaItemId).GreaterThan(0);
    }
}

public sealed class UpdatePolicyRecommendationRequestValidator : AbstractValidator<UpdatePolicyRecommendationRequest>
{
    public UpdatePolicyRecommendationRequestValidator()
    {
        RuleFor(x => x.ThemeKo).Words(2, 200, required: true);
        RuleFor(x => x.ThemeEn).Words(2, 200, required: false);
        RuleFor(x => x.Text).Words(10, 8000, required: true);
        RuleFor(x => x.LeadMinistryCode).Words(1, 50, required: true);
        RuleFor(x => x.OtherMinistryCodes).Codes(10);
        RuleFor(x => x.ClusterCodes).Codes(20);
    }
}
