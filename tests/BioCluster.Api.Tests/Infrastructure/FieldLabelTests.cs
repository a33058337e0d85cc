using System.Net;
using System.Text.Json;
using BioCluster.Api.Infrastructure.Http;
using FluentValidation;
using Microsoft.Extensions.DependencyInjection;

namespace BioCluster.Api.Tests.Infrastructure;

/// <summary>
/// A validation message names its field as the dashboard does ("국문 제목", "Korean title"), from the dashboard's own
/// field labels, and says one thing per field: every field any validator checks has a label in both languages.
/// </summary>
public sealed class FieldLabelTests(SqliteApiFactory factory) : IClassFixture<SqliteApiFactory>
{
    [Fact]
    public void EveryFieldAValidatorChecks_HasAKoreanAndAnEnglishLabel()
    {
        var missing = new List<string>();
        var checkedFields = 0;
        foreach (var type in typeof(Program).Assembly.GetTypes().Where(t => !t.IsAbstract && !t.IsGenericTypeDefinition))
        {
            var model = ModelOf(type);
            if (model is null) continue;
            var validator = (IValidator)factory.Services.GetRequiredService(typeof(IValidator<>).MakeGenericType(model));
            foreach (var field in validator.CreateDescriptor().GetMembersWithValidators().Where(f => !string.IsNullOrEmpty(f.Key)))
            {
                checkedFields++;
                if (!FieldLabels.Has(field.Key)) missing.Add($"{type.Name}: {field.Key}");
            }
        }
        Assert.True(checkedFields > 100, $"only {checkedFields} fields found: the scan is broken");
        Assert.True(missing.Count == 0,
            "Fields without a label in web/src/features/audit/i18n/fields.json (add [Korean, English]):\n" + string.Join("\n", missing.Distinct()));
    }

    private static Type? ModelOf(Type type)
    {
        for (var t = type.BaseType; t is not null; t = t.BaseType)
            if (t.IsGenericType && t.GetGenericTypeDefinition() == typeof(AbstractValidator<>)) return t.GetGenericArguments()[0];
        return null;
    }

    [Theory]
    [InlineData("ko", "'국문 제목'")]
    [InlineData("en", "'Korean title'")]
    public async Task AnEmptyTitle_IsNamedByItsLabel_InOneMessage(string language, string named)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/v1/regulatory-issues")
        {
            Content = Http.Body(new { titleKo = "", problemKo = "다기관 임상시험 심의가 기관마다 따로 이루어져 늦어집니다.", proposalKo = "공동 심의를 인정합니다.",
                category = "clinical_trials", clusterCodes = new[] { "osong" }, raisedByCode = "kbiohealth" }),
        };
        request.Headers.AcceptLanguage.ParseAdd(language);
        var response = await factory.Client().SendAsync(request);
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.BadRequest, text);
        var messages = JsonDocument.Parse(text).RootElement.GetProperty("errors").GetProperty("titleKo").EnumerateArray().Select(m => m.GetString()!).ToList();
        Assert.Contains(named, Assert.Single(messages));
    }
}
