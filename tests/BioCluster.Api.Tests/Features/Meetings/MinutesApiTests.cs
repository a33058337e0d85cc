using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using BioCluster.Api.Tests.Features.RegulatoryIssues;
using BioCluster.Api.Tests.Infrastructure;

namespace BioCluster.Api.Tests.Features.Meetings;

/// <summary>Minutes through HTTP: draft → circulated → approved → published, versions kept, the PDF and the decisions sheet.</summary>
public abstract class MinutesApiSuite<THost>(THost host) where THost : ApiFactory, IIssuesHost
{
    /// <summary>A meeting taken to held with one decided item that created a follow-up; its id, the item's id and the meeting's ETag.</summary>
    private async Task<(long Id, long Item, string ETag)> HeldMeeting(string title)
    {
        var s = await host.Party("mohw");
        async Task<(JsonElement M, string E)> Step(HttpResponseMessage r)
        {
            Assert.True(r.IsSuccessStatusCode, await r.Content.ReadAsStringAsync());
            return (await r.Read<JsonElement>(), r.ETag());
        }
        var (m, e) = await Step(await s.PostAsync("/api/v1/meetings", Http.Body(new
        {
            bodyCode = "council", titleKo = title, kind = "in_person", startsAt = "2026-12-15T05:00:00Z", venue = "보건복지부 대회의실",
        })));
        var id = m.GetProperty("id").GetInt64();
        (m, e) = await Step(await s.Send(HttpMethod.Post, $"/api/v1/meetings/{id}/agenda", Http.Body(new { titleKo = "바이오 특화단지 지원 방안", kind = "deliberation" }), e));
        var item = m.GetProperty("agenda")[0].GetProperty("id").GetInt64();
        (_, e) = await Step(await s.Send(HttpMethod.Post, $"/api/v1/meetings/{id}/transitions", Http.Body(new { to = "convened" }), e));
        var seats = (await s.GetFromJsonAsync<JsonElement>("/api/v1/council/seats")).EnumerateArray().Where(x => x.GetProperty("voting").GetBoolean())
            .Select(x => new { seatId = x.GetProperty("id").GetInt64(), status = "present" }).ToList();
        (_, e) = await Step(await s.Send(HttpMethod.Put, $"/api/v1/meetings/{id}/attendance", Http.Body(new { lines = seats }), e));
        (_, e) = await Step(await s.Send(HttpMethod.Put, $"/api/v1/meetings/{id}/agenda/{item}/decision", Http.Body(new
        {
            outcome = "approved_with_conditions", text = "관계 부처 협의 후 추진", votesFor = 15, votesAgainst = 2, votesAbstaining = 1,
            followUps = new[] { new { title = "특화단지 지원 고시 개정안 제출", ownerAgencyCode = "motie", dueOn = "2027-01-31" } },
        }), e));
        (_, e) = await Step(await s.Send(HttpMethod.Post, $"/api/v1/meetings/{id}/transitions", Http.Body(new { to = "held" }), e));
        return (id, item, e);
    }

    [ApiFact]
    public async Task Minutes_GoFromDraftToPublished_AndAnEditAfterPublicationIsANewVersion_WithBothKept()
    {
        var secretariat = await host.Party("mohw");
        var viewer = await host.Party("khidi");
        var (id, item, _) = await HeldMeeting("회의록 시험 회의");

        var created = await secretariat.PutAsync($"/api/v1/meetings/{id}/minutes", Http.Body(new
        {
            summary = "특화단지 지원 방안을 논의함.", remarks = new Dictionary<string, string> { [item.ToString()] = "산업부: 고시 개정 일정 공유" },
        }));
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var draft = await created.Read<JsonElement>();
        Assert.Equal("draft", draft.GetProperty("state").GetString());
        Assert.Equal("보건복지부 보건산업정책과 (간사)", draft.GetProperty("organisingUnit").GetString());
        Assert.Equal(20, draft.GetProperty("attendees").GetArrayLength());
        Assert.Equal("산업부: 고시 개정 일정 공유", draft.GetProperty("items")[0].GetProperty("remarks").GetString());
        Assert.Equal(15, draft.GetProperty("items")[0].GetProperty("votesFor").GetInt32());
        // Drafts are the secretariat's; an unknown item in remarks is a 400; a second start without If-Match is a 428.
        Assert.Equal(HttpStatusCode.NotFound, (await viewer.GetAsync($"/api/v1/meetings/{id}/minutes")).StatusCode);
        await (await secretariat.Send(HttpMethod.Put, $"/api/v1/meetings/{id}/minutes",
            Http.Body(new { remarks = new Dictionary<string, string> { ["999999"] = "x" } }), created.ETag())).Problem(HttpStatusCode.BadRequest);
        await (await secretariat.PutAsync($"/api/v1/meetings/{id}/minutes", Http.Body(new { summary = "x" }))).Problem(HttpStatusCode.PreconditionRequired);

        var etag = created.ETag();
        async Task<JsonElement> Move(object body)
        {
            var r = await secretariat.Send(HttpMethod.Post, $"/api/v1/meetings/{id}/minutes/transitions", Http.Body(body), etag);
            Assert.True(r.IsSuccessStatusCode, await r.Content.ReadAsStringAsync());
            etag = r.ETag();
            return await r.Read<JsonElement>();
        }
        await Move(new { to = "circulated" });
        Assert.Equal(HttpStatusCode.OK, (await viewer.GetAsync($"/api/v1/meetings/{id}/minutes")).StatusCode);
        await (await secretariat.Send(HttpMethod.Post, $"/api/v1/meetings/{id}/minutes/transitions", Http.Body(new { to = "approved" }), etag))
            .Problem(HttpStatusCode.BadRequest); // approvedBy missing
        await (await secretariat.Send(HttpMethod.Post, $"/api/v1/meetings/{id}/minutes/transitions",
            Http.Body(new { to = "approved", approvedBy = "meeting", approvingMeetingId = id }), etag)).Problem(HttpStatusCode.BadRequest); // not a later meeting
        await Move(new { to = "approved", approvedBy = "chair" });
        var published = await Move(new { to = "published" });
        Assert.Equal("published", published.GetProperty("state").GetString());
        Assert.NotEqual(JsonValueKind.Null, published.GetProperty("publishedAt").ValueKind);

        // Published is frozen: editing is a 409; a revision starts version 2 as a draft, and version 1 stays as published.
        await (await secretariat.Send(HttpMethod.Put, $"/api/v1/meetings/{id}/minutes", Http.Body(new { summary = "바꿈" }), etag)).Problem(HttpStatusCode.Conflict);
        var revised = await secretariat.Send(HttpMethod.Post, $"/api/v1/meetings/{id}/minutes/revisions", null, etag);
        Assert.Equal(HttpStatusCode.OK, revised.StatusCode);
        Assert.Equal(2, (await revised.Read<JsonElement>()).GetProperty("versionNo").GetInt32());
        var edited = await secretariat.Send(HttpMethod.Put, $"/api/v1/meetings/{id}/minutes", Http.Body(new { summary = "정정: 일정 변경" }), revised.ETag());
        Assert.Equal(HttpStatusCode.OK, edited.StatusCode);
        var first = await viewer.GetFromJsonAsync<JsonElement>($"/api/v1/meetings/{id}/minutes?version=1");
        Assert.Equal("특화단지 지원 방안을 논의함.", first.GetProperty("summary").GetString());
        Assert.Equal("published", first.GetProperty("state").GetString());
        var latestForViewer = await viewer.GetFromJsonAsync<JsonElement>($"/api/v1/meetings/{id}/minutes");
        Assert.Equal(1, latestForViewer.GetProperty("versionNo").GetInt32()); // version 2 is still a draft
        var versions = (await secretariat.GetFromJsonAsync<JsonElement>($"/api/v1/meetings/{id}/minutes")).GetProperty("versions")
            .EnumerateArray().Select(v => v.GetInt32()).ToList();
        Assert.Equal(new List<int> { 1, 2 }, versions);
    }

    [ApiFact]
    public async Task ThePdf_IsAnA4DocumentInKorean_AndTheDecisionsSheet_ListsTheFollowUps()
    {
        var secretariat = await host.Party("mohw");
        var (id, _, _) = await HeldMeeting("PDF 시험 회의");
        Assert.Equal(HttpStatusCode.Created, (await secretariat.PutAsync($"/api/v1/meetings/{id}/minutes",
            Http.Body(new { summary = string.Join(" ", Enumerable.Repeat("긴 요지 문장으로 여러 줄과 여러 쪽을 채웁니다.", 400)) }))).StatusCode);

        var pdf = await secretariat.GetAsync($"/api/v1/meetings/{id}/minutes.pdf");
        Assert.Equal(HttpStatusCode.OK, pdf.StatusCode);
        Assert.Equal("application/pdf", pdf.Content.Headers.ContentType?.MediaType);
        var bytes = await pdf.Content.ReadAsByteArrayAsync();
        Assert.StartsWith("%PDF-", Encoding.ASCII.GetString(bytes, 0, 5));
        var text = Encoding.Latin1.GetString(bytes);
        Assert.Contains("NanumGothic", text); // the Korean font is embedded
        using var document = PdfSharp.Pdf.IO.PdfReader.Open(new MemoryStream(bytes), PdfSharp.Pdf.IO.PdfDocumentOpenMode.Import);
        Assert.True(document.PageCount >= 2, $"{document.PageCount} page(s)");
        Assert.Equal(595, (int)document.Pages[0].Width.Point); // A4

        var csv = await (await secretariat.GetAsync($"/api/v1/meetings/{id}/decisions.csv")).Content.ReadAsStringAsync();
        Assert.Contains("특화단지 지원 고시 개정안 제출", csv);
        Assert.Contains("조건부 의결", csv);
        var xlsx = await secretariat.GetAsync($"/api/v1/meetings/{id}/decisions.xlsx");
        Assert.Equal(HttpStatusCode.OK, xlsx.StatusCode);
        Assert.Contains("decisions", xlsx.Content.Headers.ContentDisposition?.FileName ?? "");
        Assert.Contains("결정사항", xlsx.Content.Headers.ContentDisposition?.FileNameStar ?? "");
    }

    private static MultipartFormDataContent File(string name, byte[] bytes)
    {
        var form = new MultipartFormDataContent();
        var file = new ByteArrayContent(bytes);
        file.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue("application/octet-stream");
        form.Add(file, "file", name);
        return form;
    }

    [ApiFact]
    public async Task Documents_OnAMeeting_AreTheSecretariats_AndOnAFollowUp_ItsOwners()
    {
        var secretariat = await host.Party("mohw");
        var (id, _, _) = await HeldMeeting("첨부 시험 회의");
        var meetingDoc = await secretariat.PostAsync($"/api/v1/meetings/{id}/documents", File("회의자료.pdf", Documents.DocumentSamples.Pdf()));
        Assert.Equal(HttpStatusCode.Created, meetingDoc.StatusCode);
        var viewer = await host.Party("khidi");
        var listed = await viewer.GetFromJsonAsync<JsonElement>($"/api/v1/meetings/{id}/documents");
        Assert.Single(listed.GetProperty("items").EnumerateArray());
        await (await (await host.Party("mfds")).PostAsync($"/api/v1/meetings/{id}/documents", File("x.pdf", Documents.DocumentSamples.Pdf())))
            .Problem(HttpStatusCode.Forbidden);

        var followUp = (await secretariat.GetFromJsonAsync<JsonElement>($"/api/v1/follow-ups?meetingId={id}")).GetProperty("items")[0].GetProperty("id").GetInt64();
        var motie = await host.Party("motie");
        Assert.Equal(HttpStatusCode.Created, (await motie.PostAsync($"/api/v1/follow-ups/{followUp}/documents",
            File("개정안.pdf", Documents.DocumentSamples.Pdf("고시 개정안")))).StatusCode);
        await (await (await host.Party("kbiohealth")).PostAsync($"/api/v1/follow-ups/{followUp}/documents", File("y.pdf", Documents.DocumentSamples.Pdf())))
            .Problem(HttpStatusCode.Forbidden);
        Assert.Equal(HttpStatusCode.NotFound, (await secretariat.GetAsync("/api/v1/follow-ups/99999999/documents")).StatusCode);
    }

    [ApiFact]
    public async Task Documents_OnAnAgendaItem_AndOnTheMinutes_AreTheSecretariats_ReadAsTheirRecords()
    {
        var secretariat = await host.Party("mohw");
        var (id, item, _) = await HeldMeeting("안건 첨부 시험 회의");
        Assert.Equal(HttpStatusCode.Created, (await secretariat.PostAsync($"/api/v1/agenda-items/{item}/documents",
            File("안건 자료.pdf", Documents.DocumentSamples.Pdf("안건 자료")))).StatusCode);
        Assert.Equal(HttpStatusCode.Created, (await secretariat.PostAsync($"/api/v1/meetings/{id}/minutes/documents",
            File("서명본 회의록.pdf", Documents.DocumentSamples.Pdf("서명본")))).StatusCode);

        var viewer = await host.Party("khidi");
        var onItem = await viewer.GetFromJsonAsync<JsonElement>($"/api/v1/agenda-items/{item}/documents");
        Assert.Equal("agenda_item", Assert.Single(onItem.GetProperty("items").EnumerateArray()).GetProperty("ownerKind").GetString());
        Assert.False(onItem.GetProperty("mayAttach").GetBoolean());
        var onMinutes = await viewer.GetFromJsonAsync<JsonElement>($"/api/v1/meetings/{id}/minutes/documents");
        Assert.Equal("minutes", Assert.Single(onMinutes.GetProperty("items").EnumerateArray()).GetProperty("ownerKind").GetString());
        // The meeting's own papers stay apart from the item's and the minutes'.
        Assert.Empty((await viewer.GetFromJsonAsync<JsonElement>($"/api/v1/meetings/{id}/documents")).GetProperty("items").EnumerateArray());

        var ministry = await host.Party("mfds");
        await (await ministry.PostAsync($"/api/v1/agenda-items/{item}/documents", File("x.pdf", Documents.DocumentSamples.Pdf()))).Problem(HttpStatusCode.Forbidden);
        await (await ministry.PostAsync($"/api/v1/meetings/{id}/minutes/documents", File("x.pdf", Documents.DocumentSamples.Pdf()))).Problem(HttpStatusCode.Forbidden);
        Assert.Equal(HttpStatusCode.NotFound, (await secretariat.GetAsync("/api/v1/agenda-items/99999999/documents")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await secretariat.GetAsync("/api/v1/meetings/99999999/minutes/documents")).StatusCode);
    }
}

public sealed class MinutesApiTests(IssuesFactory host) : MinutesApiSuite<IssuesFactory>(host), IClassFixture<IssuesFactory>;

[SqlServerSuite]
public sealed class MinutesApiSqlServerTests(SqlServerIssuesFactory host) : MinutesApiSuite<SqlServerIssuesFactory>(host), IClassFixture<SqlServerIssuesFactory>;
