namespace BioCluster.Api.Infrastructure.Clock;

/// <summary>
/// The API's one clock. Normally the system's; in Development and Testing only, <c>Testing:ClockOffset</c> (a TimeSpan,
/// e.g. <c>60.00:00:00</c>) moves it, so that a browser test can see what a later day shows (a follow-up overdue)
/// against a real API process. Everything that reads "now" asks this TimeProvider, so the offset is seen everywhere at once.
/// In any other environment a configured offset stops the start-up: a shifted clock in production would make deadlines,
/// sessions and audit times lie (ADR 0015).
/// </summary>
public static class ClockSetup
{
    public const string OffsetKey = "Testing:ClockOffset";

    /// <summary>The environments that may run on a moved clock; none of them holds real records.</summary>
    public static readonly IReadOnlyList<string> OffsetEnvironments = ["Development", "Testing"];

    /// <summary>The clock for this configuration and environment; throws when an offset is set where it may not be.</summary>
    public static TimeProvider Create(IConfiguration configuration, IHostEnvironment environment, TimeProvider? system = null)
    {
        system ??= TimeProvider.System;
        var raw = configuration[OffsetKey];
        if (string.IsNullOrWhiteSpace(raw)) return system;
        if (!OffsetEnvironments.Contains(environment.EnvironmentName, StringComparer.OrdinalIgnoreCase))
            throw new InvalidOperationException(
                $"{OffsetKey} is set, but the environment is '{environment.EnvironmentName}': a moved clock is only for " +
                $"{string.Join(" and ", OffsetEnvironments)}. Remove the setting.");
        if (!TimeSpan.TryParse(raw, System.Globalization.CultureInfo.InvariantCulture, out var offset))
            throw new InvalidOperationException($"{OffsetKey} '{raw}' is not a time span (days.hh:mm:ss, e.g. 60.00:00:00).");
        return offset == TimeSpan.Zero ? system : new OffsetTimeProvider(system, offset);
    }

    public static IServiceCollection AddBioClusterClock(this IServiceCollection services, IConfiguration configuration, IHostEnvironment environment)
    {
        var clock = Create(configuration, environment);
        services.AddSingleton(clock);
        if (clock is OffsetTimeProvider) services.AddHostedService<ClockOffsetWarning>();
        return services;
    }
}

/// <summary>The system's clock, moved by a fixed offset; timers and time zones are the system's.</summary>
public sealed class OffsetTimeProvider(TimeProvider inner, TimeSpan offset) : TimeProvider
{
    public TimeSpan Offset { get; } = offset;
    public override DateTimeOffset GetUtcNow() => inner.GetUtcNow() + Offset;
    public override TimeZoneInfo LocalTimeZone => inner.LocalTimeZone;
    public override long GetTimestamp() => inner.GetTimestamp();
    public override long TimestampFrequency => inner.TimestampFrequency;
    public override ITimer CreateTimer(TimerCallback callback, object? state, TimeSpan dueTime, TimeSpan period) =>
        inner.CreateTimer(callback, state, dueTime, period);
}

/// <summary>Says at start-up, loudly, that this process does not run on today's date.</summary>
internal sealed class ClockOffsetWarning(TimeProvider clock, IHostEnvironment environment, ILogger<ClockOffsetWarning> logger) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken)
    {
        if (clock is OffsetTimeProvider moved)
            logger.LogWarning(
                "CLOCK MOVED: {Key} = {Offset} ({Environment}). This process believes it is {Now:u}, not today; every deadline, " +
                "session and audit time it writes follows that clock. For tests only.",
                ClockSetup.OffsetKey, moved.Offset, environment.EnvironmentName, moved.GetUtcNow());
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
