using System.Net;
using Microsoft.AspNetCore.HttpOverrides;
using Microsoft.Extensions.Options;

namespace BioCluster.Api.Infrastructure.Http;

/// <summary>
/// Behind a load balancer or reverse proxy (the growth path: many instances behind one address) the client's
/// address and scheme arrive in <c>X-Forwarded-For</c> and <c>X-Forwarded-Proto</c>. They are believed only from the
/// proxies named in <c>Http:TrustedProxies</c> (addresses, or networks such as <c>10.0.0.0/8</c>); with none named they
/// are ignored, since otherwise any caller could choose the address that rate limits count and the audit trail records.
/// </summary>
public static class ForwardedHeadersSetup
{
    public const string Section = "Http:TrustedProxies";

    public static IServiceCollection AddBioClusterForwardedHeaders(this IServiceCollection services, IConfiguration configuration)
    {
        var trusted = configuration.GetSection(Section).Get<string[]>() ?? [];
        var proxies = new List<IPAddress>();
        var networks = new List<System.Net.IPNetwork>();
        foreach (var entry in trusted.Select(e => e.Trim()).Where(e => e.Length > 0))
        {
            if (entry.Contains('/') && System.Net.IPNetwork.TryParse(entry, out var network)) networks.Add(network);
            else if (IPAddress.TryParse(entry, out var address)) proxies.Add(address);
            else throw new InvalidOperationException($"{Section} has '{entry}', which is neither an IP address nor a network like 10.0.0.0/8.");
        }
        services.Configure<ForwardedHeadersOptions>(o =>
        {
            o.ForwardedHeaders = ForwardedHeaders.XForwardedFor | ForwardedHeaders.XForwardedProto;
            o.KnownProxies.Clear(); // the defaults trust loopback; only what is configured is trusted here
            o.KnownIPNetworks.Clear();
            foreach (var proxy in proxies) o.KnownProxies.Add(proxy);
            foreach (var network in networks) o.KnownIPNetworks.Add(network);
        });
        return services;
    }

    /// <summary>First in the pipeline, so every later part sees the client's address; nothing when no proxy is trusted.</summary>
    public static IApplicationBuilder UseBioClusterForwardedHeaders(this IApplicationBuilder app)
    {
        var o = app.ApplicationServices.GetRequiredService<IOptions<ForwardedHeadersOptions>>().Value;
        return o.KnownProxies.Count + o.KnownIPNetworks.Count > 0 ? app.UseForwardedHeaders() : app;
    }
}
