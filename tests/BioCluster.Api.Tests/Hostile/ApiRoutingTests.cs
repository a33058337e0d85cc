using System.Net;
using System.Text;
using BioCluster.Api.Tests.Infrastructure;

namespace BioCluster.Api.Tests.Hostile;

/// <summary>
/// With the dashboard served on the same port (as the README runs the product), an /api/ request the API turns down
/// keeps the API's own answer: 404 problem for an unknown path, 405 for a wrong method, 415 for a wrong media type.
/// Once the dashboard's fallback took such requests and answered a bare 404 in the real run while the test host
/// (without a dashboard) answered 415. Checked on the in-process host and on the API as a real process.
/// </summary>
public sealed class ApiRoutingTests(SqliteApiFactory factory) : IClassFixture<SqliteApiFactory>, IAsyncLifetime
{
    private ApiProcess? _process;
    private string? _processKey;

    public async Task InitializeAsync()
    {
        _process = await ApiProcess.StartAsync();
        _processKey = await _process.NewKeyAsync("mohw", "read", "write");
    }

    public async Task DisposeAsync()
    {
        if (_process is not null) await _process.DisposeAsync();
    }

    public static TheoryData<string, string, string?, string?, HttpStatusCode> Cases => new()
    {
        { "POST", "/api/v1/clusters", "text/plain", "hello", HttpStatusCode.UnsupportedMediaType },
        { "POST", "/api/v1/clusters", "application/x-www-form-urlencoded", "code=x&nameKo=y", HttpStatusCode.UnsupportedMediaType },
        { "POST", "/api/v1/clusters", "multipart/form-data; boundary=b", "--b--", HttpStatusCode.UnsupportedMediaType },
        { "PUT", "/api/v1/clusters/1", "text/plain", "{}", HttpStatusCode.UnsupportedMediaType },
        { "POST", "/api/v1/regulatory-issues/1/transitions", "text/xml", "<to/>", HttpStatusCode.UnsupportedMediaType },
        { "DELETE", "/api/v1/regulatory-issues/1", null, null, HttpStatusCode.MethodNotAllowed },
        { "PATCH", "/api/v1/clusters/1", "application/json", "{}", HttpStatusCode.MethodNotAllowed },
        { "GET", "/api/v1/no-such-thing", null, null, HttpStatusCode.NotFound },
        { "POST", "/api/v1/no-such-thing", "application/json", "{}", HttpStatusCode.NotFound },
        { "GET", "/api/v1/clusters/not-a-number", null, null, HttpStatusCode.NotFound },
        { "GET", "/API/V1/CLUSTERS-X", null, null, HttpStatusCode.NotFound },
        { "GET", "/api", null, null, HttpStatusCode.NotFound },
        { "GET", "/health/nothing", null, null, HttpStatusCode.NotFound },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public async Task RefusedApiRequest_KeepsTheApisAnswer_OnTheTestHost(string method, string path, string? mediaType, string? body, HttpStatusCode expected)
    {
        var client = factory.Client();
        await AssertAnswer(client, method, path, mediaType, body, expected);
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public async Task RefusedApiRequest_KeepsTheApisAnswer_InTheRealRun(string method, string path, string? mediaType, string? body, HttpStatusCode expected)
    {
        using var client = new HttpClient { BaseAddress = new Uri(_process!.BaseUrl) };
        client.DefaultRequestHeaders.Add("X-Api-Key", _processKey);
        await AssertAnswer(client, method, path, mediaType, body, expected);
    }

    [Fact]
    public async Task DashboardRoutes_StillLoadTheShell_AndOnlyOnGetOrHead()
    {
        using var client = new HttpClient { BaseAddress = new Uri(_process!.BaseUrl) };
        foreach (var path in new[] { "/", "/clusters/osong", "/regulatory-issues/12" })
        {
            var response = await client.GetAsync(path);
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            Assert.Equal("text/html", response.Content.Headers.ContentType?.MediaType);
        }
        var head = await client.SendAsync(new HttpRequestMessage(HttpMethod.Head, "/clusters/osong"));
        Assert.Equal(HttpStatusCode.OK, head.StatusCode);
        // Nothing but GET and HEAD reaches the shell; anything else there is no page of the product.
        var post = await client.PostAsync("/clusters/osong", new StringContent("x", Encoding.UTF8, "text/plain"));
        Assert.NotEqual(HttpStatusCode.OK, post.StatusCode);
        Assert.NotEqual("text/html", post.Content.Headers.ContentType?.MediaType);
    }

    private static async Task AssertAnswer(HttpClient client, string method, string path, string? mediaType, string? body, HttpStatusCode expected)
    {
        using var request = new HttpRequestMessage(new HttpMethod(method), path);
        request.Headers.TryAddWithoutValidation("If-Match", "\"1\"");
        if (body is not null)
        {
            request.Content = new ByteArrayContent(Encoding.UTF8.GetBytes(body));
            request.Content.Headers.TryAddWithoutValidation("Content-Type", mediaType);
        }
        var response = await client.SendAsync(request);
        var problem = await response.Problem(expected);
        Assert.Equal(path, problem.GetProperty("instance").GetString());
    }
}
