using BioCluster.Api.Infrastructure.Http;
using BioCluster.Contracts.Registry;
using FluentValidation;

namespace BioCluster.Api.Features.ClusterIndicators;

/// <summary>The rules one year's figures meet. The year itself is in the route and checked by the endpoint.</summary>
public sealed class PutClusterIndicatorRequestValidator : AbstractValidator<PutClusterIndicatorRequest>
{
    public const int FirstYear = 1990, LastYear = 2100;
    public const int MaxNoteLength = 2000;

    /// <summary>Far above any real cluster's figure; what is above it is a typing or unit mistake.</summary>
    public const double MaxAmount = 1e12;

    public PutClusterIndicatorRequestValidator()
    {
        RuleFor(x => x.Companies).GreaterThanOrEqualTo(0);
        RuleFor(x => x.Employees).GreaterThanOrEqualTo(0);
        RuleFor(x => x.RevenueMillionKrw).Amount();
        RuleFor(x => x.RdSpendMillionKrw).Amount();
        RuleFor(x => x.InvestmentMillionKrw).Amount();
        RuleFor(x => x.ExportsThousandUsd).Amount();
        RuleFor(x => x.Note).MaximumLength(MaxNoteLength)
            .Must(s => s is null || !s.Any(c => char.IsControl(c) && c is not ('\n' or '\r' or '\t')))
            .WithMessage(_ => Text.Of("줄바꿈과 탭 외의 제어 문자는 쓸 수 없습니다.", "Control characters other than line breaks and tabs are not allowed."));
    }

    public static bool IsYear(int year) => year is >= FirstYear and <= LastYear;
}

internal static class AmountRules
{
    public static IRuleBuilderOptions<T, double?> Amount<T>(this IRuleBuilder<T, double?> rule) =>
        rule.Must(v => v is null || double.IsFinite(v.Value)).WithMessage(_ => Text.Of("금액은 유한한 숫자여야 합니다.", "The amount must be a finite number."))
            .Must(v => v is null || !double.IsFinite(v.Value) || v.Value >= 0).WithMessage(_ => Text.Of("금액은 음수일 수 없습니다.", "The amount cannot be negative."))
            .Must(v => v is null || !double.IsFinite(v.Value) || v.Value <= PutClusterIndicatorRequestValidator.MaxAmount)
            .WithMessage(_ => Text.Of("금액이 지나치게 큽니다(최대 1,000,000,000,000). 단위를 확인하십시오.", "The amount is implausibly large (at most 1,000,000,000,000); check the unit."));
}
