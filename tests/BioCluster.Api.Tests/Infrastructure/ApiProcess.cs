using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Text.Json;

namespace BioCluster.Api.Tests.Infrastructure;

/// <summary>
/// The API as a real operating-system process on a real port and its own SQLite file, for what the
/// in-process host cannot show: a process killed mid-request, or scripts that call it with curl.
/// </summary>
public sealed class ApiProcess : IAsyncDisposable
{
    public const string AdminPassword = "Process-Root-Passw0rd-1!";

    private readonly Process _process;
    public string DataDirectory { get; }
    public string BaseUrl { get; }
    public string DatabaseFile => Path.Combine(DataDirectory, "biocluster.db");

    private ApiProcess(Process process, string dataDirectory, string baseUrl)
    {
        _process = process;
        DataDirectory = dataDirectory;
        BaseUrl = baseUrl;
    }

    /// <param name="dataDirectory">Where its SQLite file goes (a new temporary folder by default).</param>
    /// <param name="environment">Environment variables set after the defaults, so they win (e.g. <c>Auth__SecureCookies</c>).</param>
    public static async Task<ApiProcess> StartAsync(string? dataDirectory = null, IReadOnlyDictionary<string, string>? environment = null)
    {
        dataDirectory ??= Path.Combine(Path.GetTempPath(), "biocluster-process-tests", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(dataDirectory);
        var port = FreePort();
        var start = new ProcessStartInfo("dotnet", [Path.Combine(AppContext.BaseDirectory, "BioCluster.Api.dll"), "--urls", $"http://127.0.0.1:{port}"])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            WorkingDirectory = AppContext.BaseDirectory,
        };
        start.Environment["ASPNETCORE_ENVIRONMENT"] = "Production";
        start.Environment["Database__DataDirectory"] = dataDirectory;
        start.Environment["Web__Root"] = BuiltDashboard.Root; // API and dashboard on one port, as scripts/run.sh serves them
        start.Environment["Auth__SecureCookies"] = "false";
        start.Environment["BIOCLUSTER_ADMIN_PASSWORD"] = AdminPassword;
        start.Environment["Logging__LogLevel__Default"] = "Warning";
        foreach (var (name, value) in environment ?? new Dictionary<string, string>()) start.Environment[name] = value;
        var process = Process.Start(start)!;
        process.OutputDataReceived += (_, _) => { };
        process.ErrorDataReceived += (_, _) => { };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        var api = new ApiProcess(process, dataDirectory, $"http://127.0.0.1:{port}");
        using var probe = new HttpClient();
        for (var i = 0; i < 150; i++)
        {
            if (process.HasExited) throw new InvalidOperationException($"the API process exited with {process.ExitCode}");
            try
            {
                if ((await probe.GetAsync($"{api.BaseUrl}/health/ready")).IsSuccessStatusCode) return api;
            }
            catch (HttpRequestException)
            {
            }
            await Task.Delay(200);
        }
        await api.DisposeAsync();
        throw new TimeoutException("the API process did not become ready in 30 s");
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    /// <summary>A new API key of <paramref name="agencyCode"/>, made by the administrator through the API.</summary>
    public async Task<string> NewKeyAsync(string agencyCode, params string[] scopes)
    {
        using var admin = new HttpClient(new HttpClientHandler { CookieContainer = new CookieContainer() }) { BaseAddress = new Uri(BaseUrl) };
        (await admin.PostAsync("/api/v1/auth/login", Http.Body(new { username = "admin", password = AdminPassword }))).EnsureSuccessStatusCode();
        var token = JsonDocument.Parse(await admin.GetStringAsync("/api/v1/auth/antiforgery")).RootElement;
        admin.DefaultRequestHeaders.Add(token.GetProperty("headerName").GetString()!, token.GetProperty("token").GetString());
        var created = await admin.PostAsync("/api/v1/api-keys", Http.Body(new { agencyCode, name = "process test", scopes }));
        created.EnsureSuccessStatusCode();
        return JsonDocument.Parse(await created.Content.ReadAsStringAsync()).RootElement.GetProperty("secret").GetString()!;
    }

    /// <summary>SIGKILL: no shutdown, no flush, no rollback by the process itself.</summary>
    public void Kill()
    {
        if (!_process.HasExited) _process.Kill(entireProcessTree: true);
        _process.WaitForExit();
    }

    public async ValueTask DisposeAsync()
    {
        Kill();
        _process.Dispose();
        await Task.Delay(50);
        try { Directory.Delete(DataDirectory, recursive: true); } catch (IOException) { }
    }
}
