using System.Buffers;
using System.Text;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace BioCluster.Api.Infrastructure.Http;

/// <summary>
/// Every log message is written with its line breaks and other control characters escaped (<c>\r</c>, <c>\n</c>,
/// <c>\u0000</c>…). Request paths (decoded: <c>%0D%0A</c> arrives as a real line break), query values, usernames, file
/// names and header values reach log lines through our own calls and through the framework's (the request log,
/// authentication failures); without this a caller could write a line that reads as an entry of its own. Done once,
/// in the logger factory, so no call site (ours or the framework's) can forget it. Exceptions keep their stack
/// traces, which are written apart from the message.
/// </summary>
public static class LogSafety
{
    public static IServiceCollection AddBioClusterLogSafety(this IServiceCollection services)
    {
        services.Replace(ServiceDescriptor.Singleton<ILoggerFactory>(sp => new EscapingLoggerFactory(ActivatorUtilities.CreateInstance<LoggerFactory>(sp))));
        return services;
    }

    private static readonly SearchValues<char> Unsafe = SearchValues.Create(
        Enumerable.Range(0, 32).Where(c => c != '\t').Select(c => (char)c).Concat(['\u007f', '\u0085', '\u2028', '\u2029']).ToArray());

    /// <summary>The text with every character that could end or disturb a log line escaped; the same string when there is none.</summary>
    public static string Escape(string text)
    {
        var first = text.AsSpan().IndexOfAny(Unsafe);
        if (first < 0) return text;
        var escaped = new StringBuilder(text.Length + 16).Append(text, 0, first);
        foreach (var c in text.AsSpan(first))
        {
            if (!Unsafe.Contains(c)) escaped.Append(c);
            else if (c == '\r') escaped.Append("\\r");
            else if (c == '\n') escaped.Append("\\n");
            else escaped.Append("\\u").Append(((int)c).ToString("x4"));
        }
        return escaped.ToString();
    }

    private sealed class EscapingLoggerFactory(ILoggerFactory inner) : ILoggerFactory
    {
        public ILogger CreateLogger(string categoryName) => new EscapingLogger(inner.CreateLogger(categoryName));
        public void AddProvider(ILoggerProvider provider) => inner.AddProvider(provider);
        public void Dispose() => inner.Dispose();
    }

    private sealed class EscapingLogger(ILogger inner) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state) where TState : notnull => inner.BeginScope(state);
        public bool IsEnabled(LogLevel logLevel) => inner.IsEnabled(logLevel);

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter) =>
            inner.Log(logLevel, eventId, state, exception, (s, e) => Escape(formatter(s, e)));
    }
}
