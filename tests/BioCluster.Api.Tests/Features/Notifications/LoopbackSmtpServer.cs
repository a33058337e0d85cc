using System.Buffers;
using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;
using MimeKit;
using SmtpServer;
using SmtpServer.Protocol;
using SmtpServer.Storage;

namespace BioCluster.Api.Tests.Features.Notifications;

/// <summary>
/// A real SMTP server on a free loopback port (the SmtpServer package), in the test process, keeping every message it
/// accepts — raw bytes and parsed — so a test can see exactly what went over the wire. <see cref="Refuse"/> makes it
/// answer the end of DATA with a permanent error instead.
/// </summary>
public sealed class LoopbackSmtpServer : IAsyncDisposable
{
    private readonly CancellationTokenSource _stop = new();
    private readonly Task _running;

    public LoopbackSmtpServer()
    {
        Port = FreePort();
        var options = new SmtpServerOptionsBuilder()
            .ServerName("localhost")
            .Endpoint(b => b.Endpoint(new IPEndPoint(IPAddress.Loopback, Port)))
            .Build();
        var services = new SmtpServer.ComponentModel.ServiceProvider();
        services.Add(new Store(this));
        _running = new SmtpServer.SmtpServer(options, services).StartAsync(_stop.Token);
    }

    public int Port { get; }

    public ConcurrentQueue<(MimeMessage Message, byte[] Raw)> Received { get; } = new();

    /// <summary>When true, every message is answered 554 (transaction failed) and kept nowhere.</summary>
    public bool Refuse { get; set; }

    public static int FreePort()
    {
        var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        return port;
    }

    private sealed class Store(LoopbackSmtpServer server) : MessageStore
    {
        public override Task<SmtpResponse> SaveAsync(ISessionContext context, IMessageTransaction transaction, ReadOnlySequence<byte> buffer,
            CancellationToken cancellationToken)
        {
            if (server.Refuse) return Task.FromResult(SmtpResponse.TransactionFailed);
            var raw = buffer.ToArray();
            server.Received.Enqueue((MimeMessage.Load(new MemoryStream(raw)), raw));
            return Task.FromResult(SmtpResponse.Ok);
        }
    }

    private int _disposed;

    public async ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref _disposed, 1) == 1) return;
        await _stop.CancelAsync();
        try { await _running; } catch (OperationCanceledException) { }
        _stop.Dispose();
    }
}
