using BioCluster.Api.Features.Agencies;
using BioCluster.Api.Infrastructure.Http;
using BioCluster.Api.Infrastructure.OpenApi;
using BioCluster.Contracts.Access;
using BioCluster.Contracts.Common;
using FluentValidation;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Http.HttpResults;

namespace BioCluster.Api.Features.Access;

public static class AuthApi
{
    public const string LoginRateLimit = "login";

    public static IEndpointRouteBuilder MapAuth(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/v1/auth").WithTags("Auth");
        group.MapPost("/login", Login).WithName(nameof(Login)).AllowAnonymous().RequireRateLimiting(LoginRateLimit).Validate<LoginRequest>()
            .WithSummary("Sign in to the dashboard with a username and password (sets the session cookie)")
            .Errors(StatusCodes.Status401Unauthorized, StatusCodes.Status415UnsupportedMediaType, StatusCodes.Status429TooManyRequests);
        group.MapPost("/logout", Logout).WithName(nameof(Logout)).RequireAuthorization(AuthSetup.SignedIn)
            .WithSummary("Sign out: ends the session on every instance")
            .Errors(StatusCodes.Status401Unauthorized, StatusCodes.Status403Forbidden);
        group.MapGet("/me", Me).WithName(nameof(Me)).RequireAuthorization(AuthSetup.SignedIn)
            .WithSummary("Who the caller is, with their role and permissions")
            .Errors(StatusCodes.Status401Unauthorized);
        group.MapGet("/antiforgery", Antiforgery).WithName(nameof(Antiforgery)).RequireAuthorization(AuthSetup.SignedIn)
            .WithSummary("The antiforgery token a cookie-signed-in client sends with every change")
            .Errors(StatusCodes.Status400BadRequest, StatusCodes.Status401Unauthorized);
        group.MapPost("/password", ChangePassword).WithName(nameof(ChangePassword)).RequireAuthorization(AuthSetup.Person)
            .WithSummary("Change your own password (ends your other sessions)").Validate<ChangePasswordRequest>()
            .Errors(StatusCodes.Status401Unauthorized, StatusCodes.Status403Forbidden);
        return app;
    }

    public static async Task<Results<Ok<MeDto>, ProblemHttpResult>> Login(
        LoginRequest request, UserStore users, AgencyStore agencies, HttpContext http, IHostEnvironment environment, CancellationToken ct)
    {
        // In Production a Secure cookie sent over plain HTTP is one the browser drops: say so before anything is written.
        if (environment.IsProduction() && AuthSetup.HttpsRequired(http) is { } https) return https;
        var result = await users.LoginAsync(request.Username, request.Password, ct);
        switch (result.Outcome)
        {
            case LoginOutcome.LockedOut:
                http.Response.Headers.RetryAfter = Math.Max(1, (int)Math.Ceiling(result.RetryAfter.TotalSeconds)).ToString();
                return TypedResults.Problem(statusCode: StatusCodes.Status429TooManyRequests, title: "Account locked",
                    detail: Text.Of("로그인에 여러 번 실패하여 계정이 잠겼습니다. 나중에 다시 시도하거나 관리자에게 잠금 해제를 요청하십시오.",
                        "Too many failed sign-ins. Try again later or ask an administrator to unlock the account."));
            case LoginOutcome.Failed:
                return TypedResults.Problem(statusCode: StatusCodes.Status401Unauthorized, title: "Sign-in failed",
                    detail: Text.Of("사용자 이름 또는 비밀번호가 올바르지 않습니다.", "The username or password is wrong."));
        }

        var user = result.User!;
        var sessionId = await users.StartSessionAsync(user.Id, ct);
        var principal = AuthSetup.PrincipalFor(user, sessionId);
        await http.SignInAsync(AuthSetup.CookieScheme, principal);
        http.User = principal;
        return TypedResults.Ok(await MeOf(Actor.From(http)!, agencies, ct));
    }

    public static async Task<NoContent> Logout(HttpContext http, UserStore users, CancellationToken ct)
    {
        if (http.User.FindFirst(BioClaims.SessionId)?.Value is { } sessionId)
            await users.EndSessionAsync(sessionId, ct);
        await http.SignOutAsync(AuthSetup.CookieScheme);
        return TypedResults.NoContent();
    }

    public static async Task<Ok<MeDto>> Me(Actor actor, AgencyStore agencies, CancellationToken ct) =>
        TypedResults.Ok(await MeOf(actor, agencies, ct));

    public static Results<Ok<AntiforgeryTokenDto>, ProblemHttpResult> Antiforgery(HttpContext http, IAntiforgery antiforgery)
    {
        if (AuthSetup.HttpsRequired(http) is { } https) return https;
        var tokens = antiforgery.GetAndStoreTokens(http);
        return TypedResults.Ok(new AntiforgeryTokenDto(AuthSetup.AntiforgeryHeader, tokens.RequestToken!));
    }

    public static async Task<Results<NoContent, ValidationProblem, ProblemHttpResult>> ChangePassword(
        ChangePasswordRequest request, Actor actor, UserStore users, HttpContext http, CancellationToken ct)
    {
        if (actor.Type != ActorType.User || actor.Id is not { } id || http.User.FindFirst(BioClaims.SessionId)?.Value is not { } sid)
            return TypedResults.Problem(statusCode: StatusCodes.Status403Forbidden, title: "Forbidden",
                detail: Text.Of("BioCluster 비밀번호로 로그인한 사용자만 여기서 비밀번호를 바꿀 수 있습니다.",
                    "Only a person signed in with a BioCluster password can change it here."));
        if (PasswordPolicy.Check(request.NewPassword, actor.Name) is { } problem)
            return Problems.Invalid("newPassword", problem);
        if (!await users.ChangeOwnPasswordAsync(id, request.CurrentPassword, request.NewPassword, sid, actor, ct))
            return Problems.Invalid("currentPassword", Text.Of("현재 비밀번호가 올바르지 않습니다.", "The current password is wrong."));
        return TypedResults.NoContent();
    }

    private static async Task<MeDto> MeOf(Actor actor, AgencyStore agencies, CancellationToken ct)
    {
        var agency = actor.AgencyId is { } agencyId && await agencies.GetAsync(agencyId, ct) is { Value: var a }
            ? new AgencyRef(a.Id, a.Code, a.NameKo, a.NameEn) : null;
        return new MeDto(actor.Type, actor.Id, actor.Name, actor.DisplayName, actor.Role, agency, actor.Permissions.Order().ToList());
    }
}

public sealed class ChangePasswordRequestValidator : AbstractValidator<ChangePasswordRequest>
{
    public ChangePasswordRequestValidator()
    {
        RuleFor(x => x.CurrentPassword).NotEmpty().MaximumLength(128);
        RuleFor(x => x.NewPassword).NotEmpty().MaximumLength(128);
    }
}

public sealed class LoginRequestValidator : AbstractValidator<LoginRequest>
{
    public LoginRequestValidator()
    {
        RuleFor(x => x.Username).NotEmpty().MaximumLength(64);
        RuleFor(x => x.Password).NotEmpty().MaximumLength(128);
    }
}
