using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Runtime.InteropServices;
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

    private readonly bool _deleteOnDispose;

    private ApiProcess(Process process, string dataDirectory, string baseUrl, bool deleteOnDispose)
    {
        _deleteOnDispose = deleteOnDispose;
        _process = process;
        DataDirectory = dataDirectory;
        BaseUrl = baseUrl;
    }

    /// <param name="dataDirectory">The data folder; a new one when null. Two processes on one folder are two instances over one database.</param>
    /// <param name="deleteOnDispose">Whether disposing deletes the folder (leave it to the instance that made it).</param>
    /// <param name="settings">Configuration on top of the defaults, as environment variables (e.g. Database__BusyTimeoutMs).</param>
    public static async Task<ApiProcess> StartAsync(string? dataDirectory = null, bool deleteOnDispose = true, IReadOnlyDictionary<string, string>? settings = null)
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
        foreach (var (name, value) in settings ?? new Dictionary<string, string>()) start.Environment[name] = value;
        var process = Process.Start(start)!;
        process.OutputDataReceived += (_, _) => { };
        process.ErrorDataReceived += (_, _) => { };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        var api = new ApiProcess(process, dataDirectory, $"http://127.0.0.1:{port}", deleteOnDispose);
        using var probe = new HttpClient();
        // Up to 90 s: a fresh process migrates and seeds its database first, which took over 30 s on this 2-core machine
        // while other builds ran (the readiness wait is not what any test measures).
        for (var i = 0; i < 450; i++)
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
        throw new TimeoutException("the API process did not become ready in 90 s");
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

    [DllImport("libc", SetLastError = true, EntryPoint = "kill")]
    private static extern int SendSignal(int pid, int signal);

    private const int SigTerm = 15;

    /// <summary>
    /// SIGTERM, as a service manager or container runtime stops the API: the host's graceful shutdown runs. Waits for
    /// the process to exit (at most <paramref name="timeout"/>, default 2 minutes) and returns its exit code.
    /// </summary>
    public async Task<int> TerminateAsync(TimeSpan? timeout = null)
    {
        if (!_process.HasExited && SendSignal(_process.Id, SigTerm) != 0)
            throw new InvalidOperationException($"kill(SIGTERM) failed: errno {Marshal.GetLastPInvokeError()}");
        using var wait = new CancellationTokenSource(timeout ?? TimeSpan.FromMinutes(2));
        await _process.WaitForExitAsync(wait.Token);
        return _process.ExitCode;
    }

    /// <summary>Whether the process has ended.</summary>
    public bool HasExited => _process.HasExited;

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
        if (_deleteOnDispose)
            try { Directory.Delete(DataDirectory, recursive: true); } catch (IOException) { }
    }
}
