using System.Collections.Concurrent;
using BioCluster.Api.Infrastructure.Http;
using BioCluster.Api.Tests.Infrastructure;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace BioCluster.Api.Tests.Features.Access;

/// <summary>
/// Values a caller chooses (paths, query values, usernames, header values) reach log lines; a line break in one must not
/// start a line of its own. Every message the API logs, the framework's request log included, is captured here.
/// </summary>
public sealed class LogInjectionTests : IClassFixture<LogInjectionTests.CapturingFactory>
{
    private readonly CapturingFactory _factory;

    public LogInjectionTests(CapturingFactory factory) => _factory = factory;

    public sealed class CapturingFactory : SqliteApiFactory
    {
        public ConcurrentQueue<string> Messages { get; } = new();

        protected override IEnumerable<KeyValuePair<string, string?>> ExtraSettings() =>
        [
            new("Logging:LogLevel:Default", "Debug"),
            new("Logging:LogLevel:Microsoft.AspNetCore", "Debug"),
        ];

        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            base.ConfigureWebHost(builder);
            builder.ConfigureServices(s => s.AddSingleton<ILoggerProvider>(new CapturingProvider(Messages)));
        }
    }

    private sealed class CapturingProvider(ConcurrentQueue<string> messages) : ILoggerProvider
    {
        public ILogger CreateLogger(string categoryName) => new Capturing(messages);
        public void Dispose() { }

        private sealed class Capturing(ConcurrentQueue<string> messages) : ILogger
        {
            public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;
            public bool IsEnabled(LogLevel logLevel) => true;
            public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter) =>
                messages.Enqueue(formatter(state, exception));
        }
    }

    [Fact]
    public async Task LineBreaksInPathsQueriesUsernamesAndHeaders_NeverStartALogLineOfTheirOwn()
    {
        const string Forged = "FORGED-ENTRY info: Microsoft.AspNetCore.Hosting admin signed in";
        var client = _factory.Anonymous();
        await client.GetAsync("/api/v1/clusters/by-code/x%0D%0A" + Uri.EscapeDataString(Forged));
        await client.GetAsync("/api/v1/clusters?q=a%0D%0A" + Uri.EscapeDataString(Forged));
        await client.PostAsync("/api/v1/auth/login", Http.Body(new { username = "x\r\n" + Forged, password = "Whatever-123456" }));
        var header = new HttpRequestMessage(HttpMethod.Get, "/api/v1/clusters");
        header.Headers.TryAddWithoutValidation("X-Api-Key", "bck_\u0085" + Forged);
        await client.SendAsync(header);

        var messages = _factory.Messages.ToArray();
        Assert.Contains(messages, m => m.Contains("FORGED-ENTRY", StringComparison.Ordinal)); // the values did reach the log
        Assert.All(messages, m => Assert.DoesNotMatch("[\\r\\n\\u0085\\u2028\\u2029]", m));
        Assert.Contains(messages, m => m.Contains("x\\r\\nFORGED-ENTRY", StringComparison.Ordinal)); // escaped, still readable
    }

    [Theory]
    [InlineData("plain 한국어 text", "plain 한국어 text")]
    [InlineData("a\r\nb", "a\\r\\nb")]
    [InlineData("a\nb\rc", "a\\nb\\rc")]
    [InlineData("nul\0bell\a", "nul\\u0000bell\\u0007")]
    [InlineData("tab\tstays", "tab\tstays")]
    [InlineData("nel\u0085ls\u2028ps\u2029", "nel\\u0085ls\\u2028ps\\u2029")]
    public void Escape_WritesControlCharactersAsEscapes(string text, string expected) =>
        Assert.Equal(expected, LogSafety.Escape(text));
}
