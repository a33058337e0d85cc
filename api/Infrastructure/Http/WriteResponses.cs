using BioCluster.Api.Infrastructure.Data;
using Microsoft.AspNetCore.Http.HttpResults;

namespace BioCluster.Api.Infrastructure.Http;

public static class WriteResponses
{
    /// <summary>Answers an optimistic-concurrency write: 404, 412, or the success result with the new ETag.</summary>
    public static Results<TOk, ProblemHttpResult> Respond<T, TOk>(WriteResult<T> result, string what, HttpContext http, Func<T, TOk> ok)
        where TOk : IResult
    {
        switch (result.Status)
        {
            case WriteStatus.NotFound: return Problems.NotFound(what);
            case WriteStatus.Stale: return Problems.PreconditionFailed();
            default:
                ETags.Set(http, result.Record!.Version);
                return ok(result.Record.Value);
        }
    }
}
