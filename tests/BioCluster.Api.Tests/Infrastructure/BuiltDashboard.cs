using System.IO.Compression;
using System.Text;

namespace BioCluster.Api.Tests.Infrastructure;

/// <summary>
/// The dashboard every test host serves, as the product does when started by the README: the built one
/// (web/dist, which the test command builds before the .NET suites run), or — when only `dotnet test` runs on a
/// tree that was never built — a stand-in in a temporary folder: the shell, config.js and one hashed script with the
/// brotli and gzip siblings the build gives it. The routing the API and the dashboard share depends only on the
/// shell being there, so either gives the same answers to the API's paths.
/// </summary>
public static class BuiltDashboard
{
    private static readonly Lazy<string> Folder = new(Find);

    public static string Root => Folder.Value;

    /// <summary>Whether the hosts serve the real build (false: the stand-in).</summary>
    public static bool IsBuilt => Root == Repo.PathOf("web", "dist");

    /// <summary>
    /// The URL path of a hashed script under /assets that has both a .br and a .gz sibling (in a real build the
    /// largest such script: the main chunk).
    /// </summary>
    public static string CompressedScript
    {
        get
        {
            var assets = Path.Combine(Root, "assets");
            var script = Directory.EnumerateFiles(assets, "*.js")
                .Where(f => File.Exists(f + ".br") && File.Exists(f + ".gz"))
                .OrderByDescending(f => new FileInfo(f).Length)
                .FirstOrDefault() ?? throw new InvalidOperationException($"no script with .br and .gz siblings in {assets}");
            return "/assets/" + Path.GetFileName(script);
        }
    }

    /// <summary>The bytes of a file of the served dashboard, by URL path.</summary>
    public static byte[] Bytes(string urlPath) => File.ReadAllBytes(Path.Combine(Root, urlPath.TrimStart('/')));

    private static string Find()
    {
        var dist = Repo.PathOf("web", "dist");
        if (File.Exists(Path.Combine(dist, "index.html"))) return dist;
        var standIn = Path.Combine(Path.GetTempPath(), "biocluster-test-dashboard");
        WriteStandIn(standIn);
        return standIn;
    }

    /// <summary>A shell, config.js and one hashed script with its .br and .gz siblings, as `npm run build` leaves them.</summary>
    public static void WriteStandIn(string folder)
    {
        Directory.CreateDirectory(Path.Combine(folder, "assets"));
        WriteIfChanged(Path.Combine(folder, "index.html"),
            Encoding.UTF8.GetBytes("<!doctype html><html lang=\"ko\"><title>BioCluster</title><div id=\"root\"></div>"));
        WriteIfChanged(Path.Combine(folder, "config.js"), Encoding.UTF8.GetBytes("window.BIOCLUSTER_CONFIG = { apiBaseUrl: \"\" };\n"));
        var script = Encoding.UTF8.GetBytes(string.Concat(Enumerable.Range(0, 200)
            .Select(i => $"export const cluster{i} = {{ code: 'c{i}', nameKo: '바이오 클러스터 {i}' }};\n")));
        var path = Path.Combine(folder, "assets", "index-Bc7sT4nd.js");
        WriteIfChanged(path, script);
        WriteIfChanged(path + ".br", Compress(script, s => new BrotliStream(s, CompressionLevel.SmallestSize)));
        WriteIfChanged(path + ".gz", Compress(script, s => new GZipStream(s, CompressionLevel.SmallestSize)));
    }

    public static byte[] Compress(byte[] bytes, Func<Stream, Stream> compressor)
    {
        using var buffer = new MemoryStream();
        using (var compressing = compressor(buffer)) compressing.Write(bytes);
        return buffer.ToArray();
    }

    // Test processes may share the stand-in folder: leave a file alone when it already holds these bytes.
    private static void WriteIfChanged(string path, byte[] bytes)
    {
        if (File.Exists(path) && File.ReadAllBytes(path).AsSpan().SequenceEqual(bytes)) return;
        File.WriteAllBytes(path, bytes);
    }
}
