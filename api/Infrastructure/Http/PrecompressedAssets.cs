using Microsoft.AspNetCore.StaticFiles;
using Microsoft.Extensions.FileProviders;
using Microsoft.Extensions.Primitives;
using Microsoft.Net.Http.Headers;

namespace BioCluster.Api.Infrastructure.Http;

/// <summary>
/// The dashboard's hashed files under /assets are built with brotli (.br) and gzip (.gz) siblings. A GET or HEAD for
/// one of them, from a client that accepts one of those codings, is pointed at the sibling before the static-file
/// middleware runs, so that middleware still does the file's ETag, Last-Modified, HEAD, ranges and 304s, only on the
/// compressed bytes. <see cref="ApplyHeaders"/> then gives the answer the original file's content type and the
/// Content-Encoding. A file without a sibling (or a client that accepts neither coding) gets the plain file.
/// </summary>
public static class PrecompressedAssets
{
    /// <summary>The folder of Vite's hashed output (its build.assetsDir).</summary>
    public static readonly PathString AssetsPath = "/assets";

    /// <summary>The codings the build makes, the preferred one first, with the suffix of their sibling files.</summary>
    private static readonly (string Coding, string Suffix)[] Codings = [("br", ".br"), ("gzip", ".gz")];

    private static readonly object ItemKey = new();

    private sealed record Choice(string ContentType, string Coding);

    public static IApplicationBuilder UsePrecompressedAssets(this IApplicationBuilder app, IFileProvider files, IContentTypeProvider contentTypes) =>
        app.Use(async (context, next) =>
        {
            var request = context.Request;
            var path = request.Path;
            if (!(HttpMethods.IsGet(request.Method) || HttpMethods.IsHead(request.Method))
                || !path.StartsWithSegments(AssetsPath)
                || files.GetFileInfo(path.Value!) is not { Exists: true, IsDirectory: false }
                || !contentTypes.TryGetContentType(path.Value!, out var contentType))
            {
                await next(context);
                return;
            }
            var available = Codings.Where(c => files.GetFileInfo(path.Value + c.Suffix) is { Exists: true, IsDirectory: false }).ToArray();
            if (available.Length == 0)
            {
                await next(context);
                return;
            }
            // The answer depends on Accept-Encoding whichever representation this client gets.
            context.Response.Headers.Append(HeaderNames.Vary, HeaderNames.AcceptEncoding);
            var chosen = Choose(request.Headers.AcceptEncoding, available.Select(c => c.Coding));
            if (chosen is null)
            {
                await next(context);
                return;
            }
            context.Items[ItemKey] = new Choice(contentType, chosen);
            request.Path = path + Codings.First(c => c.Coding == chosen).Suffix;
            try
            {
                await next(context);
            }
            finally
            {
                request.Path = path;
            }
        });

    /// <summary>For the static-file middleware's OnPrepareResponse: the original type and the coding of a sibling it serves.</summary>
    public static void ApplyHeaders(HttpContext context)
    {
        if (context.Items[ItemKey] is not Choice choice || context.Response.StatusCode >= 400) return;
        context.Response.ContentType = choice.ContentType;
        context.Response.Headers.ContentEncoding = choice.Coding;
    }

    /// <summary>
    /// The coding of those <paramref name="available"/> that the client rates highest (q above 0, named or through
    /// <c>*</c>); on a tie the earlier one (brotli before gzip). None when the client accepts none of them.
    /// </summary>
    internal static string? Choose(StringValues acceptEncoding, IEnumerable<string> available)
    {
        if (StringValues.IsNullOrEmpty(acceptEncoding)
            || !StringWithQualityHeaderValue.TryParseList(acceptEncoding, out var offered)) return null;
        double Quality(string coding)
        {
            var named = offered.FirstOrDefault(o => StringSegment.Equals(o.Value, coding, StringComparison.OrdinalIgnoreCase));
            var rated = named ?? offered.FirstOrDefault(o => o.Value == "*");
            return rated is null ? 0 : rated.Quality ?? 1;
        }
        string? best = null;
        var bestQuality = 0.0;
        foreach (var coding in available)
        {
            var quality = Quality(coding);
            if (quality > bestQuality) (best, bestQuality) = (coding, quality);
        }
        return best;
    }
}
