using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using BioCluster.Api.Features.Notifications;
using BioCluster.Api.Tests.Infrastructure;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace BioCluster.Api.Tests.Features.Notifications;

/// <summary>
/// A SQLite host that mails through a real SMTP server on loopback (<see cref="LoopbackSmtpServer"/>), with a clock the
/// test controls and the background worker off: tests run the worker's passes themselves
/// (<see cref="NotificationDispatcher.RunOnceAsync"/>), so what a pass did is what the test sees.
/// </summary>
public sealed class NotificationsFactory : SqliteApiFactory
{
    public LoopbackSmtpServer Smtp { get; } = new();

    /// <summary>2026-11-25 10:00 in Korea: past the default digest hour (8).</summary>
    public FakeTimeProvider Clock { get; } = new(new DateTimeOffset(2026, 11, 25, 1, 0, 0, TimeSpan.Zero));

    public const string From = "noreply@biocluster.test";

    public static IEnumerable<KeyValuePair<string, string?>> SmtpSettings(int port) =>
    [
        new("Notifications:Smtp:Host", "127.0.0.1"),
        new("Notifications:Smtp:Port", port.ToString(System.Globalization.CultureInfo.InvariantCulture)),
        new("Notifications:Smtp:Security", "None"),
        new("Notifications:Smtp:From", From),
        new("Notifications:Smtp:FromName", "바이오 클러스터 협의체"),
        new("Notifications:Smtp:TimeoutSeconds", "10"),
        new("Notifications:Worker:MaxAttempts", "3"),
        new("Notifications:Worker:BackoffSeconds", "60"),
        new("Notifications:Worker:LeaseSeconds", "60"),
        new("Notifications:DashboardUrl", "https://biocluster.test"),
    ];

    protected override IEnumerable<KeyValuePair<string, string?>> ExtraSettings() => SmtpSettings(Smtp.Port);

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.ConfigureTestServices(s => s.AddSingleton<TimeProvider>(Clock));
    }

    public Task<NotificationDispatcher.PassReport> PassAsync() => Services.GetRequiredService<NotificationDispatcher>().RunOnceAsync(CancellationToken.None);

    /// <summary>A new account of this role and agency, signed in, with its user id; with an address, its e-mail preferences saved.</summary>
    public async Task<Person> PersonAsync(string role, string? agency, string? email = null, string language = "ko", bool digest = false,
        string[]? emailKinds = null)
    {
        var client = await AsRole(role, agency);
        var id = (await client.GetFromJsonAsync<JsonElement>("/api/v1/auth/me")).GetProperty("id").GetInt64();
        if (email is not null)
        {
            var prefs = await client.GetAsync("/api/v1/notifications/preferences");
            var kinds = emailKinds ?? (await prefs.Read<JsonElement>()).GetProperty("emailKinds").EnumerateArray().Select(k => k.GetString()!).ToArray();
            var saved = await client.Send(HttpMethod.Put, "/api/v1/notifications/preferences",
                Http.Body(new { email, language, emailKinds = kinds, digest, digestHour = 8 }), prefs.ETag());
            Assert.Equal(HttpStatusCode.OK, saved.StatusCode);
        }
        return new Person(client, id, email);
    }

    protected override void Dispose(bool disposing)
    {
        base.Dispose(disposing);
        if (disposing) Smtp.DisposeAsync().AsTask().GetAwaiter().GetResult();
    }
}

public sealed record Person(HttpClient Client, long Id, string? Email);
