using Microsoft.AspNetCore.StaticFiles;
using Microsoft.Extensions.FileProviders;

namespace BioCluster.Api.Infrastructure.Http;

/// <summary>Serves the built dashboard (web/dist) at <c>/</c> when its folder exists.</summary>
public static class SpaHosting
{
    /// <summary>Vite's hashed files: a new build gives changed content a new name, so a copy never goes stale.</summary>
    public const string ImmutableCache = "public, max-age=31536000, immutable";

    /// <summary>
    /// The shell, config.js and the other unhashed files: a browser may keep them but asks again (a cheap 304 where
    /// the file has an ETag) before each use, so a new build or an edited config.js is seen on the next load.
    /// Not no-store: that would download them in full every time and gain nothing, as they hold no private data.
    /// </summary>
    public const string NoCache = "no-cache";

    public static WebApplication UseDashboard(this WebApplication app)
    {
        var configured = app.Configuration["Web:Root"] ?? "../web/dist";
        var root = Path.GetFullPath(configured, app.Environment.ContentRootPath);
        var files = File.Exists(Path.Combine(root, "index.html")) ? new PhysicalFileProvider(root) : null;
        if (files is null) app.Logger.LogInformation("No built dashboard at {Root}; serving the API only", root);
        else
        {
            var contentTypes = new FileExtensionContentTypeProvider();
            // A sibling asked for by its own name is what it is, not the script it encodes.
            contentTypes.Mappings[".br"] = "application/x-brotli";
            app.UseDefaultFiles(new DefaultFilesOptions { FileProvider = files });
            app.UsePrecompressedAssets(files, contentTypes);
            app.UseStaticFiles(new StaticFileOptions
            {
                FileProvider = files,
                ContentTypeProvider = contentTypes,
                OnPrepareResponse = file =>
                {
                    PrecompressedAssets.ApplyHeaders(file.Context);
                    file.Context.Response.Headers.CacheControl =
                        file.Context.Request.Path.StartsWithSegments(PrecompressedAssets.AssetsPath) ? ImmutableCache : NoCache;
                },
            });
        }
        // Client-side routes (/clusters/osong) load the shell: a GET or HEAD that no endpoint took, outside /api,
        // /health and /swagger. Not a fallback endpoint: routing would weigh it against the API's own endpoints and,
        // with it in the running, no longer answer a wrong method 405 or a wrong media type 415 (the real run once
        // answered those with a bare 404). Here routing has decided first; its 405/415 answers are endpoints too.
        app.Use(async (context, next) =>
        {
            if (context.GetEndpoint() is not null)
            {
                await next(context);
                return;
            }
            if (context.Request.Path.StartsWithSegments("/api"))
            {
                // No endpoint has this path: a 404 problem (status-code pages) for everyone, signed in or not.
                context.Response.StatusCode = StatusCodes.Status404NotFound;
                return;
            }
            if (files is null || !IsShellRequest(context.Request))
            {
                await next(context);
                return;
            }
            context.Response.ContentType = "text/html; charset=utf-8";
            context.Response.Headers.CacheControl = NoCache;
            await context.Response.SendFileAsync(files.GetFileInfo("index.html"));
        });
        return app;
    }

    /// <summary>A page of the dashboard: read with GET or HEAD, and not a path of the API, its health checks or its OpenAPI pages.</summary>
    internal static bool IsShellRequest(HttpRequest request) =>
        (HttpMethods.IsGet(request.Method) || HttpMethods.IsHead(request.Method))
        && !request.Path.StartsWithSegments("/api") && !request.Path.StartsWithSegments("/health") && !request.Path.StartsWithSegments("/swagger");
}
