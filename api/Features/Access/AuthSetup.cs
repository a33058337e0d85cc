using System.Security.Claims;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using BioCluster.Api.Features.Agencies;
using BioCluster.Contracts.Registry;
using BioCluster.Api.Infrastructure.Data;
using BioCluster.Api.Infrastructure.Http;
using BioCluster.Contracts.Access;
using Dapper;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.DataProtection.KeyManagement;
using Microsoft.AspNetCore.DataProtection.Repositories;
using Microsoft.IdentityModel.Tokens;
using System.Xml.Linq;

namespace BioCluster.Api.Features.Access;

/// <summary>
/// Authentication (dashboard cookie, API keys, optional government SSO by JWT), authorization
/// policies (one per permission; authentication required by default) and antiforgery.
/// </summary>
public static class AuthSetup
{
    public const string PolicyScheme = "BioCluster";
    public const string CookieScheme = CookieAuthenticationDefaults.AuthenticationScheme;
    public const string JwtScheme = JwtBearerDefaults.AuthenticationScheme;
    public const string AntiforgeryHeader = "X-XSRF-TOKEN";
    /// <summary>Any of registry:write or cluster:edit-own; the handler then checks which cluster.</summary>
    public const string ClusterEditPolicy = "cluster:edit";
    /// <summary>Any authenticated caller: person, API key or SSO user.</summary>
    public const string SignedIn = "signed-in";
    /// <summary>A person (dashboard or SSO), not an API key.</summary>
    public const string Person = "person";

    public static bool JwtEnabled(IConfiguration c) =>
        !string.IsNullOrWhiteSpace(c["Auth:Jwt:Authority"]) || !string.IsNullOrWhiteSpace(c["Auth:Jwt:PublicKeyPem"]);

    public static bool SecureCookies(IConfiguration c, IHostEnvironment env) =>
        c.GetValue<bool?>("Auth:SecureCookies") ?? !env.IsDevelopment();

    public static IServiceCollection AddBioClusterAuth(this IServiceCollection services, IConfiguration configuration, IHostEnvironment environment)
    {
        var secure = SecureCookies(configuration, environment) ? CookieSecurePolicy.Always : CookieSecurePolicy.SameAsRequest;
        var jwt = JwtEnabled(configuration);

        // One key ring for every instance, kept in the database, so a cookie or antiforgery token made
        // by one instance is read by all.
        services.AddSingleton<DataProtectionKeyStore>();
        var dataProtection = services.AddDataProtection().SetApplicationName("BioCluster");
        services.AddOptions<KeyManagementOptions>()
            .Configure<DataProtectionKeyStore>((o, repository) => o.XmlRepository = repository);
        // Without a certificate the keys sit in the table as plain XML: anyone with a copy of the database could forge
        // session cookies and antiforgery tokens. With one, each key is encrypted to it before it is stored.
        switch (KeyRingProtection.Of(configuration))
        {
            case { Certificate: { } certificate }:
                dataProtection.ProtectKeysWithCertificate(certificate).UnprotectKeysWithAnyCertificate(certificate);
                break;
            case { Thumbprint: { } thumbprint }:
                dataProtection.ProtectKeysWithCertificate(thumbprint); // found in the certificate stores, to write and to read
                break;
        }
        services.AddHostedService<KeyRingProtectionWarning>();

        var auth = services.AddAuthentication(PolicyScheme)
            .AddPolicyScheme(PolicyScheme, "Cookie, API key or SSO token", o => o.ForwardDefaultSelector = context =>
            {
                if (ApiKeyAuthenticationHandler.PresentedKey(context.Request) is not null) return ApiKeyAuthenticationHandler.SchemeName;
                if (jwt && context.Request.Headers.Authorization.ToString().StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase)) return JwtScheme;
                return CookieScheme;
            })
            .AddScheme<AuthenticationSchemeOptions, ApiKeyAuthenticationHandler>(ApiKeyAuthenticationHandler.SchemeName, null)
            .AddCookie(CookieScheme, o =>
            {
                o.Cookie.Name = "bc_session";
                o.Cookie.HttpOnly = true;
                o.Cookie.SameSite = SameSiteMode.Strict;
                o.Cookie.SecurePolicy = secure;
                o.Cookie.Path = "/";
                o.SlidingExpiration = true;
                o.ExpireTimeSpan = TimeSpan.FromMinutes(configuration.GetValue("Auth:SessionIdleMinutes", 30));
                o.Events = new CookieAuthenticationEvents
                {
                    // An API answers 401/403; it never redirects to a login page.
                    OnRedirectToLogin = c => { c.Response.StatusCode = StatusCodes.Status401Unauthorized; return Task.CompletedTask; },
                    OnRedirectToAccessDenied = c => { c.Response.StatusCode = StatusCodes.Status403Forbidden; return Task.CompletedTask; },
                    OnValidatePrincipal = ValidateSessionAsync,
                };
            });
        if (jwt) auth.AddJwtBearer(JwtScheme, o => ConfigureJwt(o, configuration));

        services.AddAuthorization(o =>
        {
            o.FallbackPolicy = new AuthorizationPolicyBuilder(PolicyScheme).RequireAuthenticatedUser().Build();
            foreach (var permission in Permissions.All)
                o.AddPolicy(permission, p => p.AddAuthenticationSchemes(PolicyScheme).RequireClaim(BioClaims.Permission, permission));
            o.AddPolicy(ClusterEditPolicy, p => p.AddAuthenticationSchemes(PolicyScheme)
                .RequireClaim(BioClaims.Permission, Permissions.RegistryWrite, Permissions.ClusterEditOwn));
            o.AddPolicy(ApiKeysApi.ReadPolicy, p => p.AddAuthenticationSchemes(PolicyScheme)
                .RequireClaim(BioClaims.Permission, Permissions.ApiKeysManage, Permissions.ApiKeysReadOwn));
            o.AddPolicy(SignedIn, p => p.AddAuthenticationSchemes(PolicyScheme).RequireAuthenticatedUser());
            o.AddPolicy(Person, p => p.AddAuthenticationSchemes(PolicyScheme).RequireClaim(BioClaims.ActorType, "user"));
        });

        services.AddAntiforgery(o =>
        {
            o.HeaderName = AntiforgeryHeader;
            o.Cookie.Name = "bc_af";
            o.Cookie.HttpOnly = true;
            o.Cookie.SameSite = SameSiteMode.Strict;
            o.Cookie.SecurePolicy = secure;
        });
        return services;
    }

    /// <summary>The principal of a signed-in user, rebuilt from the database row.</summary>
    public static ClaimsPrincipal PrincipalFor(UserStore.UserRow user, string sessionId)
    {
        var role = user.RoleValue;
        var identity = BioClaims.Identity(CookieScheme, ActorType.User, user.Id, user.Username, user.DisplayName, role, user.AgencyId,
            Permissions.Effective(role, null), "cookie",
            new Claim(BioClaims.SessionId, sessionId), new Claim(BioClaims.UserVersion, user.Version.ToString()));
        return new ClaimsPrincipal(identity);
    }

    private static async Task ValidateSessionAsync(CookieValidatePrincipalContext context)
    {
        var sessionId = context.Principal?.FindFirst(BioClaims.SessionId)?.Value;
        var users = context.HttpContext.RequestServices.GetRequiredService<UserStore>();
        var user = sessionId is null ? null : await users.ValidateSessionAsync(sessionId, context.HttpContext.RequestAborted);
        if (user is null)
        {
            context.RejectPrincipal();
            await context.HttpContext.SignOutAsync(CookieScheme);
            return;
        }
        // Role, agency or name changed since sign-in: carry the new ones from now on.
        if (context.Principal!.FindFirst(BioClaims.UserVersion)?.Value != user.Version.ToString())
        {
            context.ReplacePrincipal(PrincipalFor(user, sessionId!));
            context.ShouldRenew = true;
        }
    }

    private static void ConfigureJwt(JwtBearerOptions o, IConfiguration configuration)
    {
        var section = configuration.GetSection("Auth:Jwt");
        o.MapInboundClaims = false;
        o.RequireHttpsMetadata = section.GetValue("RequireHttpsMetadata", true);
        if (section["Authority"] is { Length: > 0 } authority) o.Authority = authority;
        o.TokenValidationParameters = new TokenValidationParameters
        {
            ValidateIssuer = section["Issuer"] is { Length: > 0 },
            ValidIssuer = section["Issuer"],
            ValidateAudience = true,
            ValidAudience = section["Audience"] ?? throw new InvalidOperationException("Auth:Jwt:Audience is required when SSO is on."),
            ValidateLifetime = true,
            RequireExpirationTime = true,
            RequireSignedTokens = true,
            ClockSkew = TimeSpan.FromSeconds(section.GetValue("ClockSkewSeconds", 60)),
            ValidAlgorithms = [SecurityAlgorithms.RsaSha256, SecurityAlgorithms.RsaSha384, SecurityAlgorithms.RsaSha512,
                SecurityAlgorithms.EcdsaSha256, SecurityAlgorithms.EcdsaSha384, SecurityAlgorithms.RsaSsaPssSha256],
        };
        if (section["PublicKeyPem"] is { Length: > 0 } pem)
        {
            var rsa = RSA.Create();
            rsa.ImportFromPem(pem);
            o.TokenValidationParameters.IssuerSigningKey = new RsaSecurityKey(rsa);
        }
        o.Events = new JwtBearerEvents
        {
            OnTokenValidated = async context =>
            {
                var principal = await MapSsoPrincipalAsync(context.Principal!, context.HttpContext.RequestServices, section);
                if (principal is null) context.Fail("The token's role or agency is not one BioCluster knows.");
                else context.Principal = principal;
            },
            OnChallenge = context =>
            {
                // Leave the body to the problem-details pipeline; keep the standard header.
                context.HandleResponse();
                context.Response.StatusCode = StatusCodes.Status401Unauthorized;
                context.Response.Headers.WWWAuthenticate = "Bearer";
                return Task.CompletedTask;
            },
        };
    }

    /// <summary>
    /// Maps the SSO token's claims to a BioCluster principal: the role claim (through Auth:Jwt:RoleMap)
    /// to a role, the agency claim to an agency code. Unknown roles, or a role that needs an agency
    /// without a matching one, are refused.
    /// </summary>
    private static async Task<ClaimsPrincipal?> MapSsoPrincipalAsync(ClaimsPrincipal token, IServiceProvider services, IConfigurationSection section)
    {
        var external = token.FindFirst(section["RoleClaim"] ?? "role")?.Value;
        if (external is null) return null;
        var mapped = section.GetSection("RoleMap")[external] ?? external;
        if (!WireNames.TryParse<Role>(mapped, out var role)) return null;

        long? agencyId = null;
        if (token.FindFirst(section["AgencyClaim"] ?? "agency")?.Value is { Length: > 0 } agencyCode)
        {
            var found = await services.GetRequiredService<AgencyStore>().GetByCodeAsync(agencyCode, CancellationToken.None);
            if (found?.Value is not { Status: RecordStatus.Active } agency) return null;
            if (Permissions.RequiredAgencyKind(role) is { } kind && WireNames.Of(agency.Kind) != kind) return null;
            agencyId = agency.Id;
        }
        if (Permissions.RequiredAgencyKind(role) is not null && agencyId is null) return null;

        var subject = token.FindFirst("sub")?.Value ?? "unknown";
        var name = token.FindFirst(section["NameClaim"] ?? "name")?.Value ?? subject;
        var identity = BioClaims.Identity(JwtScheme, ActorType.User, null, $"sso:{subject}", name, role, agencyId,
            Permissions.Effective(role, null), "jwt");
        return new ClaimsPrincipal(identity);
    }

    private static int _warnedAboutPlainHttp;

    /// <summary>
    /// Cookies are Secure (<c>Auth:SecureCookies</c>, on outside Development) but the request came over plain HTTP: a
    /// browser would drop the cookies, and the antiforgery check throws (it refuses Secure cookies over HTTP), which
    /// was a 500 on every cookie write. A clear 400 instead, and a warning for the operator: behind a proxy that ends
    /// TLS, name it in <c>Http:TrustedProxies</c> and have it send <c>X-Forwarded-Proto</c>. Null when all is well.
    /// </summary>
    public static ProblemHttpResult? HttpsRequired(HttpContext context)
    {
        if (context.Request.IsHttps) return null;
        var antiforgery = context.RequestServices.GetRequiredService<Microsoft.Extensions.Options.IOptions<AntiforgeryOptions>>().Value;
        if (antiforgery.Cookie.SecurePolicy != CookieSecurePolicy.Always) return null;
        if (Interlocked.Exchange(ref _warnedAboutPlainHttp, 1) == 0)
            context.RequestServices.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(AuthSetup)).LogWarning(
                "A cookie request came over plain HTTP while Auth:SecureCookies is on; it was refused with 400. Serve HTTPS, or behind a " +
                "proxy that ends TLS list it in Http:TrustedProxies and have it send X-Forwarded-Proto: https (see the README).");
        return TypedResults.Problem(statusCode: StatusCodes.Status400BadRequest,
            title: Text.Of("HTTPS가 필요합니다", "HTTPS required"),
            detail: Text.Of(
                "로그인 쿠키는 HTTPS로만 주고받습니다. https:// 주소로 접속하세요. 프록시 뒤에서 운영한다면 관리자가 Http:TrustedProxies와 X-Forwarded-Proto를 설정해야 합니다.",
                "Sign-in cookies travel over HTTPS only. Use the https:// address; behind a proxy, the operator must set Http:TrustedProxies and X-Forwarded-Proto."));
    }

    /// <summary>
    /// Requests made with the session cookie that change something must carry the antiforgery token
    /// (header X-XSRF-TOKEN, from GET /api/v1/auth/antiforgery). Keys and SSO tokens are not sent by
    /// browsers on their own, so they need none.
    /// </summary>
    public static IApplicationBuilder UseCookieAntiforgery(this IApplicationBuilder app) => app.Use(async (context, next) =>
    {
        var method = context.Request.Method;
        // Signing in again is allowed without a token: it starts a new session rather than acting in the old one.
        if (!HttpMethods.IsGet(method) && !HttpMethods.IsHead(method) && !HttpMethods.IsOptions(method)
            && context.User.FindFirst(BioClaims.Method)?.Value == "cookie"
            && !context.Request.Path.Equals("/api/v1/auth/login", StringComparison.OrdinalIgnoreCase))
        {
            if (HttpsRequired(context) is { } https)
            {
                await https.ExecuteAsync(context);
                return;
            }
            var antiforgery = context.RequestServices.GetRequiredService<IAntiforgery>();
            if (!await antiforgery.IsRequestValidAsync(context))
            {
                context.Response.StatusCode = StatusCodes.Status403Forbidden;
                await context.RequestServices.GetRequiredService<IProblemDetailsService>().WriteAsync(new ProblemDetailsContext
                {
                    HttpContext = context,
                    ProblemDetails =
                    {
                        Status = StatusCodes.Status403Forbidden,
                        Title = "Antiforgery token missing or invalid",
                        Detail = Text.Of($"세션 쿠키로 보내는 요청에는 GET /api/v1/auth/antiforgery에서 받은 토큰을 {AntiforgeryHeader} 헤더로 보내야 합니다.",
                            $"Requests made with the session cookie must send the token from GET /api/v1/auth/antiforgery in the {AntiforgeryHeader} header."),
                    },
                });
                return;
            }
        }
        await next(context);
    });
}

/// <summary>The data-protection key ring, stored in the database for every API instance to share.</summary>
public sealed class DataProtectionKeyStore(DbConnectionFactory db, TimeProvider clock) : IXmlRepository
{
    public IReadOnlyCollection<XElement> GetAllElements()
    {
        using var connection = db.OpenAsync().GetAwaiter().GetResult();
        return connection.Query<string>("SELECT xml FROM data_protection_keys ORDER BY id").Select(x => XElement.Parse(x)).ToList();
    }

    public void StoreElement(XElement element, string friendlyName)
    {
        using var connection = db.OpenAsync().GetAwaiter().GetResult();
        connection.Execute("INSERT INTO data_protection_keys (friendly_name, xml, created_at) VALUES (@friendlyName, @xml, @now)",
            new { friendlyName, xml = element.ToString(SaveOptions.DisableFormatting), now = clock.GetUtcNow() });
    }
}

/// <summary>
/// The certificate the data-protection key ring is encrypted with, from configuration:
/// <c>DataProtection:CertificatePath</c> (a PKCS#12/PFX file) with <c>DataProtection:CertificatePassword</c>, or
/// <c>DataProtection:CertificateThumbprint</c> (a certificate in the CurrentUser or LocalMachine "My" store). Neither: unprotected.
/// </summary>
public sealed record KeyRingProtection(X509Certificate2? Certificate, string? Thumbprint)
{
    public const string Section = "DataProtection";

    public bool IsProtected => Certificate is not null || Thumbprint is not null;

    public static KeyRingProtection Of(IConfiguration configuration)
    {
        var section = configuration.GetSection(Section);
        if (section["CertificatePath"] is { Length: > 0 } path)
        {
            if (!File.Exists(path))
                throw new InvalidOperationException($"{Section}:CertificatePath names '{path}', which does not exist.");
            X509Certificate2 certificate;
            try
            {
                certificate = X509CertificateLoader.LoadPkcs12FromFile(path, section["CertificatePassword"]);
            }
            catch (CryptographicException e)
            {
                throw new InvalidOperationException(
                    $"{Section}:CertificatePath '{path}' could not be read as a PFX file with {Section}:CertificatePassword: {e.Message}", e);
            }
            if (!certificate.HasPrivateKey)
                throw new InvalidOperationException($"{Section}:CertificatePath '{path}' holds no private key, so the key ring could not be read back.");
            return new KeyRingProtection(certificate, null);
        }
        return section["CertificateThumbprint"] is { Length: > 0 } thumbprint
            ? new KeyRingProtection(null, thumbprint.Replace(" ", "", StringComparison.Ordinal))
            : new KeyRingProtection(null, null);
    }
}

/// <summary>Says loudly at start-up, in Production, that the key ring is stored unencrypted.</summary>
internal sealed class KeyRingProtectionWarning(IConfiguration configuration, IHostEnvironment environment, ILogger<KeyRingProtectionWarning> logger)
    : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken)
    {
        if (environment.IsProduction() && !KeyRingProtection.Of(configuration).IsProtected)
            logger.LogWarning(
                "SECURITY: the data-protection key ring (which signs session cookies and antiforgery tokens) is stored UNENCRYPTED in the " +
                "database table data_protection_keys. Anyone with a copy of the database can forge sign-ins. Set {Section}:CertificatePath " +
                "and {Section}:CertificatePassword (or {Section}:CertificateThumbprint) to encrypt it; see the README.",
                KeyRingProtection.Section, KeyRingProtection.Section, KeyRingProtection.Section);
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
