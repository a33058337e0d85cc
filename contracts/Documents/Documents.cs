using BioCluster.Contracts.Access;

namespace BioCluster.Contracts.Documents;

/// <summary>The kind of record a document is attached to; a document is read and changed as its record is.</summary>
public enum DocumentOwnerKind
{
    RegulatoryIssue,
    Meeting,
    FollowUp,
    AgendaItem,
    Minutes,
    CollaborationProject,
}

/// <summary>A file attached to a record (the amended rule as evidence, a ministry's answer, a briefing).</summary>
/// <param name="FileName">The name the file was uploaded with (Unicode NFC).</param>
/// <param name="DownloadName">The name the download is offered under: the file name with anything unsafe for a file system replaced.</param>
/// <param name="MediaType">The type BioCluster found by reading the content (never the uploader's claim).</param>
/// <param name="Size">Bytes.</param>
/// <param name="Sha256">SHA-256 of the content, lower-case hex; also the download's ETag.</param>
/// <param name="ContentUrl">Where the bytes are downloaded (as an attachment).</param>
/// <param name="MayDelete">Whether the caller may delete it: its uploader, the secretariat and administrators, while they may change the record.</param>
public sealed record DocumentDto(
    long Id,
    DocumentOwnerKind OwnerKind,
    long OwnerId,
    string FileName,
    string DownloadName,
    string MediaType,
    long Size,
    string Sha256,
    string? Title,
    string? Description,
    DateTimeOffset CreatedAt,
    ActorType CreatedByType,
    string CreatedByName,
    string ContentUrl,
    bool MayDelete);

/// <summary>One page of a record's documents, newest first, and whether the caller may attach more.</summary>
/// <param name="Items">The documents of this page.</param>
/// <param name="NextCursor">Opaque cursor for the next page; null on the last page.</param>
/// <param name="TotalCount">How many documents the record has.</param>
/// <param name="MayAttach">Whether the caller may attach documents to the record.</param>
public sealed record DocumentPage(IReadOnlyList<DocumentDto> Items, string? NextCursor, int TotalCount, bool MayAttach);
