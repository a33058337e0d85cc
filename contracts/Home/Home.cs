using BioCluster.Contracts.Access;
using BioCluster.Contracts.Common;
using BioCluster.Contracts.Meetings;
using BioCluster.Contracts.RegulatoryIssues;

namespace BioCluster.Contracts.Home;

/// <summary>
/// The caller's home (오늘 할 일): the sections its role works from, each a short list with its full count, plus a
/// summary and the chart data everyone sees. Sections another role needs are null.
/// </summary>
public sealed record HomeDto(
    Role Role,
    SecretariatHome? Secretariat,
    MinistryHome? Ministry,
    OperatorHome? Operator,
    HomeSummary Summary,
    HomeCharts Charts,
    DateTimeOffset GeneratedAt);

/// <summary>What the issue is to the caller's ministry: it leads it, or helps as a co-ministry (협조 부처).</summary>
public enum MinistryPart { Lead, CoMinistry }

/// <summary>One issue in a home list: enough to name it and link to it.</summary>
public sealed record HomeIssue(
    long Id,
    string TitleKo,
    string? TitleEn,
    IssueStatus Status,
    AgencyRef? LeadMinistry,
    DateTimeOffset? DueAt,
    bool Overdue,
    MinistryPart? Part,
    DateTimeOffset UpdatedAt);

/// <summary>The first few issues of a list, and how many there are in all.</summary>
public sealed record HomeIssueList(int Count, IReadOnlyList<HomeIssue> Items);

/// <summary>A ministry's answers overdue and due within the next 7 days.</summary>
public sealed record MinistryDue(AgencyRef Ministry, int Overdue, int DueSoon);

/// <summary>An open follow-up (후속조치) past its due date.</summary>
public sealed record HomeFollowUp(long Id, long MeetingId, string Title, AgencyRef? Owner, DateOnly? DueOn);

public sealed record HomeFollowUpList(int Count, IReadOnlyList<HomeFollowUp> Items);

/// <summary>The next planned or convened meeting.</summary>
public sealed record HomeMeeting(long Id, string TitleKo, string? TitleEn, MeetingState State, DateTimeOffset StartsAt, string? Venue);

/// <summary>The secretariat's (and admins') work: route, chase deadlines and follow-ups, prepare the next meeting.</summary>
public sealed record SecretariatHome(
    HomeIssueList ToRoute,
    IReadOnlyList<MinistryDue> DueByMinistry,
    int Overdue,
    int DueSoon,
    HomeFollowUpList OverdueFollowUps,
    HomeMeeting? NextMeeting);

/// <summary>What the caller's ministry owes, as lead and as co-ministry, overdue first then by due date.</summary>
public sealed record MinistryHome(AgencyRef Ministry, int AsLead, int AsCoMinistry, int Overdue, int DueSoon, IReadOnlyList<HomeIssue> Items);

/// <summary>The caller's clusters, their issues by state, and the issues it raised that have an answer to read.</summary>
public sealed record OperatorHome(
    IReadOnlyList<ClusterRef> Clusters,
    IReadOnlyList<StatusCount> ByStatus,
    HomeIssueList Answered,
    HomeIssueList Recent);

/// <summary>The pipeline in three numbers and by state.</summary>
public sealed record HomeSummary(int Total, int Open, int Overdue, int DueSoon, IReadOnlyList<StatusCount> ByStatus);

/// <summary>Moves into one state during one month (yyyy-MM, KST).</summary>
public sealed record MonthStatusCount(string Month, IssueStatus Status, int Count);

/// <summary>Answers given in one month (yyyy-MM, KST): how many, and the median and 90th percentile of days taken.</summary>
public sealed record MonthAnswerTimes(string Month, int Answered, double? MedianDays, double? P90Days);

public sealed record MinistryCount(AgencyRef Ministry, int Count);

/// <summary>The home's charts: the last 12 months of moves and answer times, open issues by ministry and by category.</summary>
public sealed record HomeCharts(
    IReadOnlyList<string> Months,
    IReadOnlyList<MonthStatusCount> MovesByMonth,
    IReadOnlyList<MinistryCount> OpenByMinistry,
    IReadOnlyList<CategoryCount> OpenByCategory,
    IReadOnlyList<MonthAnswerTimes> AnswerTimes);
