using System.Security.Cryptography;
using BioCluster.Contracts.Access;

namespace BioCluster.Api.Features.Access;

/// <summary>
/// First run: makes sure an administrator exists. Its password comes from BIOCLUSTER_ADMIN_PASSWORD
/// (or Auth:BootstrapAdminPassword), or is generated and printed once. In Development only, also one
/// demo user per role. No password is built into the product.
/// </summary>
public sealed class AccessBootstrapper(UserStore users, IConfiguration configuration, IHostEnvironment environment, ILogger<AccessBootstrapper> logger)
{
    public const string DemoPassword = "BioCluster-Demo-2026!";

    public static readonly IReadOnlyList<(string Username, string DisplayName, Role Role, string? Agency)> DemoUsers =
    [
        ("demo-admin", "데모 관리자", Role.Admin, null),
        ("demo-secretariat", "데모 간사 (보건복지부)", Role.Secretariat, "mohw"),
        ("demo-ministry", "데모 부처 검토자 (식약처)", Role.MinistryReviewer, "mfds"),
        ("demo-operator", "데모 클러스터 운영기관 (오송)", Role.ClusterOperator, "kbiohealth"),
        ("demo-viewer", "데모 열람자", Role.Viewer, null),
    ];

    public async Task RunAsync(CancellationToken ct)
    {
        if (!await users.AnyAdminAsync(ct))
        {
            var configured = configuration["Auth:BootstrapAdminPassword"] ?? Environment.GetEnvironmentVariable("BIOCLUSTER_ADMIN_PASSWORD");
            var password = string.IsNullOrEmpty(configured) ? Generate() : configured;
            if (PasswordPolicy.Check(password, "admin") is { } problem)
                throw new InvalidOperationException($"BIOCLUSTER_ADMIN_PASSWORD is not acceptable: {problem}");
            if (await users.EnsureAsync("admin", "관리자 (Administrator)", Role.Admin, null, password, ct) && string.IsNullOrEmpty(configured))
            {
                // Shown once: afterwards an administrator exists and nothing is generated again.
                var banner = $"\n=== BioCluster first run: administrator 'admin' created with password: {password} ===\n"
                    + "=== Sign in and change it; it will not be shown again. ===\n";
                Console.WriteLine(banner);
                logger.LogWarning("Created the first administrator 'admin' with a generated password (printed on the console once)");
            }
        }

        if (environment.IsDevelopment() && configuration.GetValue("Auth:DemoUsers", true))
        {
            foreach (var (username, displayName, role, agency) in DemoUsers)
                await users.EnsureAsync(username, displayName, role, agency, DemoPassword, ct);
        }
    }

    private static string Generate() =>
        System.Buffers.Text.Base64Url.EncodeToString(RandomNumberGenerator.GetBytes(15)) + "-Aa1";
}
