using System.Text;
using BioCluster.Contracts.Notifications;
using BioCluster.Api.Infrastructure.Http;
using MailKit;
using MailKit.Net.Smtp;
using MailKit.Security;
using Microsoft.Extensions.Options;
using MimeKit;

namespace BioCluster.Api.Features.Notifications;

/// <summary>What became of one attempt to send.</summary>
public enum SendOutcome
{
    Sent,
    /// <summary>Not taken, may be tried again (server unreachable, a 4xx answer).</summary>
    Retry,
    /// <summary>Not taken, and trying again will not help (a 5xx answer: no such mailbox, refused).</summary>
    Refused,
    /// <summary>The connection broke while the message was being handed over: whether it was taken cannot be known.</summary>
    Uncertain,
    /// <summary>The lease was lost before anything went out: nothing sent, the row is another worker's now.</summary>
    LeaseLost,
}

/// <summary>
/// Writes notification e-mails (MimeKit) and hands them to the configured SMTP server (MailKit). Subjects and bodies
/// are UTF-8 (RFC 2047 encoded words in headers), in the recipient's language; each message's Message-Id names its
/// delivery, so one can be traced from the admin view to a mail log.
/// </summary>
public sealed class NotificationMailer(IOptions<NotificationOptions> options)
{
    private NotificationOptions Options => options.Value;

    public MimeMessage Compose(NotificationStore.ClaimedDelivery d, IReadOnlyList<NotificationStore.MessageItem> items, string address)
    {
        var english = d.Lang == "en";
        var smtp = Options.Smtp;
        var message = new MimeMessage();
        message.From.Add(new MailboxAddress(Encoding.UTF8, smtp.FromName, smtp.From));
        message.To.Add(MailboxAddress.Parse(address));
        var domain = smtp.From.Contains('@') ? smtp.From[(smtp.From.IndexOf('@') + 1)..] : "localhost";
        message.MessageId = $"delivery-{d.Id}@{domain}";
        message.Headers.Add("Auto-Submitted", "auto-generated");
        message.Headers.Add("X-BioCluster-Delivery", d.Id.ToString(System.Globalization.CultureInfo.InvariantCulture));

        var body = new StringBuilder();
        string subject;
        if (d.DigestDay is { } day)
        {
            var (digestSubject, opening) = NotificationText.Digest(items.Count, day, english);
            subject = digestSubject;
            body.AppendLine(opening).AppendLine();
            foreach (var item in items)
            {
                var (m, link) = Render(item, english);
                body.Append("• ").AppendLine(m.Title).Append("  ").AppendLine(m.Body);
                if (link is not null) body.Append("  ").AppendLine(link);
            }
        }
        else
        {
            var (m, link) = Render(items[0], english);
            subject = $"[BioCluster] {m.Title}";
            body.AppendLine(m.Body);
            if (link is not null) body.AppendLine().AppendLine(link);
        }
        body.AppendLine().AppendLine("—").AppendLine(NotificationText.Footer(english));
        message.Headers.Replace(HeaderId.Subject, Encoding.UTF8, subject);
        var text = new TextPart("plain");
        text.SetText(Encoding.UTF8, body.ToString());
        message.Body = text;
        return message;
    }

    private (NotificationText.Message Message, string? Link) Render(NotificationStore.MessageItem item, bool english)
    {
        var kind = WireNames.Parse<NotificationKind>(item.Kind);
        var subject = WireNames.Parse<NotificationSubject>(item.SubjectType);
        var message = NotificationText.Render(kind, NotificationStore.Params(item.ParamsJson), english);
        var link = string.IsNullOrWhiteSpace(Options.DashboardUrl) ? null : Options.DashboardUrl.TrimEnd('/') + NotificationText.Link(subject, item.SubjectId);
        return (message, link);
    }

    /// <summary>
    /// Connects and signs in (a failure here sent nothing: retry), then calls <paramref name="handOver"/> — which records
    /// the hand-over and may say the lease is gone — and only then sends. After the hand-over, a server's answer of
    /// refusal still means not sent; any other failure leaves it unknown.
    /// </summary>
    public async Task<(SendOutcome Outcome, string? Error)> SendAsync(MimeMessage message, Func<Task<bool>> handOver, CancellationToken ct)
    {
        var smtp = Options.Smtp;
        using var client = new SmtpClient { Timeout = Math.Max(1, smtp.TimeoutSeconds) * 1000 };
        try
        {
            var security = Enum.TryParse<SecureSocketOptions>(smtp.Security, ignoreCase: true, out var s) ? s : SecureSocketOptions.StartTlsWhenAvailable;
            await client.ConnectAsync(smtp.Host!, smtp.Port, security, ct);
            if (!string.IsNullOrEmpty(smtp.Username)) await client.AuthenticateAsync(smtp.Username, smtp.Password ?? "", ct);
        }
        catch (Exception e) when (e is not OperationCanceledException || !ct.IsCancellationRequested)
        {
            return (SendOutcome.Retry, $"connect: {e.GetType().Name}: {e.Message}");
        }

        if (!await handOver()) return (SendOutcome.LeaseLost, null);
        try
        {
            // Not the caller's token: once handed over, the send is finished or broken, never abandoned half-way by a shutdown.
            await client.SendAsync(message, CancellationToken.None);
        }
        catch (SmtpCommandException e)
        {
            // The server answered, and the answer was no: the message was not taken.
            var code = (int)e.StatusCode;
            return (code >= 500 ? SendOutcome.Refused : SendOutcome.Retry, $"smtp {code}: {e.Message}");
        }
        catch (Exception e)
        {
            return (SendOutcome.Uncertain, $"{e.GetType().Name}: {e.Message}");
        }
        try { await client.DisconnectAsync(quit: true, CancellationToken.None); } catch (Exception e) when (e is IOException or ServiceNotConnectedException or SmtpProtocolException) { }
        return (SendOutcome.Sent, null);
    }
}
