using BioCluster.Api.Infrastructure.Http;
using BioCluster.Api.Infrastructure.OpenApi;
using BioCluster.Contracts.SiteProjects;
using FluentValidation;
using Microsoft.AspNetCore.Mvc;

namespace BioCluster.Api.Features.SiteProjects;

/// <summary>The filters of the site-project list and its export.</summary>
public class SiteProjectFilterQuery
{
    /// <summary>Only the projects of the cluster with this code.</summary>
    [FromQuery(Name = "clusterCode")]
    public string? ClusterCode { get; init; }

    /// <summary>Only projects in these states (repeat the parameter for several).</summary>
    [FromQuery(Name = "state"), WireEnum(typeof(SiteProjectState))]
    public string[]? State { get; init; }

    public SiteProjectFilter ToFilter() => new(ListRules.Distinct(State), ListRules.Normal(ClusterCode));
}

/// <summary>The site-project list's query string.</summary>
public sealed class SiteProjectListQuery : SiteProjectFilterQuery, IPagedQuery
{
    public const string DefaultSort = "id";

    /// <summary>One of id, nameKo; prefix with '-' for descending. Default id.</summary>
    [FromQuery(Name = "sort")]
    public string? Sort { get; init; }

    /// <summary>Page size, 1–200 (default 50).</summary>
    [FromQuery(Name = "limit")]
    public int? Limit { get; init; }

    /// <summary>The nextCursor of the previous page.</summary>
    [FromQuery(Name = "cursor")]
    public string? Cursor { get; init; }
}

public sealed class SiteProjectFilterQueryValidator : AbstractValidator<SiteProjectFilterQuery>
{
    public SiteProjectFilterQueryValidator()
    {
        RuleFor(q => q.ClusterCode).FilterText();
        RuleFor(q => q.State).WireNamesOf<SiteProjectFilterQuery, SiteProjectState>();
    }
}

public sealed class SiteProjectListQueryValidator : AbstractValidator<SiteProjectListQuery>
{
    public SiteProjectListQueryValidator()
    {
        Include(new SiteProjectFilterQueryValidator());
        Include(new PagingRules<SiteProjectListQuery, SiteProjectStore.ProjectRow>(SiteProjectStore.SortFields, SiteProjectListQuery.DefaultSort));
    }
}

public sealed class SiteProjectStageValidator : AbstractValidator<SiteProjectStage>
{
    public SiteProjectStageValidator()
    {
        RuleFor(x => x.NameKo).KoreanName();
        RuleFor(x => x.NameEn).OptionalName();
        RuleFor(x => x.PlannedEnd).GreaterThanOrEqualTo(x => x.PlannedStart).When(x => x.PlannedStart is not null && x.PlannedEnd is not null)
            .WithMessage(_ => Text.Of("단계의 계획 종료일은 계획 시작일보다 앞설 수 없습니다.", "A stage's planned end cannot come before its planned start."));
        RuleFor(x => x.ActualEnd).GreaterThanOrEqualTo(x => x.ActualStart).When(x => x.ActualStart is not null && x.ActualEnd is not null)
            .WithMessage(_ => Text.Of("단계의 실제 종료일은 실제 시작일보다 앞설 수 없습니다.", "A stage's actual end cannot come before its actual start."));
    }
}

/// <summary>The rules a site project's fields meet, whether it is registered or replaced.</summary>
public sealed class SiteProjectFieldsValidator : AbstractValidator<ISiteProjectFields>
{
    public SiteProjectFieldsValidator()
    {
        RuleFor(x => x.NameKo).KoreanName();
        RuleFor(x => x.NameEn).OptionalName();
        RuleFor(x => x.State).DefinedEnum();
        RuleFor(x => x.Address).ShortText(500);
        RuleFor(x => x.Latitude).InclusiveBetween(-90, 90);
        RuleFor(x => x.Longitude).InclusiveBetween(-180, 180);
        RuleFor(x => x.LandAreaM2).GreaterThan(0).LessThanOrEqualTo(100_000_000);
        RuleFor(x => x.FloorAreaM2).GreaterThan(0).LessThanOrEqualTo(100_000_000);
        RuleFor(x => x.FloorsBelow).InclusiveBetween(0, 30);
        RuleFor(x => x.FloorsAbove).InclusiveBetween(0, 200);
        RuleFor(x => x.DeveloperCode!).RegistryCode().When(x => x.DeveloperCode is not null);
        RuleFor(x => x.Description).ShortText(4000);
        RuleFor(x => x.Stages).Must(s => s is null || s.Count <= 30).WithMessage(_ => Text.Of("단계는 30개까지 적을 수 있습니다.", "At most 30 stages."));
        RuleForEach(x => x.Stages).NotNull().SetValidator(new SiteProjectStageValidator());
    }
}

public sealed class CreateSiteProjectRequestValidator : AbstractValidator<CreateSiteProjectRequest>
{
    public CreateSiteProjectRequestValidator()
    {
        Include(new SiteProjectFieldsValidator());
        RuleFor(x => x.ClusterCode).RegistryCode();
    }
}

public sealed class UpdateSiteProjectRequestValidator : AbstractValidator<UpdateSiteProjectRequest>
{
    public UpdateSiteProjectRequestValidator() => Include(new SiteProjectFieldsValidator());
}
