using System.Net;
using System.Text.Json;
using BioCluster.Api.Tests.Infrastructure;
using Microsoft.AspNetCore.Hosting;

namespace BioCluster.Api.Tests.Features.Health;

public sealed class HealthTests(SqliteApiFactory factory) : IClassFixture<SqliteApiFactory>
{
    [Fact]
    public async Task Live_Returns200()
    {
        var response = await factory.Client().GetAsync("/health/live");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public async Task Ready_AfterMigration_Returns200WithMigrationCount()
    {
        var response = await factory.Client().GetAsync("/health/ready");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;
        Assert.Equal("healthy", body.GetProperty("status").GetString());
        Assert.Equal("reachable", body.GetProperty("checks").GetProperty("database").GetString());
    }

    [Fact]
    public async Task Ready_WhenMigrationsAreNotApplied_Returns503()
    {
        await using var unmigrated = new UnmigratedFactory();
        var response = await unmigrated.Anonymous().GetAsync("/health/ready");
        Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
        Assert.Contains("unhealthy", await response.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.OK, (await unmigrated.Anonymous().GetAsync("/health/live")).StatusCode);
    }

    [Fact]
    public async Task UnknownPaths_AreProblemJson404()
    {
        var response = await factory.Client().GetAsync("/api/v1/nothing-here");
        await response.Problem(HttpStatusCode.NotFound);
    }

    private sealed class UnmigratedFactory : ApiFactory
    {
        private readonly string _folder = Path.Combine(Path.GetTempPath(), "biocluster-tests", Guid.NewGuid().ToString("N"));
        public override string Provider => "Sqlite";

        protected override IEnumerable<KeyValuePair<string, string?>> DatabaseSettings()
        {
            Directory.CreateDirectory(_folder);
            return [new("Database:Provider", "Sqlite"), new("Database:DataDirectory", _folder)];
        }

        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            base.ConfigureWebHost(builder);
            builder.UseSetting("Database:MigrateOnStart", "false");
        }
    }
}
