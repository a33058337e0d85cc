using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;

namespace BioCluster.Api.Tests.Infrastructure;

/// <summary>
/// The SQLite host on a real Kestrel socket (a free loopback port), for tests that drive the API from
/// another process — curl in the shell scripts. The in-memory test server has no socket to reach.
/// </summary>
public sealed class KestrelApiFactory : SqliteApiFactory
{
    private readonly Lazy<Uri> _address;

    public KestrelApiFactory()
    {
        UseKestrel(0);
        _address = new Lazy<Uri>(() =>
        {
            StartServer();
            var addresses = Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()?.Addresses
                            ?? throw new InvalidOperationException("Kestrel reports no addresses.");
            // Prefer the IPv4 loopback; "localhost" may resolve to ::1 first where nothing listens.
            var address = addresses.Select(a => new Uri(a)).OrderBy(a => a.Host == "127.0.0.1" ? 0 : 1).First();
            return address.Host is "[::]" or "0.0.0.0" or "+" or "*" ? new UriBuilder(address) { Host = "127.0.0.1" }.Uri : address;
        });
    }

    /// <summary>The factory's own clients (the admin's, the keys') talk to the socket too.</summary>
    protected override Uri BaseAddress => Address;

    /// <summary>Where the API listens, e.g. http://127.0.0.1:41234/ (the server starts on first use).</summary>
    public Uri Address => _address.Value;
}
