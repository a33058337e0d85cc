namespace BioCluster.Api.Infrastructure.Http;

/// <summary>Security headers on every answer: a CSP suited to the dashboard, nosniff, no framing, no referrer.</summary>
public static class SecurityHeaders
{
    public static IApplicationBuilder UseSecurityHeaders(this WebApplication app)
    {
        var connect = string.Join(' ', app.Configuration.GetSection("Cors:AllowedOrigins").Get<string[]>() ?? []);
        var dashboard = "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; font-src 'self' data:; "
            + $"connect-src 'self' {connect}".TrimEnd() + "; object-src 'none'; base-uri 'self'; form-action 'self'; frame-ancestors 'none'";
        // Swagger UI starts itself with an inline script.
        const string swagger = "default-src 'self'; script-src 'self' 'unsafe-inline'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; "
            + "object-src 'none'; base-uri 'self'; frame-ancestors 'none'";

        if (!app.Environment.IsDevelopment()) app.UseHsts();
        return app.Use(async (context, next) =>
        {
            var headers = context.Response.Headers;
            headers.XContentTypeOptions = "nosniff";
            headers.XFrameOptions = "DENY";
            headers["Referrer-Policy"] = "no-referrer";
            headers["Cross-Origin-Opener-Policy"] = "same-origin";
            headers["Permissions-Policy"] = "camera=(), microphone=(), geolocation=()";
            headers.ContentSecurityPolicy = context.Request.Path.StartsWithSegments("/swagger") ? swagger : dashboard;
            await next(context);
        });
    }
}
