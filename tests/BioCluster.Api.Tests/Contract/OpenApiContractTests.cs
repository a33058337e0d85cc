using BioCluster.Api.Tests.Infrastructure;

namespace BioCluster.Api.Tests.Contract;

/// <summary>
/// The committed openapi.yaml must be exactly what the code serves. To rewrite it after an API
/// change, run scripts/update-contract.sh (it sets BIOCLUSTER_WRITE_OPENAPI=1 for this test and then
/// rebuilds the TypeScript client).
/// </summary>
public sealed class OpenApiContractTests(SqliteApiFactory factory) : IClassFixture<SqliteApiFactory>
{
    private static string Normalise(string text) => text.Replace("\r\n", "\n").TrimEnd() + "\n";

    [Fact]
    public async Task CommittedOpenApiYaml_MatchesServedDocument()
    {
        var served = Normalise(await factory.Client().GetStringAsync("/swagger/v1/swagger.yaml"));
        var file = Repo.PathOf("openapi.yaml");

        if (Environment.GetEnvironmentVariable("BIOCLUSTER_WRITE_OPENAPI") == "1")
            await File.WriteAllTextAsync(file, served);

        Assert.True(File.Exists(file), "openapi.yaml is missing: run scripts/update-contract.sh");
        var committed = Normalise(await File.ReadAllTextAsync(file));
        Assert.True(committed == served,
            "openapi.yaml differs from the document the API serves. Run scripts/update-contract.sh and commit openapi.yaml and web/src/api/client.ts.");
    }

    [Fact]
    public async Task EveryOperation_HasOperationIdSummaryTagAndErrorResponses()
    {
        var operations = OpenApiOperations.Parse(await factory.Client().GetStringAsync("/swagger/v1/swagger.json"));
        Assert.NotEmpty(operations);
        foreach (var op in operations)
        {
            Assert.False(string.IsNullOrWhiteSpace(op.OperationId), $"{op.Method} {op.Path} has no operationId");
            Assert.False(string.IsNullOrWhiteSpace(op.Summary), $"{op.Method} {op.Path} has no summary");
            Assert.False(string.IsNullOrWhiteSpace(op.Tag), $"{op.Method} {op.Path} has no tag");
            if (op.Path.StartsWith("/api/", StringComparison.Ordinal))
                Assert.True(op.Responses.Any(r => r.StartsWith('4')), $"{op.Method} {op.Path} documents no error response");
        }
        Assert.Equal(operations.Count, operations.Select(o => o.OperationId).Distinct().Count());
    }
}
