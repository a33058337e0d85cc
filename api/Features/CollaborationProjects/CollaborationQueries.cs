using BioCluster.Api.Infrastructure.Http;
using BioCluster.Contracts.CollaborationProjects;
using FluentValidation;
using Microsoft.AspNetCore.Mvc;

namespace BioCluster.Api.Features.CollaborationProjects;

/// <summary>The filters of the collaboration-project list and its export (<c>[AsParameters]</c>).</summary>
public class CollaborationFilterQuery
{
    /// <summary>Only projects in these states (planned, in_progress, completed, suspended, cancelled).</summary>
    [FromQuery(Name = "state")]
    public string[]? State { get; init; }

    /// <summary>Only projects the cluster with this id takes part in.</summary>
    [FromQuery(Name = "clusterId")]
    public long? ClusterId { get; init; }

    /// <summary>Only projects the cluster with this code takes part in.</summary>
    [FromQuery(Name = "clusterCode")]
    public string? ClusterCode { get; init; }

    /// <summary>Only projects the agency with this code takes part in.</summary>
    [FromQuery(Name = "agencyCode")]
    public string? AgencyCode { get; init; }

    /// <summary>Text in the title (Korean or English) or the summary.</summary>
    [FromQuery(Name = "q")]
    public string? Q { get; init; }

    /// <summary>Only projects started by a decision of this meeting.</summary>
    [FromQuery(Name = "meetingId")]
    public long? MeetingId { get; init; }

    /// <summary>Only projects started by the decision on this agenda item.</summary>
    [FromQuery(Name = "agendaItemId")]
    public long? AgendaItemId { get; init; }

    public CollaborationFilter ToFilter() => new(ListRules.Distinct(State).Select(s => WireNames.Parse<CollaborationState>(s)).ToList(), ClusterId,
        ListRules.Normal(ClusterCode), ListRules.Normal(AgencyCode), ListRules.Normal(Q), MeetingId, AgendaItemId);
}

/// <summary>The collaboration-project list's query string.</summary>
public sealed class CollaborationListQuery : CollaborationFilterQuery, IPagedQuery
{
    public const string DefaultSort = "-createdAt";

    /// <summary>createdAt, titleKo or id; '-' for descending. Default -createdAt.</summary>
    [FromQuery(Name = "sort")]
    public string? Sort { get; init; }

    /// <summary>Page size, 1–200 (default 50).</summary>
    [FromQuery(Name = "limit")]
    public int? Limit { get; init; }

    /// <summary>The nextCursor of the previous page.</summary>
    [FromQuery(Name = "cursor")]
    public string? Cursor { get; init; }
}

public sealed class CollaborationFilterQueryValidator : AbstractValidator<CollaborationFilterQuery>
{
    public CollaborationFilterQueryValidator()
    {
        RuleFor(q => q.State).WireNamesOf<CollaborationFilterQuery, CollaborationState>();
        RuleFor(q => q.ClusterId).GreaterThan(0);
        RuleFor(q => q.ClusterCode).FilterText();
        RuleFor(q => q.AgencyCode).FilterText();
        RuleFor(q => q.Q).FilterText();
        RuleFor(q => q.MeetingId).GreaterThan(0);
        RuleFor(q => q.AgendaItemId).GreaterThan(0);
    }
}

public sealed class CollaborationListQueryValidator : AbstractValidator<CollaborationListQuery>
{
    public CollaborationListQueryValidator()
    {
        Include(new CollaborationFilterQueryValidator());
        Include(new PagingRules<CollaborationListQuery, CollaborationProjectStore.ProjectRow>(CollaborationProjectStore.SortFields,
            CollaborationListQuery.DefaultSort));
    }
}

/// <summary>The rules a project's fields share on create, replace and import.</summary>
internal static class CollaborationRules
{
    /// <summary>The largest budget accepted: 10 trillion won (a national programme is a few trillion).</summary>
    public const long MaxBudgetKrw = 10_000_000_000_000;

    public static IRuleBuilderOptions<T, string?> Words<T>(this IRuleBuilder<T, string?> rule, int min, int max, bool required) =>
        rule.Must(s => s is null ? !required : s.Trim().Length >= min && s.Length <= max && !s.Any(c => char.IsControl(c) && c is not '\n' and not '\r' and not '\t'))
            .WithMessage(_ => Text.Of($"{min:N0}–{max:N0}자로 입력하세요.", $"Give {min:N0}–{max:N0} characters."));

    public static void Fields<T>(AbstractValidator<T> v, Func<T, string?> titleKo, Func<T, string?> titleEn, Func<T, string?> summary,
        Func<T, DateOnly?> startsOn, Func<T, DateOnly?> endsOn, Func<T, long?> budget, Func<T, string?> outcomes, Func<T, long?> meeting,
        Func<T, long?> item, Func<T, string?> externalRef)
    {
        v.RuleFor(x => titleKo(x)).Words(2, 200, required: true).OverridePropertyName("titleKo");
        v.RuleFor(x => titleEn(x)).Words(2, 200, required: false).OverridePropertyName("titleEn");
        v.RuleFor(x => summary(x)).Words(5, 8000, required: true).OverridePropertyName("summary");
        v.RuleFor(x => outcomes(x)).Words(1, 8000, required: false).OverridePropertyName("outcomes");
        v.RuleFor(x => budget(x)).InclusiveBetween(0, MaxBudgetKrw)
            .WithMessage(_ => Text.Of("예산은 0원 이상 10조 원 이하의 정수(원)로 쓰세요.", "The budget is whole won from 0 to 10 trillion.")).OverridePropertyName("budgetKrw");
        v.RuleFor(x => endsOn(x)).Must((x, end) => end is null || startsOn(x) is not { } start || end >= start)
            .WithMessage(_ => Text.Of("종료일은 시작일보다 앞설 수 없습니다.", "The end date cannot be before the start date.")).OverridePropertyName("endsOn");
        v.RuleFor(x => meeting(x)).GreaterThan(0).OverridePropertyName("sourceMeetingId");
        v.RuleFor(x => item(x)).GreaterThan(0).OverridePropertyName("sourceAgendaItemId");
        v.RuleFor(x => externalRef(x)).Words(1, 100, required: false).OverridePropertyName("externalRef");
    }
}

public sealed class CollaborationPartnerRequestValidator : AbstractValidator<CollaborationPartnerRequest>
{
    public CollaborationPartnerRequestValidator()
    {
        RuleFor(x => x.Role).IsInEnum();
        RuleFor(x => x).Must(x => string.IsNullOrWhiteSpace(x.ClusterCode) != string.IsNullOrWhiteSpace(x.AgencyCode))
            .WithMessage(_ => Text.Of("클러스터 코드(clusterCode)나 기관 코드(agencyCode) 중 하나만 쓰세요.", "Give exactly one of clusterCode and agencyCode."))
            .OverridePropertyName("clusterCode");
        RuleFor(x => x.ClusterCode).Words(1, 50, required: false);
        RuleFor(x => x.AgencyCode).Words(1, 50, required: false);
    }
}

public sealed class CreateCollaborationProjectRequestValidator : AbstractValidator<CreateCollaborationProjectRequest>
{
    public CreateCollaborationProjectRequestValidator()
    {
        CollaborationRules.Fields(this, x => x.TitleKo, x => x.TitleEn, x => x.Summary, x => x.StartsOn, x => x.EndsOn, x => x.BudgetKrw, x => x.Outcomes,
            x => x.SourceMeetingId, x => x.SourceAgendaItemId, x => x.ExternalRef);
        RuleFor(x => x.Partners).NotNull().Must(p => p is { Count: >= 1 and <= 50 })
            .WithMessage(_ => Text.Of("협력 기관을 1–50곳 적으세요.", "Name 1–50 partners."));
        RuleForEach(x => x.Partners).SetValidator(new CollaborationPartnerRequestValidator()).OverridePropertyName("partners");
    }
}

public sealed class UpdateCollaborationProjectRequestValidator : AbstractValidator<UpdateCollaborationProjectRequest>
{
    public UpdateCollaborationProjectRequestValidator() =>
        CollaborationRules.Fields(this, x => x.TitleKo, x => x.TitleEn, x => x.Summary, x => x.StartsOn, x => x.EndsOn, x => x.BudgetKrw, x => x.Outcomes,
            x => x.SourceMeetingId, x => x.SourceAgendaItemId, x => x.ExternalRef);
}
