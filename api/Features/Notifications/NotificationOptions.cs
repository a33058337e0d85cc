namespace BioCluster.Api.Features.Notifications;

/// <summary>
/// <c>Notifications:*</c> settings. E-mail is off while <c>Notifications:Smtp:Host</c> is empty: the bell still works,
/// and no delivery is queued (so none piles up to go out all at once when a host is set later).
/// </summary>
public sealed class NotificationOptions
{
    public const string Section = "Notifications";

    public SmtpOptions Smtp { get; set; } = new();
    public WorkerOptions Worker { get; set; } = new();

    /// <summary>The dashboard's public address, for links in e-mails (e.g. https://biocluster.example.kr); none when empty.</summary>
    public string? DashboardUrl { get; set; }

    public bool EmailEnabled => !string.IsNullOrWhiteSpace(Smtp.Host);

    public sealed class SmtpOptions
    {
        public string? Host { get; set; }
        public int Port { get; set; } = 587;
        /// <summary>None, Auto, StartTls, StartTlsWhenAvailable or SslOnConnect (MailKit's SecureSocketOptions).</summary>
        public string Security { get; set; } = "StartTlsWhenAvailable";
        public string? Username { get; set; }
        public string? Password { get; set; }
        public string From { get; set; } = "biocluster@localhost";
        public string FromName { get; set; } = "BioCluster";
        /// <summary>How long one SMTP operation may take before it is given up.</summary>
        public int TimeoutSeconds { get; set; } = 30;
    }

    public sealed class WorkerOptions
    {
        /// <summary>Whether this instance runs the delivery worker (any number of instances may).</summary>
        public bool Enabled { get; set; } = true;
        public int PollSeconds { get; set; } = 15;
        /// <summary>How long a claimed delivery is this worker's; longer than a send can take (SMTP time-outs included).</summary>
        public int LeaseSeconds { get; set; } = 120;
        public int MaxAttempts { get; set; } = 5;
        /// <summary>The wait before the second attempt; doubled before each later one.</summary>
        public int BackoffSeconds { get; set; } = 60;
        /// <summary>How many deliveries one pass claims at most.</summary>
        public int BatchSize { get; set; } = 20;
    }
}
