using BioCluster.Api.Infrastructure.Http;
using BioCluster.Contracts.Meetings;
using BioCluster.Contracts.RegulatoryIssues;

namespace BioCluster.Api.Tests.Infrastructure;

/// <summary>The labels files are written with and read back by: every value of every labelled enum, both ways.</summary>
public sealed class LabelsTests
{
    private static readonly Type[] Contracts = typeof(IssueStatus).Assembly.GetTypes().Where(t => t.IsEnum).ToArray();

    public static TheoryData<string> LabelledTypes() => new(Labels.Types.Order());

    [Theory]
    [MemberData(nameof(LabelledTypes))]
    public void EveryValue_HasAKoreanAndAnEnglishLabel_AndEachReadsBack(string typeName)
    {
        var type = Assert.Single(Contracts, t => t.Name == typeName);
        var parse = typeof(Labels).GetMethod(nameof(Labels.TryParse))!.MakeGenericMethod(type);
        foreach (Enum value in Enum.GetValues(type))
        {
            var wire = WireNames.Of(value);
            Assert.True(Labels.Has(typeName, wire), $"{typeName}.{wire} has no label");
            foreach (var english in new[] { false, true })
            {
                var label = Labels.Of(value, english);
                Assert.NotEqual(wire, label);
                object?[] args = [label, null];
                Assert.True((bool)parse.Invoke(null, args)!, $"'{label}' does not read back as {typeName}.{wire}");
                Assert.Equal(value, args[1]);
            }
        }
    }

    [Fact]
    public void ReadsWireNames_LabelsWithoutSpacesOrCase_AndRefusesTheRest()
    {
        Assert.True(Labels.TryParse<IssueStatus>("under_review", out var a) && a == IssueStatus.UnderReview);
        Assert.True(Labels.TryParse<IssueStatus>("검토중", out var b) && b == IssueStatus.UnderReview);
        Assert.True(Labels.TryParse<IssueStatus>(" under REVIEW ", out var c) && c == IssueStatus.UnderReview);
        Assert.True(Labels.TryParse<IssueCategory>("인허가 승인", out var d) && d == IssueCategory.LicensingApproval);
        Assert.False(Labels.TryParse<IssueStatus>("검토", out _));
        Assert.False(Labels.TryParse<IssueStatus>("", out _));
        Assert.False(Labels.TryParse<IssueStatus>(null, out _));
    }

    [Fact]
    public void Of_FollowsTheRequestLanguage_UnlessTold()
    {
        var ui = System.Globalization.CultureInfo.CurrentUICulture;
        try
        {
            System.Globalization.CultureInfo.CurrentUICulture = new("en");
            Assert.Equal("Under review", Labels.Of(IssueStatus.UnderReview));
            Assert.Equal("검토 중", Labels.Of(IssueStatus.UnderReview, english: false));
            System.Globalization.CultureInfo.CurrentUICulture = new("ko");
            Assert.Equal("검토 중", Labels.Of(IssueStatus.UnderReview));
            Assert.Equal("held", WireNames.Of(MeetingState.Held));
        }
        finally
        {
            System.Globalization.CultureInfo.CurrentUICulture = ui;
        }
    }
}
