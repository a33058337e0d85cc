using BioCluster.Api.Tests.Infrastructure;
using System.Text.Json;
using BioCluster.Api.Features.RegulatoryIssues;
using BioCluster.Api.Infrastructure.Http;
using BioCluster.Contracts.Common;

namespace BioCluster.Api.Tests.Contract;

/// <summary>
/// The dashboard's unit tests build move forms from web/src/features/issues/issueMoveForms.json, which must be exactly
/// what the API publishes for each target (the detail's <c>moveForms</c>), so they test the API's rules, not a copy.
/// scripts/update-contract.sh rewrites it (BIOCLUSTER_WRITE_OPENAPI=1).
/// </summary>
public sealed class MoveFormsContractTests
{
    [Fact]
    public void DashboardMoveFormsFixture_IsWhatTheApiPublishes()
    {
        // One form per target, and one per named move (the deadline moves that keep an issue under review), by that name.
        var groups = IssueWorkflow.Table.Rows.GroupBy(r => (r.To, r.Name)).OrderBy(g => g.Key.Name is null ? 0 : 1).ThenBy(g => g.Key.To).ThenBy(g => g.Key.Name).ToList();
        var forms = groups.ToDictionary(g => g.Key.Name ?? WireNames.Of(g.Key.To),
            g => IssueWorkflow.Definition(g.First().Move).Publish(WireNames.Of(g.Key.To), g.Key.Name));
        // Every row to the same target (or of the same name) is the same kind of move, so these forms are the whole rulebook.
        foreach (var g in groups) Assert.Single(g.Select(r => r.Move).Distinct());
        var options = new JsonSerializerOptions(JsonSerializerDefaults.Web) { WriteIndented = true };
        JsonSetup.Configure(options, fastWriters: false);
        options.DefaultIgnoreCondition = System.Text.Json.Serialization.JsonIgnoreCondition.WhenWritingNull;
        var json = JsonSerializer.Serialize(forms, options).Replace("\r\n", "\n") + "\n";
        var file = Repo.PathOf("web", "src", "features", "issues", "issueMoveForms.json");
        if (Environment.GetEnvironmentVariable("BIOCLUSTER_WRITE_OPENAPI") == "1") File.WriteAllText(file, json);
        Assert.True(File.Exists(file), "issueMoveForms.json is missing: run scripts/update-contract.sh");
        Assert.True(File.ReadAllText(file) == json, "issueMoveForms.json differs from the API's move definitions: run scripts/update-contract.sh");
    }
}
