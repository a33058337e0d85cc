using Microsoft.Extensions.FileProviders;

namespace BioCluster.Api.Infrastructure.Http;

/// <summary>Serves the built dashboard (web/dist) at <c>/</c> when its folder exists.</summary>
public static class SpaHosting
{
    public static WebApplication UseDashboard(this WebApplication app)
    {
        var configured = app.Configuration["Web:Root"] ?? "../web/dist";
        var root = Path.GetFullPath(configured, app.Environment.ContentRootPath);
        var files = File.Exists(Path.Combine(root, "index.html")) ? new PhysicalFileProvider(root) : null;
        if (files is null) app.Logger.LogInformation("No built dashboard at {Root}; serving the API only", root);
        else
        {
            app.UseDefaultFiles(new DefaultFilesOptions { FileProvider = files });
            app.UseStaticFiles(new StaticFileOptions { FileProvider = files });
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
            await context.Response.SendFileAsync(files.GetFileInfo("index.html"));
        });
        return app;
    }

    /// <summary>A page of the dashboard: read with GET or HEAD, and not a path of the API, its health checks or its OpenAPI pages.</summary>
    internal static bool IsShellRequest(HttpRequest request) =>
        (HttpMethods.IsGet(request.Method) || HttpMethods.IsHead(request.Method))
        && !request.Path.StartsWithSegments("/api") && !request.Path.StartsWithSegments("/health") && !request.Path.StartsWithSegments("/swagger");
}
