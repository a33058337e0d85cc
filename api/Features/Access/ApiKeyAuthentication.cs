using System.Security.Claims;
using System.Text.Encodings.Web;
using BioCluster.Contracts.Access;
using Microsoft.AspNetCore.Authentication;
using Microsoft.Extensions.Options;

namespace BioCluster.Api.Features.Access;

/// <summary>
/// Authenticates <c>X-Api-Key: bck_…</c> or <c>Authorization: Bearer bck_…</c>. The key acts with the
/// role its agency implies (the secretariat's ministry → secretariat, a cluster operator → cluster
/// operator, another ministry → ministry reviewer, anything else → viewer), narrowed to its scopes.
/// </summary>
public sealed class ApiKeyAuthenticationHandler(
    IOptionsMonitor<AuthenticationSchemeOptions> options, ILoggerFactory logger, UrlEncoder encoder,
    ApiKeyStore keys, TimeProvider clock, IConfiguration configuration)
    : AuthenticationHandler<AuthenticationSchemeOptions>(options, logger, encoder)
{
    public const string SchemeName = "ApiKey";
    public const string Header = "X-Api-Key";

    public static string? PresentedKey(HttpRequest request)
    {
        if (request.Headers.TryGetValue(Header, out var header) && header.Count > 0) return header.ToString().Trim();
        var authorization = request.Headers.Authorization.ToString();
        return authorization.StartsWith("Bearer " + ApiKeyStore.KeyStart, StringComparison.Ordinal) ? authorization["Bearer ".Length..].Trim() : null;
    }

    protected override async Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        var presented = PresentedKey(Request);
        if (presented is null) return AuthenticateResult.NoResult();

        var row = await keys.VerifyAsync(presented, Context.RequestAborted);
        if (row is null) return AuthenticateResult.Fail("Unknown API key.");
        var status = row.StatusAt(clock.GetUtcNow());
        if (status != ApiKeyStatus.Active) return AuthenticateResult.Fail($"The API key is {status.ToString().ToLowerInvariant()}.");
        if (row.AgencyStatus != "active") return AuthenticateResult.Fail("The API key's agency is archived.");

        var role = RoleOf(row.AgencyCode, row.AgencyKind, configuration);
        var identity = BioClaims.Identity(SchemeName, ActorType.ApiKey, row.Id, $"api-key:{row.Prefix}", $"{row.Name} ({row.AgencyCode})",
            role, row.AgencyId, Permissions.Effective(role, row.ScopeList), "api_key");
        return AuthenticateResult.Success(new AuthenticationTicket(new ClaimsPrincipal(identity), SchemeName));
    }

    public static Role RoleOf(string agencyCode, string agencyKind, IConfiguration configuration) =>
        agencyCode == configuration.GetValue("Auth:SecretariatAgencyCode", "mohw") ? Role.Secretariat
        : agencyKind switch
        {
            "cluster_operator" => Role.ClusterOperator,
            "ministry" => Role.MinistryReviewer,
            _ => Role.Viewer,
        };
}
