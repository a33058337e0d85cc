using Microsoft.AspNetCore.Mvc;
using Microsoft.Data.SqlClient;
using Microsoft.Data.Sqlite;

namespace BioCluster.Api.Infrastructure.Http;

/// <summary>
/// A write that could not get the database in time — SQLite busy or locked after its busy timeout, a SQL Server lock
/// timeout or deadlock — is the server's momentary state, not the caller's mistake and not a defect: 503 with
/// <c>Retry-After</c>, so clients (and the dashboard) try again, and nothing was written (the statement failed whole).
/// </summary>
public static class DatabaseBusy
{
    /// <summary>Seconds a caller is asked to wait before trying again.</summary>
    public const int RetryAfterSeconds = 5;

    private const int SqliteBusy = 5, SqliteLocked = 6;
    private const int SqlServerLockTimeout = 1222, SqlServerDeadlock = 1205, SqlServerTimeout = -2;

    public static bool Is(Exception? exception)
    {
        for (var e = exception; e is not null; e = e.InnerException)
        {
            switch (e)
            {
                case SqliteException sqlite when (sqlite.SqliteErrorCode & 0xFF) is SqliteBusy or SqliteLocked:
                case SqlException sql when sql.Number is SqlServerLockTimeout or SqlServerDeadlock or SqlServerTimeout:
                    return true;
            }
        }
        return false;
    }

    public static ProblemDetails Problem(HttpContext context)
    {
        context.Response.Headers.RetryAfter = RetryAfterSeconds.ToString(System.Globalization.CultureInfo.InvariantCulture);
        return new ProblemDetails
        {
            Status = StatusCodes.Status503ServiceUnavailable,
            Title = Text.Of("잠시 후 다시 시도해 주십시오", "Busy: try again shortly"),
            Detail = Text.Of(
                $"다른 작업(예: 대량 가져오기)이 데이터베이스에 쓰는 중이어서 요청을 처리하지 못했습니다. 아무것도 저장되지 않았습니다. {RetryAfterSeconds}초 뒤 다시 보내 주십시오.",
                $"Another write (such as a bulk import) held the database, so the request could not be completed. Nothing was saved. Send it again in {RetryAfterSeconds} seconds."),
        };
    }
}
