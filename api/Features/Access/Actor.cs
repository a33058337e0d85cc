using System.Security.Claims;
using BioCluster.Api.Infrastructure.Http;
using BioCluster.Contracts.Access;

namespace BioCluster.Api.Features.Access;

/// <summary>Claim types BioCluster puts on every principal, whichever way the caller signed in.</summary>
public static class BioClaims
{
    public const string Subject = "sub";
    public const string Name = "name";
    public const string DisplayName = "display_name";
    public const string Role = "role";
    public const string AgencyId = "agency_id";
    public const string Permission = "perm";
    public const string ActorType = "actor_type";
    public const string SessionId = "sid";
    public const string UserVersion = "uver";
    public const string Method = "amr";

    public static ClaimsIdentity Identity(string authenticationType, ActorType actorType, long? id, string name, string displayName,
        Role role, long? agencyId, IEnumerable<string> permissions, string method, params Claim[] extra)
    {
        var claims = new List<Claim>
        {
            new(ActorType, WireNames.Of(actorType)),
            new(Name, name),
            new(DisplayName, displayName),
            new(Role, WireNames.Of(role)),
            new(Method, method),
        };
        if (id is { } i) claims.Add(new Claim(Subject, i.ToString()));
        if (agencyId is { } a) claims.Add(new Claim(AgencyId, a.ToString()));
        claims.AddRange(permissions.Select(p => new Claim(Permission, p)));
        claims.AddRange(extra);
        return new ClaimsIdentity(claims, authenticationType, Name, Role);
    }
}

/// <summary>
/// Who is making the request, read from the authenticated principal: what audit entries record and
/// what object-level checks ask. Handlers take it as a parameter.
/// </summary>
public sealed record Actor(
    ActorType Type,
    long? Id,
    string Name,
    string DisplayName,
    Role Role,
    long? AgencyId,
    IReadOnlySet<string> Permissions,
    string Method,
    string? RequestId,
    string? ClientAddress)
{
    public bool Can(string permission) => Permissions.Contains(permission);

    public bool IsCookieSession => Method == "cookie";

    public static ValueTask<Actor?> BindAsync(HttpContext context) => ValueTask.FromResult(From(context));

    public static Actor? From(HttpContext context)
    {
        var user = context.User;
        if (user.Identity?.IsAuthenticated != true) return null;
        string? Get(string type) => user.FindFirst(type)?.Value;
        if (!WireNames.TryParse<ActorType>(Get(BioClaims.ActorType), out var type)
            || !WireNames.TryParse<Role>(Get(BioClaims.Role), out var role)) return null;
        return new Actor(
            type,
            long.TryParse(Get(BioClaims.Subject), out var id) ? id : null,
            Get(BioClaims.Name) ?? "unknown",
            Get(BioClaims.DisplayName) ?? Get(BioClaims.Name) ?? "unknown",
            role,
            long.TryParse(Get(BioClaims.AgencyId), out var agency) ? agency : null,
            user.FindAll(BioClaims.Permission).Select(c => c.Value).ToHashSet(),
            Get(BioClaims.Method) ?? "",
            context.TraceIdentifier,
            context.Connection.RemoteIpAddress?.ToString());
    }

    /// <summary>BioCluster itself (seeding, bootstrap).</summary>
    public static Actor System(string name) =>
        new(ActorType.System, null, name, name, Role.Admin, null, new HashSet<string>(), "system", null, null);
}
