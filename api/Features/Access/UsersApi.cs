using BioCluster.Api.Features.Audit;
using BioCluster.Api.Infrastructure.Data;
using BioCluster.Api.Infrastructure.Http;
using BioCluster.Api.Infrastructure.OpenApi;
using BioCluster.Contracts.Access;
using BioCluster.Contracts.Common;
using FluentValidation;
using Microsoft.AspNetCore.Http.HttpResults;

namespace BioCluster.Api.Features.Access;

/// <summary>Accounts, managed by administrators.</summary>
public static class UsersApi
{
    public static IEndpointRouteBuilder MapUsers(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/v1/users").WithTags("Users").RequireAuthorization(Permissions.UsersManage);
        group.MapGet("/", ListUsers).WithName(nameof(ListUsers))
            .WithSummary("List accounts").Validate<UserListQuery>().Errors(StatusCodes.Status401Unauthorized, StatusCodes.Status403Forbidden);
        group.MapGet("/{id:long}", GetUser).WithName(nameof(GetUser))
            .WithSummary("Get an account").ReturnsETag()
            .Errors(StatusCodes.Status401Unauthorized, StatusCodes.Status403Forbidden, StatusCodes.Status404NotFound);
        group.MapPost("/", CreateUser).WithName(nameof(CreateUser))
            .WithSummary("Create an account").Validate<CreateUserRequest>().ReturnsETag()
            .Errors(StatusCodes.Status401Unauthorized, StatusCodes.Status403Forbidden, StatusCodes.Status409Conflict, StatusCodes.Status415UnsupportedMediaType);
        group.MapPut("/{id:long}", ReplaceUser).WithName(nameof(ReplaceUser))
            .WithSummary("Replace an account's name, role, agency and status (If-Match required); disabling ends its sessions")
            .Validate<UpdateUserRequest>().RequiresIfMatch()
            .Errors(StatusCodes.Status401Unauthorized, StatusCodes.Status403Forbidden, StatusCodes.Status404NotFound,
                StatusCodes.Status412PreconditionFailed, StatusCodes.Status415UnsupportedMediaType, StatusCodes.Status428PreconditionRequired);
        group.MapPost("/{id:long}/password", SetUserPassword).WithName(nameof(SetUserPassword))
            .WithSummary("Set a new password for an account; clears its lock-out and ends its sessions").Validate<SetPasswordRequest>().ReturnsETag()
            .Errors(StatusCodes.Status401Unauthorized, StatusCodes.Status403Forbidden, StatusCodes.Status404NotFound, StatusCodes.Status415UnsupportedMediaType);
        group.MapPost("/{id:long}/unlock", UnlockUser).WithName(nameof(UnlockUser))
            .WithSummary("Clear an account's lock-out after failed sign-ins").ReturnsETag()
            .Errors(StatusCodes.Status401Unauthorized, StatusCodes.Status403Forbidden, StatusCodes.Status404NotFound);
        group.MapGet("/{id:long}/history", GetUserHistory).WithName(nameof(GetUserHistory))
            .WithSummary("The audit trail of one account")
            .Validate<AuditPageQuery>().Errors(StatusCodes.Status401Unauthorized, StatusCodes.Status403Forbidden, StatusCodes.Status404NotFound);
        return app;
    }

    public static async Task<Ok<Page<UserDto>>> ListUsers([AsParameters] UserListQuery query, UserStore users, CancellationToken ct)
    {
        var (sort, limit, cursor) = PagingRules<UserListQuery, UserStore.UserRow>.Of(query, UserStore.SortFields, UserListQuery.DefaultSort);
        return TypedResults.Ok(await users.ListAsync(query.ToFilter(), sort, cursor, limit, ct));
    }

    public static async Task<Results<Ok<UserDto>, ReadRefused>> GetUser(long id, UserStore users, HttpContext http, CancellationToken ct)
    {
        var user = await users.FindAsync(id, ct);
        if (user is null) return ReadResponses.NotFound(Text.Of($"사용자 {id}", $"User {id}"));
        ETags.Set(http, user.Version);
        return TypedResults.Ok(user.ToDto());
    }

    public static async Task<Results<Created<UserDto>, CreateRefused>> CreateUser(
        CreateUserRequest request, Actor actor, UserStore users, HttpContext http, CancellationToken ct)
    {
        if (PasswordPolicy.Check(request.Password, request.Username) is { } problem) return new CreateRefused(Refusal.Invalid("password", problem), Text.Of("사용자", "User"));
        return WriteResponses.Created(await users.CreateAsync(request, actor, ct), Text.Of("사용자", "User"), http, u => $"/api/v1/users/{u.Id}");
    }

    public static async Task<Results<Ok<UserDto>, WriteRefused>> ReplaceUser(
        long id, UpdateUserRequest request, Actor actor, UserStore users, HttpContext http, CancellationToken ct)
    {
        var result = await users.UpdateAsync(id, ETags.ExpectedVersion(http.Request), request, actor, ct);
        return WriteResponses.Respond(result, Text.Of($"사용자 {id}", $"User {id}"), http, TypedResults.Ok);
    }

    public static async Task<Results<Ok<UserDto>, ActionRefused>> SetUserPassword(
        long id, SetPasswordRequest request, Actor actor, UserStore users, HttpContext http, CancellationToken ct) =>
        WriteResponses.Acted(await users.SetPasswordAsync(id, request.NewPassword, actor, ct), Text.Of($"사용자 {id}", $"User {id}"), http, TypedResults.Ok);

    public static async Task<Results<Ok<UserDto>, ActionRefused>> UnlockUser(long id, Actor actor, UserStore users, HttpContext http, CancellationToken ct) =>
        WriteResponses.Acted(await users.UnlockAsync(id, actor, ct), Text.Of($"사용자 {id}", $"User {id}"), http, TypedResults.Ok);

    public static async Task<Results<Ok<Page<AuditEntryDto>>, ValidationProblem, ReadRefused>> GetUserHistory(
        long id, UserStore users, AuditStore audit, CancellationToken ct, [AsParameters] AuditPageQuery page)
    {
        if (await users.FindAsync(id, ct) is null) return ReadResponses.NotFound(Text.Of($"사용자 {id}", $"User {id}"));
        return await AuditApi.HistoryAsync(audit, UserStore.EntityType, id, page, showAddress: true, ct);
    }
}

public sealed class CreateUserRequestValidator : AbstractValidator<CreateUserRequest>
{
    public CreateUserRequestValidator()
    {
        RuleFor(x => x.Username).Username();
        RuleFor(x => x.DisplayName).NotEmpty().MaximumLength(200).ShortText(200);
        RuleFor(x => x.Role).DefinedEnum();
        RuleFor(x => x.Password).NotEmpty().MaximumLength(128);
        RuleFor(x => x.AgencyCode!).RegistryCode().When(x => x.AgencyCode is not null);
    }
}

public sealed class UpdateUserRequestValidator : AbstractValidator<UpdateUserRequest>
{
    public UpdateUserRequestValidator()
    {
        RuleFor(x => x.DisplayName).NotEmpty().MaximumLength(200).ShortText(200);
        RuleFor(x => x.Role).DefinedEnum();
        RuleFor(x => x.Status).DefinedEnum();
        RuleFor(x => x.AgencyCode!).RegistryCode().When(x => x.AgencyCode is not null);
    }
}

public sealed class SetPasswordRequestValidator : AbstractValidator<SetPasswordRequest>
{
    public SetPasswordRequestValidator() => RuleFor(x => x.NewPassword).NotEmpty().MaximumLength(128);
}
