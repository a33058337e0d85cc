using System.Reflection;
using BioCluster.Api.Infrastructure.Data;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Http.Metadata;
using Microsoft.AspNetCore.Mvc;

namespace BioCluster.Api.Infrastructure.Http;

/// <summary>
/// The one place a store's <see cref="Refusal"/> becomes a problem answer. The subclasses name the refusals an
/// endpoint can meet, and by being in its <c>Results&lt;…&gt;</c> type they declare those answers in the contract:
/// an endpoint's documented errors follow from what its handler returns.
/// </summary>
public abstract class Refused(Refusal refusal, string what) : IResult, IStatusCodeHttpResult
{
    public Refusal Refusal { get; } = refusal;

    public int? StatusCode => StatusOf(Refusal.Kind);

    public static int StatusOf(RefusalKind kind) => kind switch
    {
        RefusalKind.Invalid => StatusCodes.Status400BadRequest,
        RefusalKind.Forbidden => StatusCodes.Status403Forbidden,
        RefusalKind.NotFound => StatusCodes.Status404NotFound,
        RefusalKind.Conflict => StatusCodes.Status409Conflict,
        RefusalKind.Stale => StatusCodes.Status412PreconditionFailed,
        RefusalKind.VersionRequired => StatusCodes.Status428PreconditionRequired,
        RefusalKind.TooLarge => StatusCodes.Status413PayloadTooLarge,
        RefusalKind.UnsupportedMediaType => StatusCodes.Status415UnsupportedMediaType,
        _ => StatusCodes.Status500InternalServerError,
    };

    /// <summary>The answer, built as every other problem of the API is (<see cref="Problems"/>).</summary>
    public IResult Answer() => Refusal.Kind switch
    {
        RefusalKind.Invalid => Problems.Invalid(Refusal.Errors?.ToDictionary() ?? new Dictionary<string, string[]>()),
        RefusalKind.Forbidden => Problems.Forbidden(Refusal.Detail ?? Text.Of("이 작업을 할 권한이 없습니다.", "You may not do this.")),
        RefusalKind.NotFound => Refusal.Detail is { } detail
            ? TypedResults.Problem(statusCode: StatusCodes.Status404NotFound, title: "Not found", detail: detail)
            : Problems.NotFound(what),
        RefusalKind.Conflict => Problems.Conflict(Refusal.Detail ?? Text.Of("데이터의 현재 상태와 충돌합니다.", "This conflicts with the state of the data.")),
        RefusalKind.Stale => Problems.PreconditionFailed(),
        RefusalKind.VersionRequired => Problems.PreconditionRequired(),
        RefusalKind.TooLarge => TypedResults.Problem(statusCode: StatusCodes.Status413PayloadTooLarge, title: "File too large", detail: Refusal.Detail),
        RefusalKind.UnsupportedMediaType => TypedResults.Problem(statusCode: StatusCodes.Status415UnsupportedMediaType, title: "Unsupported media type",
            detail: Refusal.Detail),
        _ => throw new InvalidOperationException($"Unknown refusal {Refusal.Kind}."),
    };

    public Task ExecuteAsync(HttpContext httpContext) => Answer().ExecuteAsync(httpContext);

    /// <summary>Declares the problem answers of these statuses (400 with field errors).</summary>
    protected static void Declare(EndpointBuilder builder, params int[] statuses)
    {
        foreach (var status in statuses)
            builder.Metadata.Add(new ProducesResponseTypeMetadata(status,
                status == StatusCodes.Status400BadRequest ? typeof(HttpValidationProblemDetails) : typeof(ProblemDetails), ["application/problem+json"]));
    }
}

/// <summary>Refusals of a read of one record: 404.</summary>
public sealed class ReadRefused(Refusal refusal, string what) : Refused(refusal, what), IEndpointMetadataProvider
{
    public static void PopulateMetadata(MethodInfo method, EndpointBuilder builder) => Declare(builder, StatusCodes.Status404NotFound);
}

/// <summary>
/// Refusals of a put that creates the record or replaces it (If-Match only to replace): 400, 403, 404, 409, 412, 428.
/// </summary>
public sealed class PutRefused(Refusal refusal, string what) : Refused(refusal, what), IEndpointMetadataProvider
{
    public static void PopulateMetadata(MethodInfo method, EndpointBuilder builder) =>
        Declare(builder, StatusCodes.Status400BadRequest, StatusCodes.Status403Forbidden, StatusCodes.Status404NotFound,
            StatusCodes.Status409Conflict, StatusCodes.Status412PreconditionFailed, StatusCodes.Status428PreconditionRequired);
}

/// <summary>Refusals of an action on a record that takes no If-Match (set a password, unlock): 400, 403, 404.</summary>
public sealed class ActionRefused(Refusal refusal, string what) : Refused(refusal, what), IEndpointMetadataProvider
{
    public static void PopulateMetadata(MethodInfo method, EndpointBuilder builder) =>
        Declare(builder, StatusCodes.Status400BadRequest, StatusCodes.Status403Forbidden, StatusCodes.Status404NotFound);
}

/// <summary>Refusals of a new record: 400, 403, 409.</summary>
public sealed class CreateRefused(Refusal refusal, string what) : Refused(refusal, what), IEndpointMetadataProvider
{
    public static void PopulateMetadata(MethodInfo method, EndpointBuilder builder) =>
        Declare(builder, StatusCodes.Status400BadRequest, StatusCodes.Status403Forbidden, StatusCodes.Status409Conflict);
}

/// <summary>Refusals of a change to a record: 400, 403, 404, 409, 412.</summary>
public sealed class WriteRefused(Refusal refusal, string what) : Refused(refusal, what), IEndpointMetadataProvider
{
    public static void PopulateMetadata(MethodInfo method, EndpointBuilder builder) =>
        Declare(builder, StatusCodes.Status400BadRequest, StatusCodes.Status403Forbidden, StatusCodes.Status404NotFound,
            StatusCodes.Status409Conflict, StatusCodes.Status412PreconditionFailed);
}

public static class ReadResponses
{
    /// <summary>Answers a read of one record: 200 with its ETag, or 404.</summary>
    public static Results<Ok<T>, ReadRefused> Found<T>(Versioned<T>? found, string what, HttpContext http)
    {
        if (found is null) return NotFound(what);
        ETags.Set(http, found.Version);
        return TypedResults.Ok(found.Value);
    }

    /// <summary>The 404 of a read: no such record, or one the caller may not know of.</summary>
    public static ReadRefused NotFound(string what) => new(Refusal.NotFound, what);
}

/// <summary>Refusals of a file sent to a record: 400 (the file is not one BioCluster takes), 403, 404, 413, 415.</summary>
public sealed class UploadRefused(Refusal refusal, string what) : Refused(refusal, what), IEndpointMetadataProvider
{
    public static void PopulateMetadata(MethodInfo method, EndpointBuilder builder) =>
        Declare(builder, StatusCodes.Status400BadRequest, StatusCodes.Status403Forbidden, StatusCodes.Status404NotFound,
            StatusCodes.Status413PayloadTooLarge, StatusCodes.Status415UnsupportedMediaType);
}

public static class WriteResponses
{
    /// <summary>Answers an optimistic-concurrency write: its refusal, or the success result with the new ETag.</summary>
    public static Results<TOk, WriteRefused> Respond<T, TOk>(WriteResult<T> result, string what, HttpContext http, Func<T, TOk> ok)
        where TOk : IResult
    {
        if (result.Refusal is { } refusal) return new WriteRefused(refusal, what);
        ETags.Set(http, result.Record!.Version);
        return ok(result.Record.Value);
    }

    /// <summary>Answers an action that takes no If-Match: its refusal, or the success result with the new ETag.</summary>
    public static Results<TOk, ActionRefused> Acted<T, TOk>(WriteResult<T> result, string what, HttpContext http, Func<T, TOk> ok)
        where TOk : IResult
    {
        if (result.Refusal is { } refusal) return new ActionRefused(refusal, what);
        ETags.Set(http, result.Record!.Version);
        return ok(result.Record.Value);
    }

    /// <summary>Answers a create: its refusal, or 201 with the new record's address and ETag.</summary>
    public static Results<Created<T>, CreateRefused> Created<T>(StoreResult<Versioned<T>> result, string what, HttpContext http, Func<T, string> location)
    {
        if (result.Refusal is { } refusal) return new CreateRefused(refusal, what);
        ETags.Set(http, result.Value!.Version);
        return TypedResults.Created(location(result.Value.Value), result.Value.Value);
    }
}
