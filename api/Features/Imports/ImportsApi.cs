using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using BioCluster.Api.Features.Access;
using BioCluster.Api.Infrastructure.Data;
using BioCluster.Api.Infrastructure.Http;
using BioCluster.Api.Infrastructure.OpenApi;
using BioCluster.Api.Infrastructure.Sheets;
using BioCluster.Contracts.Common;
using BioCluster.Contracts.Imports;
using Dapper;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Http.Json;
using ProblemDetails = Microsoft.AspNetCore.Mvc.ProblemDetails;
using DisableRequestSizeLimitAttribute = Microsoft.AspNetCore.Mvc.DisableRequestSizeLimitAttribute;
using Microsoft.Extensions.Options;
using static Microsoft.AspNetCore.Http.StatusCodes;

namespace BioCluster.Api.Features.Imports;

/// <summary>Bulk imports from CSV, JSON and XLSX, their history, and the rows they rejected.</summary>
public static class ImportsApi
{
    public static IServiceCollection AddImports(this IServiceCollection services, IConfiguration configuration)
    {
        services.Configure<ImportOptions>(configuration.GetSection("Imports"));
        services.AddSingleton<ImportEngine>();
        services.AddSingleton<ImportGate>();
        services.AddSingleton<IdempotencyStore>();
        services.AddScoped<ImportTarget, AgencyImport>();
        services.AddScoped<ImportTarget, ClusterImport>();
        services.AddScoped<ImportTarget, ClusterIndicatorImport>();
        services.AddScoped<ImportTarget, RegulatoryIssueImport>();
        services.AddScoped<ImportTarget, CouncilSeatImport>();
        services.AddScoped<ImportTarget, CouncilMembershipImport>();
        services.AddScoped<ImportTarget, ActorImport>();
        services.AddScoped<ImportTarget, SiteProjectImport>();
        services.AddScoped<ImportTarget, CollaborationProjectImport>();
        services.AddScoped<ImportTarget, PolicyRecommendationImport>();
        return services;
    }

    public static IEndpointRouteBuilder MapImports(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/v1/imports").WithTags("Imports");
        group.MapPost("/{entity}", RunImport).WithName(nameof(RunImport)).RequireAuthorization(Permissions.Import)
            .WithSummary("Import a CSV, JSON or XLSX file of records (dry run, all-or-nothing, or skipping bad rows)")
            .WithMetadata(new DisableRequestSizeLimitAttribute())
            .Accepts<string>("text/csv", "application/json", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet")
            .Produces<ImportReportDto>()
            .Errors(Status400BadRequest, Status401Unauthorized, Status403Forbidden, Status409Conflict, Status413PayloadTooLarge, Status422UnprocessableEntity,
                Status503ServiceUnavailable);
        group.MapGet("/", ListImports).WithName(nameof(ListImports)).RequireAuthorization(Permissions.Import)
            .WithSummary("List import runs, newest first").Validate<ImportListQuery>()
            .Errors(Status401Unauthorized, Status403Forbidden);
        group.MapGet("/{id:long}", GetImport).WithName(nameof(GetImport)).RequireAuthorization(Permissions.Import)
            .WithSummary("Get one import run's report with all its stored problems")
            .Errors(Status401Unauthorized, Status403Forbidden, Status404NotFound);
        group.MapGet("/{id:long}/rejected-rows.csv", DownloadRejectedRows).WithName(nameof(DownloadRejectedRows)).RequireAuthorization(Permissions.Import)
            .WithSummary("Download the rows an import rejected, as sent, with an errors column, to fix and re-send")
            .ProducesCsv()
            .Errors(Status401Unauthorized, Status403Forbidden, Status404NotFound);
        group.MapGet("/templates/{entity}.csv", DownloadImportTemplate).WithName(nameof(DownloadImportTemplate)).RequireAuthorization(Permissions.Import)
            .WithSummary("Download an empty CSV with the entity's Korean column headers")
            .ProducesCsv()
            .Errors(Status401Unauthorized, Status403Forbidden, Status404NotFound);
        return app;
    }

    private static ImportTarget? Target(IEnumerable<ImportTarget> targets, string entity) =>
        WireNames.TryParse<ImportEntity>(entity, out var e) ? targets.FirstOrDefault(t => t.Entity == e) : null;

    private static ProblemHttpResult Problem(int status, string title, string detail, IDictionary<string, object?>? extensions = null) =>
        TypedResults.Problem(statusCode: status, title: title, detail: detail, extensions: extensions);

    /// <param name="entity">agencies, clusters, cluster_indicators, regulatory_issues, council_seats or council_memberships.</param>
    /// <param name="dryRun">Check every row and write nothing.</param>
    /// <param name="onError">fail (default): any rejected row means nothing is written; skip: write the good rows.</param>
    /// <param name="charset">For CSV: utf-8 or cp949 (euc-kr). Detected when absent.</param>
    /// <param name="fileName">The file's name, kept in the history.</param>
    public static async Task<IResult> RunImport(
        string entity, HttpContext http, Actor actor, IEnumerable<ImportTarget> targets, ImportEngine engine, IdempotencyStore idempotency,
        IOptions<ImportOptions> options, IOptions<JsonOptions> json, ImportGate gate, CancellationToken ct,
        bool dryRun = false, [WireEnum(typeof(ImportErrorMode))] string? onError = null, string? charset = null, string? fileName = null)
    {
        if (Target(targets, entity) is not { } target)
            return ReadResponses.NotFound(Text.Of($"가져오기 대상 '{entity}'", $"Import target '{entity}'"));
        var mode = ImportErrorMode.Fail;
        if (onError is not null && !WireNames.TryParse(onError, out mode))
            return Problems.Invalid("onError", Text.Of("onError는 fail 또는 skip입니다.", "onError is fail or skip."));
        if (fileName is { Length: > 260 }) return Problems.Invalid("fileName", Text.Of("fileName은 260자 이하입니다.", "fileName is at most 260 characters."));
        var key = IdempotencyStore.KeyOf(http.Request);
        if (key is not null && IdempotencyStore.Problem(key) is { } keyProblem) return Problems.Invalid(IdempotencyStore.Header, keyProblem);
        // A large file over a slow or busy link is normal here: Kestrel's default minimum upload rate (240 B/s after 5 s)
        // once cut one of twenty parallel uploads off with a 408. The file's size stays bounded by Imports:MaxBytes.
        if (http.Features.Get<Microsoft.AspNetCore.Server.Kestrel.Core.Features.IHttpMinRequestBodyDataRateFeature>() is { } rate)
            rate.MinDataRate = new Microsoft.AspNetCore.Server.Kestrel.Core.MinDataRate(bytesPerSecond: 64, gracePeriod: TimeSpan.FromSeconds(60));
        var max = options.Value.MaxBytes;
        if (http.Request.ContentLength > max)
            return Problem(Status413PayloadTooLarge, title: "File too large", detail: Text.Of(
                $"파일이 가져오기 허용 크기 {max / (1024 * 1024)}MiB를 넘습니다. 더 작은 파일로 나누어 보내십시오.",
                $"The file is larger than the import limit of {max / (1024 * 1024)} MiB; split it into smaller files."));

        ImportFile file;
        try
        {
            file = await ImportFile.SpoolAsync(http.Request.Body, http.Request.ContentType, charset, fileName, max, ct);
        }
        catch (ImportFileException e)
        {
            return e.TooLarge ? Problem(Status413PayloadTooLarge, title: "File too large", detail: e.Message) : Problems.Invalid("file", e.Message);
        }
        await using (file)
        {
            var owner = IdempotencyStore.OwnerOf(actor);
            var hash = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(
                $"import\n{WireNames.Of(target.Entity)}\n{dryRun}\n{WireNames.Of(mode)}\n{charset}\n{fileName}\n{file.Sha256}")));
            if (key is not null)
            {
                switch (await idempotency.ClaimAsync(owner, key, hash, ct))
                {
                    case IdempotencyClaim.Replay replay: return replay.Response.ToResult();
                    case IdempotencyClaim.InProgress busy: return busy.ToResult();
                    case IdempotencyClaim.Mismatch:
                        return Problem(Status422UnprocessableEntity, title: "Idempotency-Key reused", detail: Text.Of(
                            "이 Idempotency-Key는 이미 다른 가져오기에 쓰였습니다. 다른 파일이나 옵션에는 새 키를 쓰십시오.",
                            "This Idempotency-Key was already used for a different import; use a new key for a different file or options."));
                }
            }
            // Only a run takes a slot (repeats under an Idempotency-Key wait for the first's answer instead); one refused
            // for want of a slot gives its key up, so the caller's retry runs.
            using var turn = gate.TryEnter();
            if (turn is null)
            {
                if (key is not null) await idempotency.ReleaseAsync(owner, key);
                return gate.Busy(http);
            }
            try
            {
                var (status, body) = await RunAsync(engine, target, file, fileName, dryRun, mode, actor, json.Value.SerializerOptions, http, ct);
                if (key is not null) await idempotency.CompleteAsync(owner, key, new StoredResponse(status, ContentTypeOf(status), null, null, body));
                return new Bytes(status, ContentTypeOf(status), body);
            }
            catch
            {
                if (key is not null) await idempotency.ReleaseAsync(owner, key);
                throw;
            }
        }
    }

    private static string ContentTypeOf(int status) => status == Status200OK ? "application/json; charset=utf-8" : "application/problem+json; charset=utf-8";

    private static async Task<(int Status, byte[] Body)> RunAsync(ImportEngine engine, ImportTarget target, ImportFile file, string? fileName, bool dryRun,
        ImportErrorMode mode, Actor actor, JsonSerializerOptions json, HttpContext http, CancellationToken ct)
    {
        // Problems written here (and kept for Idempotency-Key replays) read like every other problem of the API.
        ProblemDetails Described(ProblemDetails p)
        {
            p.Instance = http.Request.Path;
            p.Title = ProblemTitles.InRequestLanguage(p.Title);
            p.Extensions["traceId"] = System.Diagnostics.Activity.Current?.Id ?? http.TraceIdentifier;
            return p;
        }

        ImportReportDto report;
        var seconds = engine.TimeLimitSeconds;
        using var limit = CancellationTokenSource.CreateLinkedTokenSource(ct);
        limit.CancelAfter(TimeSpan.FromSeconds(seconds));
        try
        {
            report = await engine.RunAsync(target, file, fileName, dryRun, mode, actor, limit.Token);
        }
        catch (OperationCanceledException) when (limit.IsCancellationRequested && !ct.IsCancellationRequested)
        {
            // Out of time: the run's transaction was rolled back, nothing is written.
            var problem = new ProblemDetails
            {
                Status = Status413PayloadTooLarge, Type = TypeOf(Status413PayloadTooLarge), Title = "File too large",
                Detail = Infrastructure.Http.Text.Of(
                    $"가져오기가 제한 시간 {seconds:N0}초를 넘어 중단했습니다. 아무것도 저장되지 않았습니다. 파일을 더 작게 나눠 보내 주십시오.",
                    $"The import took longer than its {seconds:N0}-second limit and was stopped; nothing was saved. Split the file into smaller ones."),
            };
            return (Status413PayloadTooLarge, JsonSerializer.SerializeToUtf8Bytes(Described(problem), json));
        }
        catch (ImportFileException e)
        {
            var status = e.TooLarge ? Status413PayloadTooLarge : Status400BadRequest;
            var problem = new ProblemDetails { Status = status, Type = TypeOf(status), Title = e.TooLarge ? "File too large" : "File not readable", Detail = e.Message };
            if (!e.TooLarge) problem.Extensions["errors"] = new Dictionary<string, string[]> { ["file"] = [e.Message] };
            return (status, JsonSerializer.SerializeToUtf8Bytes(Described(problem), json));
        }
        if (ImportEngine.WroteRows(report)) http.Response.OnCompleted(engine.CheckpointAsync);
        if (report.Outcome != ImportOutcome.Rejected) return (Status200OK, JsonSerializer.SerializeToUtf8Bytes(report, json));
        var rejected = new ProblemDetails
        {
            Status = Status422UnprocessableEntity,
            Type = TypeOf(Status422UnprocessableEntity),
            Title = "Rows rejected; nothing was imported",
            Detail = Text.Of(
                $"{report.Totals.Rows:N0}행 중 {report.Totals.Rejected:N0}행이 거부되어 아무 행도 저장하지 않았습니다. " +
                "보고서에 적힌 행을 고친 뒤(또는 onError=skip으로 문제없는 행만 가져오도록 하여) 파일을 다시 보내십시오.",
                $"{report.Totals.Rejected:N0} of {report.Totals.Rows:N0} rows were rejected, so no row was written. " +
                "Fix the rows the report names (or send onError=skip to import the good rows) and send the file again."),
        };
        rejected.Extensions["importId"] = report.Id;
        rejected.Extensions["report"] = report;
        return (Status422UnprocessableEntity, JsonSerializer.SerializeToUtf8Bytes(Described(rejected), json));
    }

    private static string TypeOf(int status) => status switch
    {
        Status413PayloadTooLarge => "https://tools.ietf.org/html/rfc9110#section-15.5.14",
        Status422UnprocessableEntity => "https://tools.ietf.org/html/rfc9110#section-15.5.21",
        _ => "https://tools.ietf.org/html/rfc9110#section-15.5.1",
    };

    private sealed class Bytes(int status, string contentType, byte[] body) : IResult
    {
        public async Task ExecuteAsync(HttpContext http)
        {
            http.Response.StatusCode = status;
            http.Response.ContentType = contentType;
            http.Response.ContentLength = body.Length;
            await http.Response.Body.WriteAsync(body);
        }
    }

    public static async Task<Ok<Page<ImportRunDto>>> ListImports([AsParameters] ImportListQuery query, ImportStore store, CancellationToken ct)
    {
        var (sort, limit, cursor) = PagingRules<ImportListQuery, ImportStore.RunRow>.Of(query, ImportStore.SortFields, ImportListQuery.NewestFirst);
        return TypedResults.Ok(await store.ListAsync(query.Entity, sort, cursor, limit, ct));
    }

    public static async Task<Results<Ok<ImportReportDto>, ReadRefused>> GetImport(long id, ImportStore store, CancellationToken ct) =>
        await store.GetAsync(id, ct) is { } report ? TypedResults.Ok(report) : ReadResponses.NotFound(Text.Of($"가져오기 {id}", $"Import {id}"));

    public static async Task<Results<SheetFile, ReadRefused>> DownloadRejectedRows(long id, ImportStore store, CancellationToken ct)
    {
        var rejected = await store.RejectedRowsAsync(id, ct);
        if (rejected is null) return ReadResponses.NotFound(Text.Of($"가져오기 {id}", $"Import {id}"));
        // The rows as they were sent, under the file's own headers, with the row number first and the problems last.
        var (headers, rows) = rejected.Value;
        // The row number and the problems are columns an import passes over, so the file can be fixed and sent back as it is.
        var columns = new[] { RejectedRows.Row }.Concat(headers.Select(h => new SheetColumn(h, h))).Append(RejectedRows.Errors).ToList();
        return SheetExport.Csv(new($"import-{id}-rejected", $"가져오기{id}_거부된행"), columns, (r, column) => r[columns.FindIndex(c => c.Name == column)], Lines(rows));

        static async IAsyncEnumerable<string?[]> Lines(IReadOnlyList<(int Row, IReadOnlyList<string?> Cells, string Errors)> rows)
        {
            await Task.CompletedTask;
            foreach (var (row, cells, errors) in rows) yield return [row.ToString(), .. cells, errors];
        }
    }

    /// <param name="entity">agencies, clusters, cluster_indicators, …</param>
    public static Results<SheetFile, ReadRefused> DownloadImportTemplate(string entity, IEnumerable<ImportTarget> targets)
    {
        if (Target(targets, entity) is not { } target) return ReadResponses.NotFound(Text.Of($"가져오기 대상 '{entity}'", $"Import target '{entity}'"));
        var imported = target.Columns.Where(c => c.Imported).ToList();
        return SheetExport.Csv(new($"{entity}-template", $"{entity}_양식"), imported, (_, _) => null, AsyncEnumerable.Empty<object>());
    }
}

/// <summary>
/// How many imports this instance runs at once (<see cref="ImportOptions.MaxConcurrent"/>): each can take a core and
/// ~100 MB while it reads, so more at once would starve the instance's other requests. Process-local on purpose: it
/// protects this process's memory and CPU, not data (each instance has its own).
/// </summary>
public sealed class ImportGate(IOptions<ImportOptions> options)
{
    public const int RetryAfterSeconds = 10;
    private readonly SemaphoreSlim _slots = new(Math.Max(1, options.Value.MaxConcurrent));

    /// <summary>A slot, given back when disposed; null when every slot is taken.</summary>
    public IDisposable? TryEnter() => _slots.Wait(0) ? new Slot(_slots) : null;

    public IResult Busy(HttpContext http)
    {
        http.Response.Headers.RetryAfter = RetryAfterSeconds.ToString(System.Globalization.CultureInfo.InvariantCulture);
        return TypedResults.Problem(statusCode: StatusCodes.Status503ServiceUnavailable,
            title: Infrastructure.Http.Text.Of("가져오기가 이미 진행 중", "Imports busy"),
            detail: Infrastructure.Http.Text.Of(
                $"이 서버에서 이미 가져오기 {options.Value.MaxConcurrent}건이 진행 중입니다. {RetryAfterSeconds}초 뒤 다시 보내 주십시오.",
                $"This server is already running {options.Value.MaxConcurrent} import(s). Send the file again in {RetryAfterSeconds} seconds."));
    }

    private sealed class Slot(SemaphoreSlim slots) : IDisposable
    {
        private int _released;

        public void Dispose()
        {
            if (Interlocked.Exchange(ref _released, 1) == 0) slots.Release();
        }
    }
}

