using BioCluster.Api.Infrastructure.Http;
using BioCluster.Contracts.Registry;
using FluentValidation;

namespace BioCluster.Api.Tests.Features.Validation;

/// <summary>DefinedEnum is IsInEnum without its per-call reflection: the same verdicts and the same words.</summary>
public sealed class CommonRulesTests
{
    private sealed record Thing(AgencyKind Kind, Sector? Sector);

    private sealed class Ours : AbstractValidator<Thing>
    {
        public Ours() { RuleFor(x => x.Kind).DefinedEnum(); RuleFor(x => x.Sector).DefinedEnum(); }
    }

    private sealed class Theirs : AbstractValidator<Thing>
    {
        public Theirs() { RuleFor(x => x.Kind).IsInEnum(); RuleFor(x => x.Sector).IsInEnum(); }
    }

    public static TheoryData<int, int?> Values => new()
    {
        { (int)AgencyKind.Company, null }, { (int)AgencyKind.Hospital, (int)Sector.Hospital }, { 99, null }, { -1, 42 }, { 0, 0 }, { 1, 4 },
    };

    [Theory]
    [MemberData(nameof(Values))]
    public void DefinedEnum_AgreesWithIsInEnum(int kind, int? sector)
    {
        var thing = new Thing((AgencyKind)kind, (Sector?)sector);
        var ours = new Ours().Validate(thing).Errors.Select(e => (e.PropertyName, e.ErrorMessage)).ToList();
        var theirs = new Theirs().Validate(thing).Errors.Select(e => (e.PropertyName, e.ErrorMessage)).ToList();
        Assert.Equal(theirs, ours);
    }

    [Fact]
    public void DefinedEnum_Rejects_AValueWithNoName()
    {
        var error = Assert.Single(new Ours().Validate(new Thing((AgencyKind)99, null)).Errors);
        // The property's display name depends on the process-wide resolver a started API sets (Kind alone; its label,
        // FieldLabels, once a host has started in this process).
        Assert.Matches("^'(Kind|유형)' has a range of values which does not include '99'\\.$", error.ErrorMessage);
    }
}
