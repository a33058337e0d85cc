using Microsoft.Extensions.Options;

namespace BioCluster.Api.Features.Notifications;

/// <summary>
/// One pass of the delivery worker: make due reminders and digests, give up deliveries interrupted after their
/// hand-over, then claim due deliveries and send each. Stateless: every instance may run it at the same time.
/// </summary>
public sealed class NotificationDispatcher(NotificationStore store, NotificationMailer mailer, IOptions<NotificationOptions> options,
    ILogger<NotificationDispatcher> logger)
{
    public sealed record PassReport(int Reminders, int Digests, int Sent, int Retried, int Failed);

    public async Task<PassReport> RunOnceAsync(CancellationToken ct)
    {
        var o = options.Value;
        var reminders = await store.ProduceRemindersAsync(ct);
        if (!o.EmailEnabled) return new PassReport(reminders, 0, 0, 0, 0);
        var digests = await store.ProduceDigestsAsync(ct);
        var failed = await store.AbandonInterruptedAsync(ct);
        int sent = 0, retried = 0;
        var lease = TimeSpan.FromSeconds(Math.Max(10, o.Worker.LeaseSeconds));
        while (!ct.IsCancellationRequested)
        {
            var claimed = await store.ClaimAsync(Math.Max(1, o.Worker.BatchSize), lease, ct);
            if (claimed.Count == 0) break;
            foreach (var d in claimed)
            {
                switch (await DeliverAsync(d, o, ct))
                {
                    case SendOutcome.Sent: sent++; break;
                    case SendOutcome.Retry: retried++; break;
                    case SendOutcome.Refused or SendOutcome.Uncertain: failed++; break;
                }
            }
        }
        return new PassReport(reminders, digests, sent, retried, failed);
    }

    private async Task<SendOutcome> DeliverAsync(NotificationStore.ClaimedDelivery d, NotificationOptions o, CancellationToken ct)
    {
        var backoff = TimeSpan.FromSeconds(Math.Max(1, o.Worker.BackoffSeconds));
        if (string.IsNullOrWhiteSpace(d.Email))
        {
            await store.RetryOrFailAsync(d, "the recipient has no e-mail address", final: true, o.Worker.MaxAttempts, backoff, ct);
            return SendOutcome.Refused;
        }
        var items = await store.ItemsAsync(d, ct);
        if (items.Count == 0)
        {
            await store.RetryOrFailAsync(d, "nothing to send", final: true, o.Worker.MaxAttempts, backoff, ct);
            return SendOutcome.Refused;
        }
        var message = mailer.Compose(d, items, d.Email);
        var (outcome, error) = await mailer.SendAsync(message, () => store.HandOverAsync(d, d.Email, ct), ct);
        switch (outcome)
        {
            case SendOutcome.Sent:
                await store.MarkSentAsync(d, CancellationToken.None);
                break;
            case SendOutcome.Retry or SendOutcome.Refused:
                logger.LogWarning("Notification delivery {Id} not sent (attempt {Attempt}): {Error}", d.Id, d.Attempts, error);
                await store.RetryOrFailAsync(d, error ?? "", final: outcome == SendOutcome.Refused, o.Worker.MaxAttempts, backoff, CancellationToken.None);
                break;
            case SendOutcome.Uncertain:
                logger.LogError("Notification delivery {Id} interrupted during the send; not sent again: {Error}", d.Id, error);
                await store.FailUncertainAsync(d, error ?? "", CancellationToken.None);
                break;
            case SendOutcome.LeaseLost:
                logger.LogWarning("Notification delivery {Id}: lease lost before sending; left to its new holder", d.Id);
                break;
        }
        return outcome;
    }
}

/// <summary>The hosted worker: a pass every <c>Notifications:Worker:PollSeconds</c>, on every instance that has it enabled.</summary>
public sealed class NotificationWorker(NotificationDispatcher dispatcher, IOptions<NotificationOptions> options, ILogger<NotificationWorker> logger)
    : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var o = options.Value;
        if (!o.Worker.Enabled) return;
        if (!o.EmailEnabled) logger.LogInformation("Notifications: no SMTP host configured; e-mail is off, in-app notifications and reminders run");
        var every = TimeSpan.FromSeconds(Math.Max(1, o.Worker.PollSeconds));
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await dispatcher.RunOnceAsync(stoppingToken);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                break;
            }
            catch (Exception e)
            {
                // A busy or unreachable database must not end the worker: the next pass tries again.
                logger.LogWarning(e, "Notification pass failed; trying again in {Seconds} s", every.TotalSeconds);
            }
            try { await Task.Delay(every, stoppingToken); } catch (OperationCanceledException) { break; }
        }
    }
}
