using Microsoft.AspNetCore.Http.HttpResults;

namespace BioCluster.Api.Infrastructure.Http;

/// <summary>
/// The ready-made problem answers the endpoints share, so every one reads the same. Every detail is in the
/// request's language (<see cref="Text"/>); the record named to <see cref="NotFound"/> is given in it too.
/// </summary>
public static class Problems
{
    /// <summary>404 for a record named in the request's language, e.g. <c>Text.Of("클러스터 3", "Cluster 3")</c>.</summary>
    public static ProblemHttpResult NotFound(string what) =>
        TypedResults.Problem(statusCode: StatusCodes.Status404NotFound, title: "Not found",
            detail: Text.Of($"{what}을(를) 찾을 수 없습니다.", $"{what} was not found."));

    public static ProblemHttpResult PreconditionRequired() =>
        TypedResults.Problem(statusCode: StatusCodes.Status428PreconditionRequired, title: "If-Match required",
            detail: Text.Of("이 기록을 변경하려면 조회할 때 받은 ETag를 If-Match 헤더로 보내십시오.",
                "Send the ETag you read in an If-Match header to change this record."));

    public static ProblemHttpResult PreconditionFailed() =>
        TypedResults.Problem(statusCode: StatusCodes.Status412PreconditionFailed, title: "Record changed",
            detail: Text.Of("조회한 뒤에 다른 사용자가 이 기록을 변경했습니다(If-Match가 현재 ETag와 다릅니다). 다시 조회한 뒤 시도하십시오.",
                "The record was changed since you read it (If-Match does not match its ETag). Read it again and retry."));

    public static ProblemHttpResult Forbidden(string detail) =>
        TypedResults.Problem(statusCode: StatusCodes.Status403Forbidden, title: "Forbidden", detail: detail);

    public static ProblemHttpResult Conflict(string detail) =>
        TypedResults.Problem(statusCode: StatusCodes.Status409Conflict, title: "Conflict", detail: detail);

    public static ValidationProblem Invalid(string field, string message) =>
        Invalid(new Dictionary<string, string[]> { [field] = [message] });

    public static ValidationProblem Invalid(IDictionary<string, string[]> errors) =>
        TypedResults.ValidationProblem(errors, title: "Validation failed",
            detail: Text.Of("입력값이 올바르지 않은 항목이 있습니다.", "One or more fields are invalid."));
}
