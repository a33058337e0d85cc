using Microsoft.OpenApi;
using Swashbuckle.AspNetCore.SwaggerGen;

namespace BioCluster.Api.Infrastructure.OpenApi;

/// <summary>Marks a string (or string array) query parameter as taking the wire names of an enum.</summary>
[AttributeUsage(AttributeTargets.Parameter | AttributeTargets.Property)]
public sealed class WireEnumAttribute(Type enumType) : Attribute
{
    public Type EnumType { get; } = enumType;
}

/// <summary>Endpoint metadata: the operation changes an existing record and needs <c>If-Match</c>.</summary>
public sealed class RequiresIfMatchMetadata;

/// <summary>Endpoint metadata: the success response carries the record's <c>ETag</c>.</summary>
public sealed class ReturnsETagMetadata;

/// <summary>Endpoint metadata: the operation accepts an <c>Idempotency-Key</c> header.</summary>
public sealed class IdempotentMetadata;

/// <summary>Endpoint metadata: the operation writes a file for a person and takes <c>?lang=ko|en</c>.</summary>
public sealed class SheetLanguageMetadata;

/// <summary>Documents the exports' <c>lang</c> query parameter.</summary>
internal sealed class SheetLanguageParameterFilter : IOperationFilter
{
    public void Apply(OpenApiOperation operation, OperationFilterContext context)
    {
        if (!context.ApiDescription.ActionDescriptor.EndpointMetadata.OfType<SheetLanguageMetadata>().Any()) return;
        operation.Parameters ??= [];
        operation.Parameters.Add(new OpenApiParameter
        {
            Name = "lang",
            In = ParameterLocation.Query,
            Required = false,
            Description = "The file's language: ko (Korean headers, labels and names) or en (the English column names and labels). "
                + "Default: the request's Accept-Language, Korean unless English is asked for. Moments are in Korean time (KST) either way.",
            Schema = new OpenApiSchema { Type = JsonSchemaType.String, Enum = [System.Text.Json.Nodes.JsonValue.Create("ko"), System.Text.Json.Nodes.JsonValue.Create("en")] },
        });
    }
}

internal sealed class WireEnumParameterFilter : IParameterFilter
{
    public void Apply(IOpenApiParameter parameter, ParameterFilterContext context)
    {
        var attributes = context.PropertyInfo?.GetCustomAttributes(typeof(WireEnumAttribute), true)
            ?? context.ParameterInfo?.GetCustomAttributes(typeof(WireEnumAttribute), false) ?? [];
        if (attributes.FirstOrDefault() is not WireEnumAttribute attr
            || parameter is not OpenApiParameter concrete || concrete.Schema is not OpenApiSchema schema) return;

        // Refer to the enum's own schema, so the generated client reuses one type (Region, not Region2).
        var reference = context.SchemaGenerator.GenerateSchema(attr.EnumType, context.SchemaRepository);
        concrete.Schema = schema.Type == JsonSchemaType.Array
            ? new OpenApiSchema { Type = JsonSchemaType.Array, Items = reference }
            : reference;
    }
}

/// <summary>Documents the If-Match request header on writes and the ETag response header on reads and writes.</summary>
internal sealed class ConcurrencyHeadersFilter : IOperationFilter
{
    public void Apply(OpenApiOperation operation, OperationFilterContext context)
    {
        var metadata = context.ApiDescription.ActionDescriptor.EndpointMetadata;
        if (metadata.OfType<RequiresIfMatchMetadata>().Any())
            AddHeader(operation, "If-Match", required: true, "The ETag of the version you read. Missing: 428; stale: 412, and nothing is written.");

        if (metadata.OfType<IdempotentMetadata>().Any())
            AddHeader(operation, "Idempotency-Key", required: false,
                "Any unique string (1–200 printable ASCII characters), kept for 24 hours per caller. Sending the same "
                + "request again under it returns the first answer (with Idempotent-Replayed: true) and creates nothing; "
                + "the same key with a different body: 422. A repeat sent while the first is still running waits for its answer "
                + "(up to 20 s by default), then gets 409 with Retry-After; send it again then.");

        foreach (var (status, response) in operation.Responses ?? [])
        {
            if (!metadata.OfType<ReturnsETagMetadata>().Any() || status is not ("200" or "201" or "204")
                || response is not OpenApiResponse concrete) continue;
            concrete.Headers ??= new Dictionary<string, IOpenApiHeader>();
            concrete.Headers["ETag"] = new OpenApiHeader
            {
                Description = "The record's version; send it back as If-Match to change the record.",
                Schema = new OpenApiSchema { Type = JsonSchemaType.String },
            };
        }
    }

    private static void AddHeader(OpenApiOperation operation, string name, bool required, string description)
    {
        operation.Parameters ??= [];
        operation.Parameters.Add(new OpenApiParameter
        {
            Name = name,
            In = ParameterLocation.Header,
            Required = required,
            Description = description,
            Schema = new OpenApiSchema { Type = JsonSchemaType.String },
        });
    }
}

public static class ContractMetadata
{
    /// <summary>A read or create whose answer carries the record's ETag.</summary>
    public static RouteHandlerBuilder ReturnsETag(this RouteHandlerBuilder builder) =>
        builder.WithMetadata(new ReturnsETagMetadata());

    /// <summary>An export whose 200 is a CSV file (UTF-8 with BOM, headers in the file's language: <c>?lang=</c>).</summary>
    public static RouteHandlerBuilder ProducesCsv(this RouteHandlerBuilder builder) =>
        builder.Produces<string>(StatusCodes.Status200OK, Sheets.SheetExport.CsvContentType).TakesSheetLanguage();

    /// <summary>An export whose 200 is an XLSX workbook laid out as a report (headers in the file's language: <c>?lang=</c>).</summary>
    public static RouteHandlerBuilder ProducesXlsx(this RouteHandlerBuilder builder) =>
        builder.Produces<Stream>(StatusCodes.Status200OK, Sheets.SheetExport.XlsxContentType).TakesSheetLanguage();

    /// <summary><c>?lang=ko|en</c>, checked before the handler runs (400 for anything else).</summary>
    private static RouteHandlerBuilder TakesSheetLanguage(this RouteHandlerBuilder builder) =>
        builder.WithMetadata(new SheetLanguageMetadata())
            .AddEndpointFilter(static async (context, next) =>
                context.HttpContext.Request.Query.TryGetValue("lang", out var lang) && lang.ToString() is not ("ko" or "en")
                    ? Http.Problems.Invalid("lang", Http.Text.Of("lang은 ko 또는 en이어야 합니다.", "lang must be ko or en."))
                    : await next(context));

    /// <summary>
    /// A change to an existing record: needs If-Match (428 without it, answered here before the handler runs), answers
    /// with the new ETag. Filters run in the order they are added: a body validated before this is checked first.
    /// </summary>
    public static RouteHandlerBuilder RequiresIfMatch(this RouteHandlerBuilder builder) =>
        builder.WithMetadata(new RequiresIfMatchMetadata(), new ReturnsETagMetadata())
            .AddEndpointFilter(static async (context, next) =>
                Http.ETags.HasIfMatch(context.HttpContext.Request) ? await next(context) : Http.Problems.PreconditionRequired())
            .ProducesProblem(StatusCodes.Status428PreconditionRequired);
}

/// <summary>
/// Declares each operation's security: none for the named anonymous endpoints, otherwise any one of
/// the session cookie, an API key or an SSO bearer token.
/// </summary>
internal sealed class SecurityRequirementsFilter : IOperationFilter
{
    public void Apply(OpenApiOperation operation, OperationFilterContext context)
    {
        var metadata = context.ApiDescription.ActionDescriptor.EndpointMetadata;
        if (metadata.OfType<Microsoft.AspNetCore.Authorization.IAllowAnonymous>().Any()) return;
        operation.Security ??= [];
        foreach (var scheme in OpenApiSetup.SecuritySchemes.Keys)
            operation.Security.Add(new OpenApiSecurityRequirement { [new OpenApiSecuritySchemeReference(scheme, context.Document)] = [] });
    }
}

/// <summary>
/// Declares 503 with Retry-After on every write: a write that cannot get the database in time (a long import holding it)
/// is answered so, never with a 500 (<see cref="Http.DatabaseBusy"/>).
/// </summary>
internal sealed class DatabaseBusyResponseFilter : IOperationFilter
{
    public void Apply(OpenApiOperation operation, OperationFilterContext context)
    {
        if (context.ApiDescription.HttpMethod is not ("POST" or "PUT" or "DELETE" or "PATCH") || operation.Responses is null) return;
        // A plain problem's schema (a 400's carries field errors, which a 503 never has).
        var problems = operation.Responses.Where(r => r.Value is OpenApiResponse { Content: { } c } && c.ContainsKey("application/problem+json")).ToList();
        var problem = (problems.FirstOrDefault(r => r.Key != "400").Value ?? problems.FirstOrDefault().Value)?.Content;
        if (problem is null || operation.Responses.ContainsKey("503")) return;
        operation.Responses["503"] = new OpenApiResponse
        {
            Description = "The database was held by another write (e.g. a bulk import) for too long; nothing was written. Retry after Retry-After seconds.",
            Content = problem,
            Headers = new Dictionary<string, IOpenApiHeader>
            {
                ["Retry-After"] = new OpenApiHeader { Description = "Seconds to wait before sending the request again.", Schema = new OpenApiSchema { Type = JsonSchemaType.Integer } },
            },
        };
    }
}

/// <summary>
/// Lists an operation's responses by status code, so the contract reads the same however the answers were declared
/// (by the handler's result types, by filters or by the endpoint's own list).
/// </summary>
internal sealed class SortedResponsesFilter : IOperationFilter
{
    public void Apply(OpenApiOperation operation, OperationFilterContext context)
    {
        if (operation.Responses is not { Count: > 1 } responses) return;
        var sorted = responses.OrderBy(r => r.Key, StringComparer.Ordinal).ToList();
        responses.Clear();
        foreach (var (status, response) in sorted) responses[status] = response;
    }
}

/// <summary>One text field of a <see cref="MultipartFileMetadata"/> form.</summary>
public sealed record MultipartField(string Name, int MaxLength, string Description);

/// <summary>
/// Endpoint metadata: the request is <c>multipart/form-data</c> with a required <c>file</c> part and these optional text
/// fields. The handler reads the parts as they stream in (no form binding buffers them), so the contract says it here.
/// </summary>
public sealed record MultipartFileMetadata(string FileDescription, IReadOnlyList<MultipartField> Fields);

/// <summary>Writes the request body of an endpoint with <see cref="MultipartFileMetadata"/>.</summary>
internal sealed class MultipartFileFilter : IOperationFilter
{
    public void Apply(OpenApiOperation operation, OperationFilterContext context)
    {
        if (context.ApiDescription.ActionDescriptor.EndpointMetadata.OfType<MultipartFileMetadata>().FirstOrDefault() is not { } form) return;
        var properties = new Dictionary<string, IOpenApiSchema>
        {
            ["file"] = new OpenApiSchema { Type = JsonSchemaType.String, Format = "binary", Description = form.FileDescription },
        };
        foreach (var field in form.Fields)
            properties[field.Name] = new OpenApiSchema { Type = JsonSchemaType.String, MaxLength = field.MaxLength, Description = field.Description };
        operation.RequestBody = new OpenApiRequestBody
        {
            Required = true,
            Content = new Dictionary<string, IOpenApiMediaType>
            {
                ["multipart/form-data"] = new OpenApiMediaType
                {
                    Schema = new OpenApiSchema { Type = JsonSchemaType.Object, Required = new HashSet<string> { "file" }, Properties = properties },
                },
            },
        };
    }
}
