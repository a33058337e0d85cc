using BioCluster.Api.Infrastructure.Clock;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Time.Testing;

namespace BioCluster.Api.Tests.Infrastructure;

/// <summary>The moved clock of the browser journey (ADR 0015): honoured in Development and Testing, refused anywhere else.</summary>
public sealed class ClockSetupTests
{
    private static readonly DateTimeOffset Now = new(2026, 12, 5, 3, 0, 0, TimeSpan.Zero);

    private static IConfiguration Config(string? offset) =>
        new ConfigurationBuilder().AddInMemoryCollection(offset is null ? [] : [new(ClockSetup.OffsetKey, offset)]).Build();

    [Fact]
    public void Create_NoOffset_IsTheSystemClock()
    {
        var system = new FakeTimeProvider(Now);
        Assert.Same(system, ClockSetup.Create(Config(null), new TestHostEnvironment { EnvironmentName = "Production" }, system));
    }

    [Theory]
    [InlineData("Development")]
    [InlineData("Testing")]
    public void Create_OffsetOutsideProduction_MovesEveryReadingOfNow(string environment)
    {
        var system = new FakeTimeProvider(Now);
        var clock = ClockSetup.Create(Config("60.00:00:00"), new TestHostEnvironment { EnvironmentName = environment }, system);
        Assert.Equal(Now.AddDays(60), clock.GetUtcNow());
        system.Advance(TimeSpan.FromHours(1));
        Assert.Equal(Now.AddDays(60).AddHours(1), clock.GetUtcNow());
    }

    [Theory]
    [InlineData("Production")]
    [InlineData("Staging")]
    [InlineData("production")]
    public void Create_OffsetInAnyOtherEnvironment_RefusesToStart(string environment)
    {
        var error = Assert.Throws<InvalidOperationException>(() =>
            ClockSetup.Create(Config("60.00:00:00"), new TestHostEnvironment { EnvironmentName = environment }, new FakeTimeProvider(Now)));
        Assert.Contains(ClockSetup.OffsetKey, error.Message);
    }

    [Fact]
    public void Create_OffsetThatIsNoTimeSpan_RefusesToStart()
    {
        Assert.Throws<InvalidOperationException>(() =>
            ClockSetup.Create(Config("sixty days"), new TestHostEnvironment { EnvironmentName = "Development" }, new FakeTimeProvider(Now)));
    }
}
