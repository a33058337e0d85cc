namespace BioCluster.Api.Infrastructure.Http;

/// <summary>
/// SIGTERM (or Ctrl+C): the host stops taking connections and gives the running requests <c>Api:ShutdownSeconds</c>
/// (default 30) to finish. A request still running shortly before that time is up is cancelled here, so that it rolls
/// back (an import's transaction, its Idempotency-Key claim) while the process is still there to do it, instead of
/// being cut off by the host at the deadline with its key left claimed. A request that arrives while the API is
/// stopping is turned away with 503 and Retry-After, and its connection closed, so a load balancer retries elsewhere.
/// </summary>
public static class GracefulShutdown
{
    public const int DefaultSeconds = 30;

    public static TimeSpan TimeoutOf(IConfiguration configuration) =>
        TimeSpan.FromSeconds(Math.Clamp(configuration.GetValue("Api:ShutdownSeconds", DefaultSeconds), 1, 3600));

    /// <summary>
    /// When, after the stop signal, the running requests are cancelled: a fifth of the timeout (at most 5 s) before its
    /// end, time enough for a rollback and the key's release before the host gives up on them.
    /// </summary>
    public static TimeSpan CancelAfter(TimeSpan timeout) => timeout - TimeSpan.FromTicks(Math.Min(timeout.Ticks / 5, TimeSpan.FromSeconds(5).Ticks));

    public static IServiceCollection AddBioClusterShutdown(this IServiceCollection services, IConfiguration configuration)
    {
        services.Configure<HostOptions>(o => o.ShutdownTimeout = TimeoutOf(configuration));
        services.AddSingleton<ShutdownDeadline>();
        return services;
    }

    public static IApplicationBuilder UseBioClusterShutdown(this IApplicationBuilder app)
    {
        var lifetime = app.ApplicationServices.GetRequiredService<IHostApplicationLifetime>();
        var deadline = app.ApplicationServices.GetRequiredService<ShutdownDeadline>();
        return app.Use(async (http, next) =>
        {
            if (lifetime.ApplicationStopping.IsCancellationRequested)
            {
                await Refuse(http);
                return;
            }
            var aborted = http.RequestAborted;
            using var linked = CancellationTokenSource.CreateLinkedTokenSource(aborted, deadline.Token);
            http.RequestAborted = linked.Token;
            try
            {
                await next(http);
            }
            catch (OperationCanceledException) when (deadline.Token.IsCancellationRequested && !aborted.IsCancellationRequested)
            {
                // Cancelled by the shutdown, not by the caller: the work rolled back, so say so if the answer has not begun.
                if (!http.Response.HasStarted) await Refuse(http);
            }
            finally
            {
                http.RequestAborted = aborted;
            }
        });
    }

    private static async Task Refuse(HttpContext http)
    {
        http.Response.Clear();
        http.Response.StatusCode = StatusCodes.Status503ServiceUnavailable;
        http.Response.Headers.RetryAfter = "5";
        http.Response.Headers.Connection = "close";
        await TypedResults.Problem(statusCode: StatusCodes.Status503ServiceUnavailable, title: "Service Unavailable",
            detail: Text.Of("서버가 종료되는 중이라 요청을 처리하지 않았습니다. 잠시 후 다시 보내 주세요.",
                "The server is shutting down and did not process the request; send it again shortly.")).ExecuteAsync(http);
    }
}

/// <summary>Cancelled <see cref="GracefulShutdown.CancelAfter"/> the stop signal: the running requests' last call to wrap up.</summary>
public sealed class ShutdownDeadline : IDisposable
{
    private readonly CancellationTokenSource _source = new();
    private readonly CancellationTokenRegistration _registration;

    public ShutdownDeadline(IHostApplicationLifetime lifetime, IConfiguration configuration)
    {
        var after = GracefulShutdown.CancelAfter(GracefulShutdown.TimeoutOf(configuration));
        _registration = lifetime.ApplicationStopping.Register(() => _source.CancelAfter(after));
    }

    public CancellationToken Token => _source.Token;

    public void Dispose()
    {
        _registration.Dispose();
        _source.Dispose();
    }
}
