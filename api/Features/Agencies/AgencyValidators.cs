using BioCluster.Api.Infrastructure.Http;
using BioCluster.Contracts.Registry;
using FluentValidation;

namespace BioCluster.Api.Features.Agencies;

public sealed class CreateAgencyRequestValidator : AbstractValidator<CreateAgencyRequest>
{
    public CreateAgencyRequestValidator()
    {
        RuleFor(x => x.Code).RegistryCode().NotReservedCode();
        RuleFor(x => x.NameKo).KoreanName();
        RuleFor(x => x.NameEn).OptionalName();
        RuleFor(x => x.Kind).DefinedEnum();
        RuleFor(x => x.Sector).DefinedEnum();
        RuleFor(x => x.ParentCode!).RegistryCode().When(x => x.ParentCode is not null);
        RuleFor(x => x.ParentCode).NotEqual(x => x.Code).WithMessage(_ => Text.Of("기관을 자기 자신의 상위 기관으로 지정할 수 없습니다.", "An agency cannot be its own parent."));
        RuleFor(x => x.Website).WebAddress();
        RuleFor(x => x.ClusterCode!).RegistryCode().When(x => x.ClusterCode is not null);
    }
}

public sealed class UpdateAgencyRequestValidator : AbstractValidator<UpdateAgencyRequest>
{
    public UpdateAgencyRequestValidator()
    {
        RuleFor(x => x.NameKo).KoreanName();
        RuleFor(x => x.NameEn).OptionalName();
        RuleFor(x => x.Kind).DefinedEnum();
        RuleFor(x => x.Sector).DefinedEnum();
        RuleFor(x => x.ParentCode!).RegistryCode().When(x => x.ParentCode is not null);
        RuleFor(x => x.Website).WebAddress();
        RuleFor(x => x.ClusterCode!).RegistryCode().When(x => x.ClusterCode is not null);
    }
}
