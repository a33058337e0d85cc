using BioCluster.Api.Infrastructure.Http;
using BioCluster.Contracts.RegulatoryIssues;
using FluentValidation;

namespace BioCluster.Api.Features.RegulatoryIssues;

internal static class IssueRules
{
    public static IRuleBuilderOptions<T, string> LongText<T>(this IRuleBuilder<T, string> rule, int min, int max) =>
        rule.NotEmpty().Must(s => s is null || s.Trim().Length >= min).WithMessage(_ => Text.Of($"{min}자 이상 입력하십시오.", $"At least {min} characters."))
            .MaximumLength(max)
            .Must(s => s is null || !s.Any(c => char.IsControl(c) && c is not '\n' and not '\r' and not '\t'))
            .WithMessage(_ => CommonRules.ControlCharacters());

    public static IRuleBuilderOptions<T, string?> OptionalLongText<T>(this IRuleBuilder<T, string?> rule, int max) =>
        rule.MaximumLength(max)
            .Must(s => s is null || !s.Any(c => char.IsControl(c) && c is not '\n' and not '\r' and not '\t'))
            .WithMessage(_ => CommonRules.ControlCharacters());
}

public sealed class ResponsibleOfficialValidator : AbstractValidator<ResponsibleOfficial>
{
    public ResponsibleOfficialValidator()
    {
        RuleFor(x => x.Name).NotEmpty().MaximumLength(100).ShortText(100);
        RuleFor(x => x.Department).ShortText(200);
        RuleFor(x => x.Contact).ShortText(200);
    }
}

/// <summary>The rules every issue description meets, whether raised or edited.</summary>
public sealed class IssueDescriptionValidator : AbstractValidator<IIssueDescription>
{
    public IssueDescriptionValidator()
    {
        RuleFor(x => x.TitleKo).LongText(2, 300);
        RuleFor(x => x.ProblemKo).LongText(10, 8000);
        RuleFor(x => x.ProposalKo).LongText(10, 8000);
        RuleFor(x => x.TitleEn).OptionalLongText(300);
        RuleFor(x => x.ProblemEn).OptionalLongText(8000);
        RuleFor(x => x.ProposalEn).OptionalLongText(8000);
        RuleFor(x => x.Category).DefinedEnum();
        RuleFor(x => x.ClusterCodes).NotEmpty().WithMessage(_ => Text.Of("관련 클러스터를 하나 이상 지정하십시오.", "Name at least one affected cluster."))
            .Must(c => c is null || c.Count <= 20).WithMessage(_ => Text.Of("클러스터는 20개까지 지정할 수 있습니다.", "At most 20 clusters."));
        RuleForEach(x => x.ClusterCodes).RegistryCode();
        RuleFor(x => x.LawName).ShortText(300);
        RuleFor(x => x.LawArticle).ShortText(100);
        RuleFor(x => x.Official!).SetValidator(new ResponsibleOfficialValidator()).When(x => x.Official is not null);
        RuleFor(x => x.SourceMeeting).ShortText(200);
        RuleFor(x => x.Tags).Must(t => t is null || (t.Count <= 20 && t.All(s => !string.IsNullOrWhiteSpace(s) && s.Length <= 50)))
            .WithMessage(_ => Text.Of("태그는 50자 이하로 20개까지 붙일 수 있습니다.", "At most 20 tags of at most 50 characters."));
        RuleFor(x => x.ExternalRef).MaximumLength(100).Matches("^[A-Za-z0-9][A-Za-z0-9._:/-]*$").When(x => x.ExternalRef is not null)
            .WithMessage(_ => Text.Of("외부 참조번호는 영문, 숫자와 . _ : / -로 100자 이하입니다.", "An external reference is letters, digits and . _ : / - (at most 100)."));
    }
}

public sealed class CreateRegulatoryIssueRequestValidator : AbstractValidator<CreateRegulatoryIssueRequest>
{
    public CreateRegulatoryIssueRequestValidator()
    {
        Include(new IssueDescriptionValidator());
        RuleFor(x => x.Priority).DefinedEnum();
        RuleFor(x => x.RaisedByCode!).RegistryCode().When(x => x.RaisedByCode is not null);
    }
}

public sealed class UpdateRegulatoryIssueRequestValidator : AbstractValidator<UpdateRegulatoryIssueRequest>
{
    public UpdateRegulatoryIssueRequestValidator()
    {
        Include(new IssueDescriptionValidator());
        RuleFor(x => x.Priority).DefinedEnum();
    }
}

public sealed class CreateIssueCommentRequestValidator : AbstractValidator<CreateIssueCommentRequest>
{
    public CreateIssueCommentRequestValidator() => RuleFor(x => x.Text).LongText(1, 4000);
}
