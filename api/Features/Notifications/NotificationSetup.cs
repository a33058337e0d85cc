namespace BioCluster.Api.Features.Notifications;

public static class NotificationSetup
{
    /// <summary>The store (outbox, bell, preferences, deliveries), the mailer, and the delivery worker of this instance.</summary>
    public static IServiceCollection AddNotifications(this IServiceCollection services, IConfiguration configuration)
    {
        services.Configure<NotificationOptions>(configuration.GetSection(NotificationOptions.Section));
        services.AddSingleton<NotificationStore>();
        services.AddSingleton<NotificationMailer>();
        services.AddSingleton<NotificationDispatcher>();
        services.AddHostedService<NotificationWorker>();
        return services;
    }
}
