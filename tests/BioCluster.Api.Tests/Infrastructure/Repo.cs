namespace BioCluster.Api.Tests.Infrastructure;

/// <summary>Finds files of the repository from the test's output folder.</summary>
public static class Repo
{
    public static string Root { get; } = FindRoot();

    public static string PathOf(params string[] parts) => Path.Combine([Root, .. parts]);

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "BioCluster.sln"))) return dir.FullName;
        throw new InvalidOperationException("BioCluster.sln not found above the test folder.");
    }
}
