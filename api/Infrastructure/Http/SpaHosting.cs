using Microsoft.Extensions.FileProviders;

namespace BioCluster.Api.Infrastructure.Http;

/// <summary>Serves the built dashboard (web/dist) at <c>/</c> when its folder exists.</summary>
public static class SpaHosting
{
    public static WebApplication UseDashboard(this WebApplication app)
    {
        var configured = app.Configuration["Web:Root"] ?? "../web/dist";
        var root = Path.GetFullPath(configured, app.Environment.ContentRootPath);
        if (!File.Exists(Path.Combine(root, "index.html")))
        {
            app.Logger.LogInformation("No built dashboard at {Root}; serving the API only", root);
            return app;
        }

        var files = new PhysicalFileProvider(root);
        app.UseDefaultFiles(new DefaultFilesOptions { FileProvider = files });
        app.UseStaticFiles(new StaticFileOptions { FileProvider = files });
        // Client-side routes (/clusters/osong) load the shell; unknown API and health paths stay 404.
        app.MapFallback(async context =>
        {
            var path = context.Request.Path;
            if (path.StartsWithSegments("/api") || path.StartsWithSegments("/health") || path.StartsWithSegments("/swagger")
                || !HttpMethods.IsGet(context.Request.Method))
            {
                context.Response.StatusCode = StatusCodes.Status404NotFound;
                return;
            }
            context.Response.ContentType = "text/html; charset=utf-8";
            await context.Response.SendFileAsync(files.GetFileInfo("index.html"));
        }).ExcludeFromDescription().AllowAnonymous();
        return app;
    }
}
