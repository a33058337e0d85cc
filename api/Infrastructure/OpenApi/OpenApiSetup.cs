using System.Reflection;
using System.Text.Json;
using Microsoft.OpenApi;
using Swashbuckle.AspNetCore.SwaggerGen;

namespace BioCluster.Api.Infrastructure.OpenApi;

public static class OpenApiSetup
{
    public static IServiceCollection AddBioClusterOpenApi(this IServiceCollection services)
    {
        services.AddEndpointsApiExplorer();
        services.AddSwaggerGen(o =>
        {
            o.SwaggerDoc("v1", new OpenApiInfo
            {
                Title = "BioCluster API",
                Version = "v1",
                Description = "The working system of Korea's Bio Cluster Council (바이오 클러스터 협의체): "
                    + "the registry of clusters and agencies, regulatory issues, meetings and follow-ups. "
                    + "Errors are RFC 9457 problem+json; lists are keyset-paged; writes to existing records need If-Match.",
            });
            o.SupportNonNullableReferenceTypes();
            o.NonNullableReferenceTypesAsRequired();
            // Lets a nullable property point at a shared schema (AgencyRef?, Sector?) and still say it may be null.
            o.UseAllOfToExtendReferenceSchemas();
            o.SchemaFilter<RequiredConstructorParametersFilter>();
            o.ParameterFilter<WireEnumParameterFilter>();
            o.OperationFilter<ConcurrencyHeadersFilter>();
            o.OperationFilter<SheetLanguageParameterFilter>();
            o.OperationFilter<SecurityRequirementsFilter>();
            o.OperationFilter<DatabaseBusyResponseFilter>();
            o.OperationFilter<MultipartFileFilter>();
            o.OperationFilter<SortedResponsesFilter>(); // last: every other filter has added its responses
            foreach (var (name, scheme) in SecuritySchemes) o.AddSecurityDefinition(name, scheme);
            o.CustomSchemaIds(SchemaId);
            foreach (var assembly in new[] { typeof(OpenApiSetup).Assembly, typeof(Contracts.Common.Page<>).Assembly })
            {
                var xml = Path.Combine(AppContext.BaseDirectory, assembly.GetName().Name + ".xml");
                if (File.Exists(xml)) o.IncludeXmlComments(xml);
            }
        });
        return services;
    }

    /// <summary>The three ways to authenticate, as the contract names them.</summary>
    public static readonly IReadOnlyDictionary<string, OpenApiSecurityScheme> SecuritySchemes = new Dictionary<string, OpenApiSecurityScheme>
    {
        ["session"] = new()
        {
            Type = SecuritySchemeType.ApiKey, In = ParameterLocation.Cookie, Name = "bc_session",
            Description = "Dashboard session from POST /api/v1/auth/login. Changes also need the X-XSRF-TOKEN header from GET /api/v1/auth/antiforgery.",
        },
        ["apiKey"] = new()
        {
            Type = SecuritySchemeType.ApiKey, In = ParameterLocation.Header, Name = "X-Api-Key",
            Description = "An agency's API key (bck_…); also accepted as 'Authorization: Bearer bck_…'. Scopes: read, write, import.",
        },
        ["sso"] = new()
        {
            Type = SecuritySchemeType.Http, Scheme = "bearer", BearerFormat = "JWT",
            Description = "A government single sign-on token, when SSO is configured (Auth:Jwt).",
        },
    };

    /// <summary>Stable, readable schema names: <c>Page&lt;ClusterDto&gt;</c> becomes <c>ClusterDtoPage</c>.</summary>
    private static string SchemaId(Type type) =>
        type.IsGenericType
            ? string.Concat(type.GetGenericArguments().Select(SchemaId)) + type.Name[..type.Name.IndexOf('`')]
            : type.Name;

    /// <summary>Declares the problem responses an endpoint can give, so the contract and the client know them.</summary>
    public static RouteHandlerBuilder Errors(this RouteHandlerBuilder builder, params int[] statuses)
    {
        foreach (var status in statuses)
            builder.ProducesProblem(status);
        return builder;
    }
}

/// <summary>
/// A record's constructor says which properties a body must carry: a parameter without a default is
/// required (the JSON reader enforces the same), one with a default may be left out.
/// </summary>
internal sealed class RequiredConstructorParametersFilter : ISchemaFilter
{
    public void Apply(IOpenApiSchema schema, SchemaFilterContext context)
    {
        if (schema is not OpenApiSchema concrete || concrete.Properties is not { Count: > 0 }) return;
        var ctor = context.Type.GetConstructors(BindingFlags.Public | BindingFlags.Instance)
            .OrderByDescending(c => c.GetParameters().Length).FirstOrDefault();
        if (ctor is null || ctor.GetParameters().Length == 0) return;

        concrete.Required ??= new HashSet<string>();
        foreach (var parameter in ctor.GetParameters())
        {
            var name = JsonNamingPolicy.CamelCase.ConvertName(parameter.Name!);
            if (!concrete.Properties.ContainsKey(name)) continue;
            if (parameter.HasDefaultValue) concrete.Required.Remove(name);
            else concrete.Required.Add(name);
        }
    }
}
