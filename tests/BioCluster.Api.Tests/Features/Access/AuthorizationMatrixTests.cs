using System.Net;
using BioCluster.Api.Tests.Infrastructure;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Xunit.Abstractions;

namespace BioCluster.Api.Tests.Features.Access;

/// <summary>
/// Every endpoint × every role and key scope → allowed or denied, as the access issue specifies. The
/// expectations are written out here, independently of the API's own permission table.
/// </summary>
public sealed class AuthorizationMatrixTests(SqliteApiFactory factory, ITestOutputHelper output) : IClassFixture<SqliteApiFactory>
{
    /// <summary>The short, named list of endpoints anyone may call.</summary>
    private static readonly string[] Anonymous = ["GET /health/live", "GET /health/ready", "POST /api/v1/auth/login", "GET /api/v1/calendar/{token}.ics",
        // The open data (ADR 0027): public by design, answering 404 while OpenData:Enabled is off.
        "GET /api/open/v1", "GET /api/open/v1/meetings", "GET /api/open/v1/meetings/{id:long}",
        "GET /api/open/v1/recommendations", "GET /api/open/v1/recommendations/{id:long}", "GET /api/open/v1/improvements", "GET /api/open/v1/improvements/{id:long}",
        "GET /api/open/v1/cluster-figures", "GET /api/open/v1/cluster-figures/{id:long}"];

    private const string Admin = "admin", Secretariat = "secretariat", Ministry = "ministry_reviewer", Operator = "cluster_operator", Viewer = "viewer";
    private const string MohwRead = "key:mohw:read", MohwWrite = "key:mohw:write", MohwImport = "key:mohw:import";
    private const string KbioRead = "key:kbiohealth:read", KbioWrite = "key:kbiohealth:write";

    private static readonly string[] Everyone = [Admin, Secretariat, Ministry, Operator, Viewer, MohwRead, MohwWrite, MohwImport, KbioRead, KbioWrite];
    private static readonly string[] People = [Admin, Secretariat, Ministry, Operator, Viewer];
    private static readonly string[] Readers = [Admin, Secretariat, Ministry, Operator, Viewer, MohwRead, KbioRead];
    private static readonly string[] RegistryWriters = [Admin, Secretariat, MohwWrite];
    private static readonly string[] ClusterEditors = [Admin, Secretariat, Operator, MohwWrite, KbioWrite];
    private static readonly string[] AdminsOnly = [Admin];
    private static readonly string[] KeyReaders = [Admin, Ministry, Operator, KbioRead];
    private static readonly string[] AuditReaders = [Admin, Secretariat, MohwRead];
    private static readonly string[] IssueRaisers = [Admin, Secretariat, Operator, MohwWrite, KbioWrite];
    private static readonly string[] IssueMovers = [Admin, Secretariat, Ministry, Operator, MohwWrite, KbioWrite];
    private static readonly string[] Importers = [Admin, Secretariat, MohwImport];
    private static readonly string[] CouncilManagers = [Admin, Secretariat, MohwWrite];
    private static readonly string[] FollowUpReporters = [Admin, Secretariat, Ministry, Operator, MohwWrite, KbioWrite];
    private static readonly string[] IssueCommenters = [Admin, Secretariat, Ministry, Operator, Viewer, MohwWrite, KbioWrite];
    private static readonly string[] DocumentWriters = [Admin, Secretariat, Ministry, Operator, MohwWrite, KbioWrite];
    private static readonly string[] HolidayKeepers = [Admin, Secretariat, MohwWrite];
    private static readonly string[] RecommendationRaisers = [Admin, Secretariat, Operator, MohwWrite, KbioWrite];
    private static readonly string[] RecommendationMovers = [Admin, Secretariat, Ministry, Operator, MohwWrite, KbioWrite];

    /// <summary>(method, route pattern, concrete path, body, who may). Paths use the seeded osong cluster and mfds agency.</summary>
    private static IEnumerable<(string Method, string Pattern, Func<Ids, string> Path, string? Body, string[] Allowed)> Table() =>
    [
        ("GET", "/api/v1/clusters/", _ => "/api/v1/clusters", null, Readers),
        ("GET", "/api/v1/clusters/export.csv", _ => "/api/v1/clusters/export.csv", null, Readers),
        ("GET", "/api/v1/clusters/export.xlsx", _ => "/api/v1/clusters/export.xlsx", null, Readers),
        ("GET", "/api/v1/clusters/{id:long}", i => $"/api/v1/clusters/{i.Osong}", null, Readers),
        ("GET", "/api/v1/clusters/by-code/{code}", _ => "/api/v1/clusters/by-code/osong", null, Readers),
        ("GET", "/api/v1/clusters/{id:long}/history", i => $"/api/v1/clusters/{i.Osong}/history", null, Readers),
        ("POST", "/api/v1/clusters/", _ => "/api/v1/clusters", "{}", RegistryWriters),
        ("PUT", "/api/v1/clusters/{id:long}", i => $"/api/v1/clusters/{i.Osong}", "{}", ClusterEditors),
        ("DELETE", "/api/v1/clusters/{id:long}", i => $"/api/v1/clusters/{i.Osong}", null, RegistryWriters),
        ("POST", "/api/v1/clusters/{id:long}/unarchive", i => $"/api/v1/clusters/{i.Osong}/unarchive", null, RegistryWriters),
        ("GET", "/api/v1/cluster-indicators/", _ => "/api/v1/cluster-indicators", null, Readers),
        ("GET", "/api/v1/cluster-indicators/export.csv", _ => "/api/v1/cluster-indicators/export.csv", null, Readers),
        ("GET", "/api/v1/cluster-indicators/export.xlsx", _ => "/api/v1/cluster-indicators/export.xlsx", null, Readers),
        ("GET", "/api/v1/clusters/{id:long}/indicators/{year:int}", i => $"/api/v1/clusters/{i.Osong}/indicators/2024", null, Readers),
        ("GET", "/api/v1/clusters/{id:long}/indicators/{year:int}/history", i => $"/api/v1/clusters/{i.Osong}/indicators/2024/history", null, Readers),
        ("PUT", "/api/v1/clusters/{id:long}/indicators/{year:int}", i => $"/api/v1/clusters/{i.Osong}/indicators/2024", "{}", ClusterEditors),
        ("GET", "/api/v1/agencies/", _ => "/api/v1/agencies", null, Readers),
        ("GET", "/api/v1/agencies/export.csv", _ => "/api/v1/agencies/export.csv", null, Readers),
        ("GET", "/api/v1/agencies/export.xlsx", _ => "/api/v1/agencies/export.xlsx", null, Readers),
        ("GET", "/api/v1/agencies/{id:long}", i => $"/api/v1/agencies/{i.Mfds}", null, Readers),
        ("GET", "/api/v1/agencies/by-code/{code}", _ => "/api/v1/agencies/by-code/mfds", null, Readers),
        ("GET", "/api/v1/agencies/{id:long}/history", i => $"/api/v1/agencies/{i.Mfds}/history", null, Readers),
        ("POST", "/api/v1/agencies/", _ => "/api/v1/agencies", "{}", RegistryWriters),
        ("PUT", "/api/v1/agencies/{id:long}", i => $"/api/v1/agencies/{i.Mfds}", "{}", RegistryWriters),
        ("DELETE", "/api/v1/agencies/{id:long}", i => $"/api/v1/agencies/{i.Mfds}", null, RegistryWriters),
        ("POST", "/api/v1/agencies/{id:long}/unarchive", i => $"/api/v1/agencies/{i.Mfds}/unarchive", null, RegistryWriters),
        ("GET", "/api/v1/search/", _ => "/api/v1/search?q=%EA%B7%9C%EC%A0%9C", null, Readers),
        ("GET", "/api/v1/users/", _ => "/api/v1/users", null, AdminsOnly),
        ("GET", "/api/v1/users/{id:long}", i => $"/api/v1/users/{i.AdminUser}", null, AdminsOnly),
        ("POST", "/api/v1/users/", _ => "/api/v1/users", "{}", AdminsOnly),
        ("PUT", "/api/v1/users/{id:long}", i => $"/api/v1/users/{i.AdminUser}", "{}", AdminsOnly),
        ("POST", "/api/v1/users/{id:long}/password", i => $"/api/v1/users/{i.AdminUser}/password", "{}", AdminsOnly),
        ("POST", "/api/v1/users/{id:long}/unlock", i => $"/api/v1/users/{i.Spare}/unlock", null, AdminsOnly),
        ("GET", "/api/v1/users/{id:long}/history", i => $"/api/v1/users/{i.AdminUser}/history", null, AdminsOnly),
        ("GET", "/api/v1/api-keys/", _ => "/api/v1/api-keys", null, KeyReaders),
        ("GET", "/api/v1/api-keys/{id:long}", i => $"/api/v1/api-keys/{i.KbioKey}", null, KeyReaders),
        ("POST", "/api/v1/api-keys/", _ => "/api/v1/api-keys", "{}", AdminsOnly),
        ("DELETE", "/api/v1/api-keys/{id:long}", i => $"/api/v1/api-keys/{i.KbioKey}", null, AdminsOnly),
        ("GET", "/api/v1/api-keys/{id:long}/history", i => $"/api/v1/api-keys/{i.KbioKey}/history", null, AdminsOnly),
        ("GET", "/api/v1/audit/", _ => "/api/v1/audit", null, AuditReaders),
        ("GET", "/api/v1/audit/export.csv", _ => "/api/v1/audit/export.csv", null, AuditReaders),
        ("GET", "/api/v1/audit/export.xlsx", _ => "/api/v1/audit/export.xlsx", null, AuditReaders),
        ("GET", "/api/v1/auth/me", _ => "/api/v1/auth/me", null, Everyone),
        ("GET", "/api/v1/auth/antiforgery", _ => "/api/v1/auth/antiforgery", null, Everyone),
        ("POST", "/api/v1/auth/password", _ => "/api/v1/auth/password", "{}", People),
        ("POST", "/api/v1/auth/logout", _ => "/api/v1/auth/logout", null, Everyone),
        ("POST", "/api/v1/auth/login", _ => "/api/v1/auth/login", "{}", Everyone),
        ("GET", "/api/v1/regulatory-issues/", _ => "/api/v1/regulatory-issues", null, Readers),
        ("GET", "/api/v1/regulatory-issues/export.csv", _ => "/api/v1/regulatory-issues/export.csv", null, Readers),
        ("GET", "/api/v1/regulatory-issues/export.xlsx", _ => "/api/v1/regulatory-issues/export.xlsx", null, Readers),
        ("GET", "/api/v1/regulatory-issues/stats", _ => "/api/v1/regulatory-issues/stats", null, Readers),
        ("GET", "/api/v1/home", _ => "/api/v1/home", null, Readers),
        ("GET", "/api/v1/regulatory-issues/{id:long}", i => $"/api/v1/regulatory-issues/{i.Issue}", null, Readers),
        ("GET", "/api/v1/regulatory-issues/{id:long}/history", i => $"/api/v1/regulatory-issues/{i.Issue}/history", null, Readers),
        ("GET", "/api/v1/regulatory-issues/{id:long}/comments", i => $"/api/v1/regulatory-issues/{i.Issue}/comments", null, Readers),
        ("POST", "/api/v1/regulatory-issues/", _ => "/api/v1/regulatory-issues", "{}", IssueRaisers),
        ("PUT", "/api/v1/regulatory-issues/{id:long}", i => $"/api/v1/regulatory-issues/{i.Issue}", "{}", IssueRaisers),
        ("POST", "/api/v1/regulatory-issues/{id:long}/transitions", i => $"/api/v1/regulatory-issues/{i.Issue}/transitions", "{}", IssueMovers),
        ("POST", "/api/v1/regulatory-issues/{id:long}/comments", i => $"/api/v1/regulatory-issues/{i.Issue}/comments", "{}", IssueCommenters),
        ("GET", "/api/v1/meetings/{id:long}/documents", _ => "/api/v1/meetings/1/documents", null, Readers),
        ("POST", "/api/v1/meetings/{id:long}/documents", _ => "/api/v1/meetings/1/documents", "{}", CouncilManagers),
        ("GET", "/api/v1/follow-ups/{id:long}/documents", _ => "/api/v1/follow-ups/1/documents", null, Readers),
        ("POST", "/api/v1/follow-ups/{id:long}/documents", _ => "/api/v1/follow-ups/1/documents", "{}", FollowUpReporters),
        ("GET", "/api/v1/agenda-items/{id:long}/documents", _ => "/api/v1/agenda-items/1/documents", null, Readers),
        ("POST", "/api/v1/agenda-items/{id:long}/documents", _ => "/api/v1/agenda-items/1/documents", "{}", CouncilManagers),
        ("GET", "/api/v1/meetings/{id:long}/minutes/documents", _ => "/api/v1/meetings/1/minutes/documents", null, Readers),
        ("POST", "/api/v1/meetings/{id:long}/minutes/documents", _ => "/api/v1/meetings/1/minutes/documents", "{}", CouncilManagers),
        ("GET", "/api/v1/regulatory-issues/{id:long}/documents", i => $"/api/v1/regulatory-issues/{i.Issue}/documents", null, Readers),
        ("POST", "/api/v1/regulatory-issues/{id:long}/documents", i => $"/api/v1/regulatory-issues/{i.Issue}/documents", "{}", DocumentWriters),
        ("GET", "/api/v1/documents/{documentId:long}", i => $"/api/v1/documents/{i.Document}", null, Readers),
        ("GET", "/api/v1/documents/{documentId:long}/content", i => $"/api/v1/documents/{i.Document}/content", null, Readers),
        ("DELETE", "/api/v1/documents/{documentId:long}", i => $"/api/v1/documents/{i.Document}", null, DocumentWriters),
        ("POST", "/api/v1/imports/{entity}", _ => "/api/v1/imports/clusters?dryRun=true", "[]", Importers),
        ("GET", "/api/v1/imports/", _ => "/api/v1/imports", null, Importers),
        ("GET", "/api/v1/imports/{id:long}", _ => "/api/v1/imports/1", null, Importers),
        ("GET", "/api/v1/imports/{id:long}/rejected-rows.csv", _ => "/api/v1/imports/1/rejected-rows.csv", null, Importers),
        ("GET", "/api/v1/imports/templates/{entity}.csv", _ => "/api/v1/imports/templates/agencies.csv", null, Importers),
        ("GET", "/health/live", _ => "/health/live", null, Everyone),
        ("GET", "/health/ready", _ => "/health/ready", null, Everyone),
        ("GET", "/api/v1/council/bodies", _ => "/api/v1/council/bodies", null, Readers),
        ("POST", "/api/v1/council/bodies", _ => "/api/v1/council/bodies", "{}", CouncilManagers),
        ("PUT", "/api/v1/council/bodies/{code}", _ => "/api/v1/council/bodies/none", "{}", CouncilManagers),
        ("GET", "/api/v1/council/seats", _ => "/api/v1/council/seats", null, Readers),
        ("POST", "/api/v1/council/seats", _ => "/api/v1/council/seats", "{}", CouncilManagers),
        ("POST", "/api/v1/council/seats/{seatId:long}/memberships", _ => "/api/v1/council/seats/1/memberships", "{}", CouncilManagers),
        ("POST", "/api/v1/council/memberships/{membershipId:long}/end", _ => "/api/v1/council/memberships/1/end", "{}", CouncilManagers),
        ("GET", "/api/v1/council/terms-ending", _ => "/api/v1/council/terms-ending", null, Readers),
        ("GET", "/api/v1/council/terms-ending/export.csv", _ => "/api/v1/council/terms-ending/export.csv", null, Readers),
        ("GET", "/api/v1/council/seats/export.csv", _ => "/api/v1/council/seats/export.csv", null, Readers),
        ("GET", "/api/v1/council/seats/export.xlsx", _ => "/api/v1/council/seats/export.xlsx", null, Readers),
        ("GET", "/api/v1/council/bodies/export.csv", _ => "/api/v1/council/bodies/export.csv", null, Readers),
        ("GET", "/api/v1/meetings/", _ => "/api/v1/meetings", null, Readers),
        ("GET", "/api/v1/meetings/export.csv", _ => "/api/v1/meetings/export.csv", null, Readers),
        ("GET", "/api/v1/meetings/export.xlsx", _ => "/api/v1/meetings/export.xlsx", null, Readers),
        ("GET", "/api/v1/follow-ups/export.csv", _ => "/api/v1/follow-ups/export.csv", null, Readers),
        ("GET", "/api/v1/follow-ups/export.xlsx", _ => "/api/v1/follow-ups/export.xlsx", null, Readers),
        ("GET", "/api/v1/meetings/{id:long}", _ => "/api/v1/meetings/1", null, Readers),
        ("POST", "/api/v1/meetings/", _ => "/api/v1/meetings", "{}", CouncilManagers),
        ("PUT", "/api/v1/meetings/{id:long}", _ => "/api/v1/meetings/1", "{}", CouncilManagers),
        ("POST", "/api/v1/meetings/{id:long}/transitions", _ => "/api/v1/meetings/1/transitions", "{}", CouncilManagers),
        ("POST", "/api/v1/meetings/{id:long}/agenda", _ => "/api/v1/meetings/1/agenda", "{}", CouncilManagers),
        ("PUT", "/api/v1/meetings/{id:long}/agenda/{itemId:long}", _ => "/api/v1/meetings/1/agenda/1", "{}", CouncilManagers),
        ("DELETE", "/api/v1/meetings/{id:long}/agenda/{itemId:long}", _ => "/api/v1/meetings/1/agenda/1", null, CouncilManagers),
        ("PUT", "/api/v1/meetings/{id:long}/agenda-order", _ => "/api/v1/meetings/1/agenda-order", "{}", CouncilManagers),
        ("PUT", "/api/v1/meetings/{id:long}/attendance", _ => "/api/v1/meetings/1/attendance", "{}", CouncilManagers),
        ("PUT", "/api/v1/meetings/{id:long}/agenda/{itemId:long}/decision", _ => "/api/v1/meetings/1/agenda/1/decision", "{}", CouncilManagers),
        ("GET", "/api/v1/meetings/{id:long}/minutes", _ => "/api/v1/meetings/1/minutes", null, Readers),
        ("PUT", "/api/v1/meetings/{id:long}/minutes", _ => "/api/v1/meetings/1/minutes", "{}", CouncilManagers),
        ("POST", "/api/v1/meetings/{id:long}/minutes/transitions", _ => "/api/v1/meetings/1/minutes/transitions", "{}", CouncilManagers),
        ("POST", "/api/v1/meetings/{id:long}/minutes/revisions", _ => "/api/v1/meetings/1/minutes/revisions", null, CouncilManagers),
        ("GET", "/api/v1/meetings/{id:long}/minutes.pdf", _ => "/api/v1/meetings/1/minutes.pdf", null, Readers),
        ("GET", "/api/v1/meetings/{id:long}/decisions.csv", _ => "/api/v1/meetings/1/decisions.csv", null, Readers),
        ("GET", "/api/v1/meetings/{id:long}/decisions.xlsx", _ => "/api/v1/meetings/1/decisions.xlsx", null, Readers),
        ("GET", "/api/v1/policy-recommendations/", _ => "/api/v1/policy-recommendations", null, Readers),
        ("GET", "/api/v1/policy-recommendations/export.csv", _ => "/api/v1/policy-recommendations/export.csv", null, Readers),
        ("GET", "/api/v1/policy-recommendations/export.xlsx", _ => "/api/v1/policy-recommendations/export.xlsx", null, Readers),
        ("GET", "/api/v1/policy-recommendations/{id:long}", _ => "/api/v1/policy-recommendations/1", null, Readers),
        ("GET", "/api/v1/policy-recommendations/{id:long}/history", _ => "/api/v1/policy-recommendations/1/history", null, Readers),
        ("POST", "/api/v1/policy-recommendations/", _ => "/api/v1/policy-recommendations", "{}", RecommendationRaisers),
        ("PUT", "/api/v1/policy-recommendations/{id:long}", _ => "/api/v1/policy-recommendations/1", "{}", RecommendationRaisers),
        ("POST", "/api/v1/policy-recommendations/{id:long}/transitions", _ => "/api/v1/policy-recommendations/1/transitions", "{}", RecommendationMovers),
        ("GET", "/api/v1/meetings/{id:long}/carried-over-recommendations", _ => "/api/v1/meetings/1/carried-over-recommendations", null, Readers),
        ("GET", "/api/v1/follow-ups/", _ => "/api/v1/follow-ups", null, Readers),
        ("GET", "/api/v1/follow-ups/{id:long}", _ => "/api/v1/follow-ups/1", null, Readers),
        ("PUT", "/api/v1/follow-ups/{id:long}", _ => "/api/v1/follow-ups/1", "{}", CouncilManagers),
        ("POST", "/api/v1/follow-ups/{id:long}/transitions", _ => "/api/v1/follow-ups/1/transitions", "{}", FollowUpReporters),
        ("GET", "/api/v1/calendar-feeds/", _ => "/api/v1/calendar-feeds", null, Readers),
        ("GET", "/api/v1/calendar-feeds/{id:long}", _ => "/api/v1/calendar-feeds/1", null, Readers),
        ("POST", "/api/v1/calendar-feeds/", _ => "/api/v1/calendar-feeds", "{}", Readers),
        ("DELETE", "/api/v1/calendar-feeds/{id:long}", _ => "/api/v1/calendar-feeds/1", null, Readers),
        ("GET", "/api/v1/calendar/{token}.ics", _ => "/api/v1/calendar/bcf_no-such-feed.ics", null, Everyone),
        ("GET", "/api/open/v1/", _ => "/api/open/v1/", null, Everyone),
        ("GET", "/api/open/v1/meetings", _ => "/api/open/v1/meetings", null, Everyone),
        ("GET", "/api/open/v1/meetings/{id:long}", _ => "/api/open/v1/meetings/1", null, Everyone),
        ("GET", "/api/open/v1/recommendations", _ => "/api/open/v1/recommendations", null, Everyone),
        ("GET", "/api/open/v1/recommendations/{id:long}", _ => "/api/open/v1/recommendations/1", null, Everyone),
        ("GET", "/api/open/v1/improvements", _ => "/api/open/v1/improvements", null, Everyone),
        ("GET", "/api/open/v1/improvements/{id:long}", _ => "/api/open/v1/improvements/1", null, Everyone),
        ("GET", "/api/open/v1/cluster-figures", _ => "/api/open/v1/cluster-figures", null, Everyone),
        ("GET", "/api/open/v1/cluster-figures/{id:long}", _ => "/api/open/v1/cluster-figures/1", null, Everyone),
        ("GET", "/api/v1/notifications/", _ => "/api/v1/notifications", null, People),
        ("GET", "/api/v1/notifications/unread-count", _ => "/api/v1/notifications/unread-count", null, People),
        ("POST", "/api/v1/notifications/{id:long}/read", _ => "/api/v1/notifications/999999/read", null, People),
        ("POST", "/api/v1/notifications/read-all", _ => "/api/v1/notifications/read-all", null, People),
        ("GET", "/api/v1/notifications/preferences", _ => "/api/v1/notifications/preferences", null, People),
        ("PUT", "/api/v1/notifications/preferences", _ => "/api/v1/notifications/preferences", "{}", People),
        ("GET", "/api/v1/notification-deliveries", _ => "/api/v1/notification-deliveries", null, AdminsOnly),
        ("GET", "/api/v1/actors/", _ => "/api/v1/actors", null, Readers),
        ("GET", "/api/v1/actors/sector-counts", _ => "/api/v1/actors/sector-counts", null, Readers),
        ("GET", "/api/v1/actors/export.csv", _ => "/api/v1/actors/export.csv", null, Readers),
        ("GET", "/api/v1/actors/export.xlsx", _ => "/api/v1/actors/export.xlsx", null, Readers),
        ("GET", "/api/v1/actors/{id:long}", i => $"/api/v1/actors/{i.Mfds}", null, Readers),
        ("PUT", "/api/v1/actors/{id:long}/profile", i => $"/api/v1/actors/{i.Mfds}/profile", "{}", ClusterEditors),
        ("PUT", "/api/v1/clusters/{id:long}/actors/{agencyId:long}", i => $"/api/v1/clusters/{i.Osong}/actors/{i.Mfds}", null, ClusterEditors),
        ("DELETE", "/api/v1/clusters/{id:long}/actors/{agencyId:long}", i => $"/api/v1/clusters/{i.Osong}/actors/{i.Mfds}", null, ClusterEditors),
        ("GET", "/api/v1/site-projects/", _ => "/api/v1/site-projects", null, Readers),
        ("GET", "/api/v1/site-projects/export.csv", _ => "/api/v1/site-projects/export.csv", null, Readers),
        ("GET", "/api/v1/site-projects/export.xlsx", _ => "/api/v1/site-projects/export.xlsx", null, Readers),
        ("GET", "/api/v1/site-projects/{id:long}", _ => "/api/v1/site-projects/1", null, Readers),
        ("GET", "/api/v1/site-projects/{id:long}/history", _ => "/api/v1/site-projects/1/history", null, Readers),
        ("POST", "/api/v1/site-projects/", _ => "/api/v1/site-projects", "{}", ClusterEditors),
        ("PUT", "/api/v1/site-projects/{id:long}", _ => "/api/v1/site-projects/1", "{}", ClusterEditors),
        ("DELETE", "/api/v1/site-projects/{id:long}", _ => "/api/v1/site-projects/1", null, ClusterEditors),
        ("GET", "/api/v1/collaboration-projects/", _ => "/api/v1/collaboration-projects", null, Readers),
        ("GET", "/api/v1/collaboration-projects/export.csv", _ => "/api/v1/collaboration-projects/export.csv", null, Readers),
        ("GET", "/api/v1/collaboration-projects/export.xlsx", _ => "/api/v1/collaboration-projects/export.xlsx", null, Readers),
        ("GET", "/api/v1/collaboration-projects/{id:long}", _ => "/api/v1/collaboration-projects/1", null, Readers),
        ("GET", "/api/v1/collaboration-projects/{id:long}/history", _ => "/api/v1/collaboration-projects/1/history", null, Readers),
        ("POST", "/api/v1/collaboration-projects/", _ => "/api/v1/collaboration-projects", "{}", ClusterEditors),
        ("PUT", "/api/v1/collaboration-projects/{id:long}", _ => "/api/v1/collaboration-projects/1", "{}", ClusterEditors),
        ("POST", "/api/v1/collaboration-projects/{id:long}/partners", _ => "/api/v1/collaboration-projects/1/partners", "{}", ClusterEditors),
        ("DELETE", "/api/v1/collaboration-projects/{id:long}/partners/{partnerId:long}", _ => "/api/v1/collaboration-projects/1/partners/1", null, ClusterEditors),
        ("POST", "/api/v1/collaboration-projects/{id:long}/transitions", _ => "/api/v1/collaboration-projects/1/transitions", "{}", ClusterEditors),
        ("GET", "/api/v1/collaboration-projects/{id:long}/documents", _ => "/api/v1/collaboration-projects/1/documents", null, Readers),
        ("POST", "/api/v1/collaboration-projects/{id:long}/documents", _ => "/api/v1/collaboration-projects/1/documents", "{}", ClusterEditors),
        ("GET", "/api/v1/clusters/{id:long}/timeline", i => $"/api/v1/clusters/{i.Osong}/timeline", null, Readers),
        ("GET", "/api/v1/cluster-indicators/comparison", _ => "/api/v1/cluster-indicators/comparison?indicator=companies", null, Readers),
        ("GET", "/api/v1/holidays/", _ => "/api/v1/holidays", null, Readers),
        ("GET", "/api/v1/holidays/{id:long}", _ => "/api/v1/holidays/1", null, Readers),
        ("POST", "/api/v1/holidays/", _ => "/api/v1/holidays", "{}", HolidayKeepers),
        ("DELETE", "/api/v1/holidays/{id:long}", _ => "/api/v1/holidays/1", null, HolidayKeepers),
        ("GET", "/api/v1/me/saved-views/", _ => "/api/v1/me/saved-views", null, People),
        ("GET", "/api/v1/me/saved-views/{id:long}", _ => "/api/v1/me/saved-views/999999", null, People),
        ("POST", "/api/v1/me/saved-views/", _ => "/api/v1/me/saved-views", "{}", People),
        ("DELETE", "/api/v1/me/saved-views/{id:long}", _ => "/api/v1/me/saved-views/999999", null, People),
    ];

    public sealed record Ids(long Osong, long Mfds, long AdminUser, long Spare, long KbioKey, long Issue = 0, long Document = 0);

    private static string Key(string method, string pattern) => $"{method} {pattern.TrimEnd('/')}";

    [Fact]
    public void EveryEndpoint_HasAPolicyOrIsOnTheAnonymousList_AndIsInTheMatrix()
    {
        var endpoints = factory.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>()
            .Where(e => e.Metadata.GetMetadata<Microsoft.AspNetCore.Routing.HttpMethodMetadata>() is not null)
            .ToList();
        var matrix = Table().Select(t => Key(t.Method, t.Pattern)).ToHashSet();
        Assert.NotEmpty(endpoints);
        foreach (var endpoint in endpoints)
        {
            foreach (var method in endpoint.Metadata.GetMetadata<Microsoft.AspNetCore.Routing.HttpMethodMetadata>()!.HttpMethods)
            {
                var key = Key(method, endpoint.RoutePattern.RawText!);
                var anonymous = endpoint.Metadata.GetMetadata<IAllowAnonymous>() is not null;
                var policies = endpoint.Metadata.GetOrderedMetadata<IAuthorizeData>().Where(a => !string.IsNullOrEmpty(a.Policy)).ToList();
                if (anonymous) Assert.True(Anonymous.Contains(key), $"{key} allows anonymous callers but is not on the named anonymous list");
                else Assert.True(policies.Count > 0, $"{key} has no explicit authorization policy");
                Assert.True(matrix.Contains(key), $"{key} is missing from the authorization matrix");
            }
        }
    }

    [Fact]
    public async Task Matrix_EveryEndpointForEveryRoleAndKeyScope_AllowsOrDeniesAsSpecified()
    {
        var admin = factory.Client();
        var ids = new Ids(
            Osong: await IdOf(admin, "/api/v1/clusters/by-code/osong"),
            Mfds: await IdOf(admin, "/api/v1/agencies/by-code/mfds"),
            AdminUser: await IdOf(admin, "/api/v1/auth/me"),
            Spare: await IdOf(admin, "/api/v1/users", Http.Body(new { username = $"spare{Guid.NewGuid():N}"[..20], displayName = "예비", role = "viewer", password = ApiFactory.UserPassword })),
            KbioKey: 0);
        var keyResponse = await admin.PostAsync("/api/v1/api-keys", Http.Body(new { agencyCode = "kbiohealth", name = "matrix", scopes = new[] { "read" } }));
        ids = ids with
        {
            KbioKey = System.Text.Json.JsonDocument.Parse(await keyResponse.Content.ReadAsStringAsync()).RootElement.GetProperty("key").GetProperty("id").GetInt64(),
            Issue = await IdOf(admin, "/api/v1/regulatory-issues", Http.Body(new
            {
                titleKo = "권한 시험 과제", problemKo = "권한 행렬 시험을 위한 문제 설명입니다.", proposalKo = "권한 행렬 시험을 위한 개선안입니다.",
                category = "other", clusterCodes = new[] { "osong" }, raisedByCode = "kbiohealth",
            })),
        };

        var document = new MultipartFormDataContent();
        var file = new ByteArrayContent("%PDF-1.4\n%%EOF\n"u8.ToArray());
        file.Headers.TryAddWithoutValidation("Content-Disposition", "form-data; name=\"file\"; filename=\"matrix.pdf\"");
        document.Add(file);
        ids = ids with { Document = await IdOf(admin, $"/api/v1/regulatory-issues/{ids.Issue}/documents", document) };

        var subjects = new Dictionary<string, HttpClient>
        {
            [Admin] = admin,
            [Secretariat] = await factory.AsRole("secretariat", "mohw"),
            [Ministry] = await factory.AsRole("ministry_reviewer", "mfds"),
            [Operator] = await factory.AsRole("cluster_operator", "kbiohealth"),
            [Viewer] = await factory.AsRole("viewer"),
            [MohwRead] = await factory.WithKey("mohw", "read"),
            [MohwWrite] = await factory.WithKey("mohw", "write"),
            [MohwImport] = await factory.WithKey("mohw", "import"),
            [KbioRead] = await factory.WithKey("kbiohealth", "read"),
            [KbioWrite] = await factory.WithKey("kbiohealth", "write"),
        };

        var failures = new List<string>();
        var checkedCount = 0;
        foreach (var (method, _, path, body, allowed) in Table())
        {
            if (path(ids).EndsWith("/logout", StringComparison.Ordinal)) continue; // would end the shared sessions; covered in AuthenticationTests
            // Nobody may pass without credentials, except the anonymous list.
            var anonymous = await Send(factory.Anonymous(), method, path(ids), body);
            var anonymousAllowed = Anonymous.Contains(Key(method, Table().First(t => t.Path == path).Pattern));
            if (anonymousAllowed == (anonymous.StatusCode == HttpStatusCode.Unauthorized))
                failures.Add($"anonymous {method} {path(ids)} → {(int)anonymous.StatusCode}");

            foreach (var (who, client) in subjects)
            {
                var response = await Send(client, method, path(ids), body);
                var status = (int)response.StatusCode;
                var denied = status is 401 or 403;
                var shouldAllow = allowed.Contains(who) || anonymousAllowed;
                if (shouldAllow == denied) failures.Add($"{who} {method} {path(ids)} → {status} (expected {(shouldAllow ? "allowed" : "403")})");
                if (!shouldAllow && status != 403) failures.Add($"{who} {method} {path(ids)} → {status}, a denial must be 403");
                checkedCount++;
            }
        }
        output.WriteLine($"{checkedCount} endpoint × subject checks");
        Assert.True(failures.Count == 0, string.Join("\n", failures));
    }

    private static async Task<HttpResponseMessage> Send(HttpClient client, string method, string path, string? body) =>
        await client.Send(new HttpMethod(method), path, body is null ? null : Http.Raw(body));

    private static async Task<long> IdOf(HttpClient client, string path, HttpContent? post = null)
    {
        var response = post is null ? await client.GetAsync(path) : await client.PostAsync(path, post);
        return System.Text.Json.JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.GetProperty("id").GetInt64();
    }
}
