using BioCluster.Api.Features.Imports;
using System.Text.Json;
using System.Text.Json.Serialization;
using BioCluster.Api.Features.Access;
using BioCluster.Api.Features.Actors;
using BioCluster.Api.Features.SiteProjects;
using BioCluster.Api.Features.Agencies;
using BioCluster.Api.Features.Audit;
using BioCluster.Api.Features.Calendar;
using BioCluster.Api.Features.ClusterIndicators;
using BioCluster.Api.Features.ClusterProfile;
using BioCluster.Api.Features.Clusters;
using BioCluster.Api.Features.Documents;
using BioCluster.Api.Features.Health;
using BioCluster.Api.Features.Holidays;
using BioCluster.Api.Features.SavedViews;
using BioCluster.Api.Features.ReferenceData;
using BioCluster.Api.Features.Home;
using BioCluster.Api.Features.Meetings;
using BioCluster.Api.Features.PolicyRecommendations;
using BioCluster.Api.Features.CollaborationProjects;
using BioCluster.Api.Features.Notifications;
using BioCluster.Api.Features.OpenData;
using BioCluster.Api.Features.RegulatoryIssues;
using BioCluster.Api.Infrastructure.Clock;
using BioCluster.Api.Features.Search;
using BioCluster.Api.Infrastructure.Data;
using BioCluster.Api.Infrastructure.Http;
using BioCluster.Api.Infrastructure.OpenApi;
using FluentValidation;

var builder = WebApplication.CreateBuilder(args);

builder.Services.AddBioClusterLogSafety();
builder.Services.Configure<DatabaseOptions>(builder.Configuration.GetSection(DatabaseOptions.Section));
// The system's clock; in Development/Testing a configured offset may move it (Infrastructure/Clock, ADR 0015).
builder.Services.AddBioClusterClock(builder.Configuration, builder.Environment);
builder.Services.AddSingleton<DbConnectionFactory>();
builder.Services.AddSingleton<Migrator>();
builder.Services.AddSingleton<ReferenceSeeder>();
builder.Services.AddHostedService<DatabaseInitializer>();
builder.Services.AddSingleton<AuditStore>();
builder.Services.AddNotifications(builder.Configuration);
builder.Services.AddSingleton<UserStore>();
builder.Services.AddSingleton<ApiKeyStore>();
builder.Services.AddSingleton<AccessBootstrapper>();
builder.Services.AddSingleton<ClusterStore>();
builder.Services.AddSingleton<AgencyStore>();
builder.Services.AddSingleton<ImportStore>();
builder.Services.AddImports(builder.Configuration);
builder.Services.AddSingleton<ClusterIndicatorStore>();
builder.Services.AddSingleton<RegulatoryIssueStore>();
builder.Services.AddSingleton<CouncilStore>();
builder.Services.AddSingleton<MeetingStore>();
builder.Services.AddSingleton<FollowUpStore>();
builder.Services.AddSingleton<PolicyRecommendationStore>();
builder.Services.AddDocuments(builder.Configuration);
builder.Services.AddSingleton<CalendarFeedStore>();
builder.Services.AddSingleton<SearchStore>();
builder.Services.AddSingleton<SearchIndexer>();
builder.Services.AddHostedService(sp => sp.GetRequiredService<SearchIndexer>());
builder.Services.AddSingleton<HolidayStore>();
builder.Services.AddSingleton<SavedViewStore>();
builder.Services.AddSingleton<HomeStore>();
builder.Services.AddSingleton<ActorStore>();
builder.Services.AddSingleton<SiteProjectStore>();
builder.Services.AddSingleton<CollaborationProjectStore>();
builder.Services.AddSingleton<ClusterTimelineStore>();
builder.Services.AddSingleton<IndicatorComparisonStore>();
builder.Services.AddSingleton<OpenDataStore>();
DapperSetup.Configure();

builder.Services.ConfigureHttpJsonOptions(o => JsonSetup.Configure(o.SerializerOptions,
    fastWriters: builder.Configuration.GetValue("Database:FastReads", true)));
ValidatorOptions.Global.PropertyNameResolver = (_, member, _) =>
    member is null ? null : JsonNamingPolicy.CamelCase.ConvertName(member.Name);
// A message names the field as the dashboard does, in the request's language (resolved when a request is checked).
ValidatorOptions.Global.DisplayNameResolver = (_, member, _) =>
    member is null ? null : FieldLabels.Of(JsonNamingPolicy.CamelCase.ConvertName(member.Name));
// One message per field: the first check it fails (an empty title is "required", not also "too short").
ValidatorOptions.Global.DefaultRuleLevelCascadeMode = CascadeMode.Stop;
// Validators are stateless; made once, not per request (building one compiles its rules: too dear for every list page).
builder.Services.AddValidatorsFromAssemblyContaining<Program>(ServiceLifetime.Singleton, includeInternalTypes: true);
builder.Services.AddBioClusterLocalization();
builder.Services.AddBioClusterProblemDetails();
builder.Services.AddBioClusterCors(builder.Configuration);
builder.Services.AddBioClusterAuth(builder.Configuration, builder.Environment);
builder.Services.AddBioClusterRateLimits(builder.Configuration);
builder.Services.AddBioClusterForwardedHeaders(builder.Configuration);
builder.Services.AddBioClusterOpenApi();
builder.Services.AddBioClusterShutdown(builder.Configuration);
builder.WebHost.ConfigureKestrel(k => k.Limits.MaxRequestBodySize = RequestSizeLimit.MaxBytes(builder.Configuration));

var app = builder.Build();

if (args.Contains("migrate"))
{
    // The explicit migration step for SQL Server (and SQLite on request): migrate, seed, exit.
    await DatabaseInitializer.MigrateAndSeedAsync(
        app.Services.GetRequiredService<DbConnectionFactory>(),
        app.Services.GetRequiredService<Migrator>(),
        app.Services.GetRequiredService<ReferenceSeeder>(),
        app.Services.GetRequiredService<AccessBootstrapper>(),
        CancellationToken.None);
    app.Logger.LogInformation("Database migrated and seeded");
    return;
}

app.UseBioClusterForwardedHeaders();
// First, so every answer — problems written by the exception handler and status pages included — is in the caller's language.
app.UseBioClusterLocalization();
app.UseExceptionHandler();
// Inside the exception handler, so a request the shutdown cancelled answers 503, not 500.
app.UseBioClusterShutdown();
app.UseStatusCodePages();
app.UseSecurityHeaders();
app.UseRequestSizeLimit();
app.UseCors();
// The dashboard's own files (shell, scripts, config.js) are public; the API behind them is not.
app.UseDashboard();
app.UseSwagger();
app.UseSwaggerUI(o => o.DocumentTitle = "BioCluster API");
app.UseAuthentication();
app.UseRateLimiter();
app.UseAuthorization();
app.UseCookieAntiforgery();

app.MapHealth();
app.MapAuth();
app.MapUsers();
app.MapApiKeys();
app.MapAudit();
app.MapClusters();
app.MapAgencies();
app.MapClusterIndicators();
app.MapRegulatoryIssues();
app.MapImports();
app.MapMeetings();
app.MapMinutes();
app.MapDocuments();
app.MapCalendarFeeds();
app.MapSearch();
app.MapNotifications();
app.MapHolidays();
app.MapSavedViews();
app.MapHome();
app.MapActors();
app.MapSiteProjects();
app.MapClusterProfile();
app.MapPolicyRecommendations();
app.MapOpenData();
app.MapCollaborationProjects();

app.Run();

/// <summary>The entry point, visible to the test host.</summary>
public partial class Program;
