using System.Net;
using System.Text.Json;

namespace BioCluster.Api.Tests.Infrastructure;

/// <summary>What the framework itself refuses (a parameter that cannot be bound) is said in the request's language too.</summary>
public sealed class MessageLanguageTests(SqliteApiFactory factory) : IClassFixture<SqliteApiFactory>
{
    [Theory]
    [InlineData("ko", "여기에 쓸 수 있는 값이 아닙니다", "잘못된 매개변수")]
    [InlineData("en", "is not a valid value here", "parameters are invalid")]
    public async Task AnUnbindableParameter_IsRefusedInTheRequestsLanguage(string language, string message, string detail)
    {
        var client = factory.Client();
        using var request = new HttpRequestMessage(HttpMethod.Get, "/api/v1/regulatory-issues?limit=abc");
        request.Headers.AcceptLanguage.ParseAdd(language);
        var response = await client.SendAsync(request);
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var problem = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;
        Assert.Contains(detail, problem.GetProperty("detail").GetString());
        Assert.Contains(message, problem.GetProperty("errors").GetProperty("limit")[0].GetString());
    }
}
