namespace BioCluster.Api.Infrastructure.Http;

public static class CorsSetup
{
    /// <summary>
    /// Browsers on the origins in <c>Cors:AllowedOrigins</c> (e.g. a dashboard served by another web
    /// server) may call the API; no origin is allowed unless listed.
    /// </summary>
    public static IServiceCollection AddBioClusterCors(this IServiceCollection services, IConfiguration configuration)
    {
        var origins = configuration.GetSection("Cors:AllowedOrigins").Get<string[]>() ?? [];
        services.AddCors(o => o.AddDefaultPolicy(policy =>
        {
            if (origins.Length == 0) return;
            policy.WithOrigins(origins)
                .AllowAnyHeader()
                .WithMethods("GET", "POST", "PUT", "DELETE")
                // The dashboard signs in with a cookie; a listed origin may send it (SameSite=Strict still keeps it same-site).
                .AllowCredentials()
                .WithExposedHeaders("ETag", "Location", "Retry-After");
        }));
        return services;
    }
}
