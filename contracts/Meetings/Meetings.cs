using BioCluster.Contracts.Common;

namespace BioCluster.Contracts.Meetings;

/// <summary>A seat's position on its body.</summary>
public enum SeatPosition { Chair, ViceChair, Member, Secretary }

/// <summary>Whom a seat belongs to: a ministry, a cluster operator, a public agency or a sector of private experts.</summary>
public enum SeatGroup { Ministry, ClusterOperator, PublicAgency, PrivateExpert }

/// <summary>The sector of a private-expert seat (산·학·연·병).</summary>
public enum ExpertSector { Industry, Academia, Research, Hospital }

/// <summary>How a meeting is held.</summary>
public enum MeetingKind { InPerson, Online, Hybrid }

/// <summary>Where a meeting stands: planned → convened (numbered) → held → closed; cancelled with a reason.</summary>
public enum MeetingState { Planned, Convened, Held, Closed, Cancelled }

/// <summary>What an agenda item asks of the meeting.</summary>
public enum AgendaKind { Report, Deliberation, Discussion, MattersArising }

/// <summary>Who may read an agenda item.</summary>
public enum AgendaVisibility { Public, Internal }

/// <summary>What the meeting decided on an item.</summary>
public enum DecisionOutcome { Approved, ApprovedWithConditions, Deferred, Rejected, Noted }

/// <summary>How a seat's holder took part in a meeting (위원·대리·배석).</summary>
public enum AttendanceStatus { Present, Absent, Substitute, Observer }

/// <summary>Where a follow-up action (후속조치) stands.</summary>
public enum FollowUpState { Open, InProgress, Done, Cancelled }

/// <summary>What an agenda item may link to.</summary>
public enum AgendaLinkKind { Cluster, RegulatoryIssue, Decision }

/// <summary>How many must be present to open a meeting, and how many of those present must agree to decide.</summary>
public enum QuorumRule { Majority, TwoThirds }

/// <summary>A council body: the council itself or a working group under it.</summary>
public sealed record CouncilBodyDto(long Id, string Code, string NameKo, string? NameEn, string OrganisingUnit, long? ParentId,
    QuorumRule OpeningRule, QuorumRule DecisionRule, int SeatCount);

/// <summary>The person holding a seat for a term.</summary>
public sealed record MembershipDto(long Id, long SeatId, string PersonName, string? Title, AgencyRef? OnBehalfOf, DateOnly StartsOn,
    DateOnly? EndsOn, bool SubstituteAllowed, bool Voting, int? DaysLeftInTerm);

/// <summary>A seat, apart from whoever holds it, with its current holder when there is one.</summary>
public sealed record SeatDto(long Id, long BodyId, SeatPosition Position, SeatGroup Group, ExpertSector? Sector, AgencyRef? Agency,
    string LabelKo, string? LabelEn, int SortOrder, DateOnly ActiveFrom, DateOnly? ActiveTo, bool Voting, MembershipDto? Holder);

public sealed record CreateSeatRequest(string BodyCode, SeatPosition Position, SeatGroup Group, string LabelKo, string? LabelEn = null,
    ExpertSector? Sector = null, string? AgencyCode = null, int SortOrder = 100, DateOnly? ActiveFrom = null, bool Voting = true);

public sealed record CreateMembershipRequest(string PersonName, DateOnly StartsOn, string? Title = null, string? OnBehalfOfCode = null,
    DateOnly? EndsOn = null, bool SubstituteAllowed = true, bool? Voting = null);

/// <summary>Ends a term on a day (not before it started, not later than it already ends).</summary>
public sealed record EndMembershipRequest(DateOnly EndsOn);

/// <summary>A meeting in a list.</summary>
public sealed record MeetingSummaryDto(long Id, string BodyCode, int? Number, string TitleKo, string? TitleEn, MeetingKind Kind, MeetingState State,
    DateTimeOffset StartsAt, DateTimeOffset? EndsAt, string? Venue, int AgendaItems, int OpenFollowUps);

/// <summary>A link from an agenda item to a cluster, a regulatory issue or an earlier decision.</summary>
public sealed record AgendaLinkDto(AgendaLinkKind Kind, long Id, string Label);

/// <summary>An agenda item with its decision, once the meeting made one.</summary>
public sealed record AgendaItemDto(long Id, long? ParentId, int Position, string Numbering, AgendaKind Kind, string TitleKo, string? TitleEn,
    AgencyRef? PresenterAgency, string? PresenterName, int? DurationMinutes, AgendaVisibility Visibility, IReadOnlyList<AgendaLinkDto> Links,
    DecisionDto? Decision);

/// <summary>What the meeting decided on an item; whether quorum was met is recorded with it.</summary>
public sealed record DecisionDto(DecisionOutcome Outcome, string Text, int? VotesFor, int? VotesAgainst, int? VotesAbstaining, bool QuorumMet,
    DateTimeOffset DecidedAt);

/// <summary>One line of the attendance sheet: a seat (or an observer without one) and how its holder took part.</summary>
public sealed record AttendanceDto(long? SeatId, string? SeatLabel, string Name, AttendanceStatus Status, string? SubstituteName, AgencyRef? Agency,
    bool Voting);

/// <summary>The quorum of a meeting, computed from the seats active on its date and the attendance sheet.</summary>
public sealed record QuorumDto(int Seats, int Present, int Needed, bool Met, int VotesToDecide, QuorumRule OpeningRule, QuorumRule DecisionRule);

/// <summary>A follow-up action (후속조치) a decision created.</summary>
public sealed record FollowUpDto(long Id, long MeetingId, int? MeetingNumber, long? AgendaItemId, string Title, string? Detail, AgencyRef? OwnerAgency,
    string? OwnerPerson, DateOnly? DueOn, FollowUpState State, int Percent, string? CancelReason, bool Overdue, int? DaysLate,
    IReadOnlyList<FollowUpNoteDto> Notes, IReadOnlyList<WorkflowMoveDto> MoveForms, DateTimeOffset CreatedAt, DateTimeOffset UpdatedAt);

/// <summary>A progress report on a follow-up.</summary>
public sealed record FollowUpNoteDto(int Percent, string Note, string? Evidence, string ActorName, DateTimeOffset At);

/// <summary>A meeting with its agenda, attendance, quorum and follow-ups.</summary>
public sealed record MeetingDto(long Id, string BodyCode, string BodyNameKo, int? Number, string TitleKo, string? TitleEn, MeetingKind Kind,
    MeetingState State, DateTimeOffset StartsAt, DateTimeOffset? EndsAt, string? Venue, string? OnlineUrl, string? CancelReason, int Sequence,
    IReadOnlyList<AgendaItemDto> Agenda, IReadOnlyList<AttendanceDto> Attendance, QuorumDto Quorum, IReadOnlyList<FollowUpDto> FollowUps,
    IReadOnlyList<WorkflowMoveDto> MoveForms, IReadOnlyList<string> CloseBlockers, DateTimeOffset CreatedAt, DateTimeOffset UpdatedAt);

public sealed record CreateMeetingRequest(string BodyCode, string TitleKo, MeetingKind Kind, DateTimeOffset StartsAt, DateTimeOffset? EndsAt = null,
    string? TitleEn = null, string? Venue = null, string? OnlineUrl = null);

public sealed record UpdateMeetingRequest(string TitleKo, MeetingKind Kind, DateTimeOffset StartsAt, DateTimeOffset? EndsAt = null,
    string? TitleEn = null, string? Venue = null, string? OnlineUrl = null);

/// <summary>A meeting's move: <c>to</c> names the state; a cancellation needs a reason.</summary>
public sealed record MeetingMoveRequest(MeetingState To, string? Reason = null);

public sealed record AgendaLinkRequest(AgendaLinkKind Kind, long Id);

public sealed record AgendaItemRequest(string TitleKo, AgendaKind Kind, string? TitleEn = null, long? ParentId = null, string? PresenterAgencyCode = null,
    string? PresenterName = null, int? DurationMinutes = null, AgendaVisibility Visibility = AgendaVisibility.Public,
    IReadOnlyList<AgendaLinkRequest>? Links = null);

/// <summary>The agenda's order: every top-level item's id (and, under each, its sub-items) in the order wanted.</summary>
public sealed record AgendaOrderRequest(IReadOnlyList<long> ItemIds);

public sealed record AttendanceLineRequest(AttendanceStatus Status, long? SeatId = null, string? Name = null, string? SubstituteName = null,
    string? AgencyCode = null);

/// <summary>The whole attendance sheet, replaced at once.</summary>
public sealed record AttendanceRequest(IReadOnlyList<AttendanceLineRequest> Lines);

public sealed record FollowUpRequest(string Title, string? OwnerAgencyCode = null, string? OwnerPerson = null, DateOnly? DueOn = null, string? Detail = null);

/// <summary>A decision on an agenda item; it may create follow-ups.</summary>
public sealed record DecisionRequest(DecisionOutcome Outcome, string Text, int? VotesFor = null, int? VotesAgainst = null, int? VotesAbstaining = null,
    IReadOnlyList<FollowUpRequest>? FollowUps = null);

/// <summary>A follow-up's move: to in_progress or done with a progress note, or cancelled with a reason.</summary>
public sealed record FollowUpMoveRequest(FollowUpState To, int? Percent = null, string? Note = null, string? Evidence = null, string? Reason = null);

/// <summary>Changes the owner or due date of a follow-up (the secretariat).</summary>
public sealed record UpdateFollowUpRequest(string Title, string? OwnerAgencyCode = null, string? OwnerPerson = null, DateOnly? DueOn = null, string? Detail = null);

/// <summary>A meeting's agenda item that concerns a regulatory issue, with the decision on it (shown on the issue).</summary>
public sealed record IssueMeetingDto(long MeetingId, int? MeetingNumber, string MeetingTitleKo, DateTimeOffset StartsAt, long AgendaItemId, string ItemTitleKo,
    DecisionOutcome? Outcome);

/// <summary>Where a version of the minutes stands.</summary>
public enum MinutesState { Draft, Circulated, Approved, Published }

/// <summary>Who approved the minutes: the chair, or the next meeting as its first item.</summary>
public enum MinutesApproval { Chair, Meeting }

/// <summary>One line of the minutes' attendance: who came, in which capacity.</summary>
public sealed record MinutesAttendeeDto(string Name, AttendanceStatus Status, string? Seat, string? Agency, string? SubstituteName);

/// <summary>An item as the minutes record it: its number, title, the summary of remarks, the decision and the votes.</summary>
public sealed record MinutesItemDto(string Numbering, string TitleKo, AgendaKind Kind, string? Presenter, string? Remarks, DecisionOutcome? Outcome,
    string? DecisionText, int? VotesFor, int? VotesAgainst, int? VotesAbstaining, bool? QuorumMet);

/// <summary>
/// The minutes (회의록) with the content Korean public-records practice asks for: the meeting's name and organising
/// unit, date and place, attendees and observers, the order of proceedings and the items tabled, the summary of
/// remarks, and the decisions with their vote results. A published version's content is frozen as it was published.
/// </summary>
public sealed record MinutesDto(long MeetingId, int VersionNo, MinutesState State, string MeetingName, string OrganisingUnit, DateTimeOffset StartsAt,
    DateTimeOffset? EndsAt, string? Place, IReadOnlyList<MinutesAttendeeDto> Attendees, IReadOnlyList<MinutesAttendeeDto> Observers,
    IReadOnlyList<MinutesItemDto> Items, string? Summary, QuorumDto Quorum, MinutesApproval? ApprovedBy, long? ApprovingMeetingId,
    DateTimeOffset? CirculatedAt, DateTimeOffset? ApprovedAt, DateTimeOffset? PublishedAt, IReadOnlyList<int> Versions,
    IReadOnlyList<WorkflowMoveDto> MoveForms);

/// <summary>The editable text of a draft: the summary and, per agenda item id, the summary of remarks.</summary>
public sealed record MinutesRequest(string? Summary = null, IReadOnlyDictionary<string, string>? Remarks = null);

/// <summary>A move of the minutes; approval says by whom (and which meeting, when a meeting approved them).</summary>
public sealed record MinutesMoveRequest(MinutesState To, MinutesApproval? ApprovedBy = null, long? ApprovingMeetingId = null);

/// <summary>A new working group under a body, or a body's rules changed.</summary>
public sealed record CouncilBodyRequest(string NameKo, string OrganisingUnit, string? NameEn = null, QuorumRule OpeningRule = QuorumRule.Majority,
    QuorumRule DecisionRule = QuorumRule.Majority);

/// <summary>A working group (분과) under a body: its own seats, meetings numbered on their own.</summary>
public sealed record CreateCouncilBodyRequest(string Code, string ParentCode, string NameKo, string OrganisingUnit, string? NameEn = null,
    QuorumRule OpeningRule = QuorumRule.Majority, QuorumRule DecisionRule = QuorumRule.Majority);
