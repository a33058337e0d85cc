using System.Text.Json;
using BioCluster.Contracts.Common;

namespace BioCluster.Contracts.Access;

/// <summary>What a person may do in BioCluster. One role per person.</summary>
public enum Role
{
    Admin,
    Secretariat,
    MinistryReviewer,
    ClusterOperator,
    Viewer,
}

/// <summary>What an API key may be used for.</summary>
public enum ApiKeyScope
{
    Read,
    Write,
    Import,
}

/// <summary>Who did something: a signed-in person, an agency's API key, or BioCluster itself.</summary>
public enum ActorType
{
    User,
    ApiKey,
    System,
}

public enum UserStatus
{
    Active,
    Disabled,
}

public enum ApiKeyStatus
{
    Active,
    Expired,
    Revoked,
}

/// <summary>Credentials for the dashboard.</summary>
public sealed record LoginRequest(string Username, string Password);

/// <summary>The caller as BioCluster sees them, with the permissions their role and credentials give.</summary>
public sealed record MeDto(
    ActorType ActorType,
    long? Id,
    string Name,
    string DisplayName,
    Role Role,
    AgencyRef? Agency,
    IReadOnlyList<string> Permissions);

/// <summary>The antiforgery token a cookie-signed-in client sends in <c>HeaderName</c> on every change.</summary>
public sealed record AntiforgeryTokenDto(string HeaderName, string Token);

public sealed record ChangePasswordRequest(string CurrentPassword, string NewPassword);

public sealed record UserDto(
    long Id,
    string Username,
    string DisplayName,
    Role Role,
    AgencyRef? Agency,
    UserStatus Status,
    DateTimeOffset? LockedUntil,
    DateTimeOffset? LastLoginAt,
    DateTimeOffset CreatedAt,
    DateTimeOffset UpdatedAt);

/// <summary>A new account. Ministry reviewers and cluster operators need the code of their agency.</summary>
public sealed record CreateUserRequest(
    string Username,
    string DisplayName,
    Role Role,
    string Password,
    string? AgencyCode = null);

/// <summary>The editable fields of an account, replaced as a whole.</summary>
public sealed record UpdateUserRequest(
    string DisplayName,
    Role Role,
    UserStatus Status,
    string? AgencyCode = null);

/// <summary>An administrator sets a new password (and so clears a lock-out).</summary>
public sealed record SetPasswordRequest(string NewPassword);

public sealed record ApiKeyDto(
    long Id,
    AgencyRef Agency,
    string Name,
    string Prefix,
    IReadOnlyList<ApiKeyScope> Scopes,
    ApiKeyStatus Status,
    DateTimeOffset ExpiresAt,
    DateTimeOffset? RevokedAt,
    DateTimeOffset? LastUsedAt,
    DateTimeOffset CreatedAt);

/// <summary>A key for an agency's system. Expiry defaults to 90 days and may be at most two years away.</summary>
public sealed record CreateApiKeyRequest(
    string AgencyCode,
    string Name,
    IReadOnlyList<ApiKeyScope> Scopes,
    DateTimeOffset? ExpiresAt = null);

/// <summary>The new key and its secret. The secret is shown only here, once; BioCluster keeps only its hash.</summary>
public sealed record CreatedApiKeyDto(ApiKeyDto Key, string Secret);

/// <summary>One change in the audit trail.</summary>
public sealed record AuditEntryDto(
    long Id,
    DateTimeOffset OccurredAt,
    ActorType ActorType,
    long? ActorId,
    string ActorName,
    string Action,
    string EntityType,
    long EntityId,
    JsonElement? Before,
    JsonElement? After,
    string? RequestId,
    string? ClientAddress,
    string? ActorDisplayName = null,
    AgencyRef? ActorAgency = null,
    long? ImportRunId = null,
    AuditImportSummary? Import = null);

/// <summary>
/// The import run an entry belongs to, summed up: an entry an import wrote for one of its rows (importRunId set), or the
/// run's own entry (entityType "import"). Lists read with summarise=true show a run as its own entry with this summary.
/// </summary>
public sealed record AuditImportSummary(
    long RunId,
    BioCluster.Contracts.Imports.ImportEntity Entity,
    string? FileName,
    int Rows,
    int Created,
    int Updated,
    string ActorName);
