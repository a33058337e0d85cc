using BioCluster.Api.Infrastructure.Http;
using BioCluster.Contracts.Registry;
using FluentValidation;

namespace BioCluster.Api.Features.Clusters;

/// <summary>The rules a cluster's profile meets, whether it is registered or replaced.</summary>
public sealed class ClusterProfileValidator : AbstractValidator<IClusterProfile>
{
    public ClusterProfileValidator()
    {
        RuleFor(x => x.NameKo).KoreanName();
        RuleFor(x => x.NameEn).OptionalName();
        RuleFor(x => x.Region).DefinedEnum();
        RuleFor(x => x.OperatorCode).RegistryCode();
        RuleFor(x => x.Designation).ShortText(100);
        RuleForEach(x => x.Specializations).ShortText(100).NotEmpty();
        RuleFor(x => x.Specializations).Must(s => s is null || s.Count <= 20).WithMessage(_ => Text.Of("특화 분야는 20개까지 적을 수 있습니다.", "At most 20 specialisation fields."));
        RuleFor(x => x.EstablishedYear).InclusiveBetween(1900, 2100);
        RuleFor(x => x.AreaKm2).GreaterThan(0).LessThanOrEqualTo(100_000);
        RuleFor(x => x.Latitude).InclusiveBetween(-90, 90);
        RuleFor(x => x.Longitude).InclusiveBetween(-180, 180);
        RuleFor(x => x.Website).WebAddress();
    }
}

public sealed class CreateClusterRequestValidator : AbstractValidator<CreateClusterRequest>
{
    public CreateClusterRequestValidator()
    {
        Include(new ClusterProfileValidator());
        RuleFor(x => x.Code).RegistryCode().NotReservedCode();
        RuleFor(x => x.Status).DefinedEnum().NotEqual(ClusterStatus.Archived)
            .WithMessage(_ => Text.Of("새 클러스터를 보관 상태로 등록할 수 없습니다.", "A new cluster cannot be archived."));
    }
}

public sealed class UpdateClusterRequestValidator : AbstractValidator<UpdateClusterRequest>
{
    public UpdateClusterRequestValidator()
    {
        Include(new ClusterProfileValidator());
        RuleFor(x => x.Status).DefinedEnum().NotEqual(ClusterStatus.Archived)
            .WithMessage(_ => Text.Of("클러스터는 상태를 바꾸는 대신 DELETE로 보관하십시오.", "Archive a cluster with DELETE, not by setting its status."));
    }
}
