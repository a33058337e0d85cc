namespace BioCluster.Api.Tests.Infrastructure;

/// <summary>
/// The dashboard every test host serves, as the product does when started by the README: the built one
/// (web/dist, which the test command builds before the .NET suites run), or — when only `dotnet test` runs on a
/// tree that was never built — a stand-in shell in a temporary folder. The routing the API and the dashboard share
/// depends only on the shell being there, so either gives the same answers to the API's paths.
/// </summary>
public static class BuiltDashboard
{
    private static readonly Lazy<string> Folder = new(Find);

    public static string Root => Folder.Value;

    /// <summary>Whether the hosts serve the real build (false: the stand-in).</summary>
    public static bool IsBuilt => Root == Repo.PathOf("web", "dist");

    private static string Find()
    {
        var dist = Repo.PathOf("web", "dist");
        if (File.Exists(Path.Combine(dist, "index.html"))) return dist;
        var standIn = Path.Combine(Path.GetTempPath(), "biocluster-test-dashboard");
        Directory.CreateDirectory(standIn);
        File.WriteAllText(Path.Combine(standIn, "index.html"), "<!doctype html><html lang=\"ko\"><title>BioCluster</title><div id=\"root\"></div>");
        return standIn;
    }
}
