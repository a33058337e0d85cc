using BioCluster.Api.Infrastructure.Http;
using BioCluster.Contracts.Meetings;
using FluentValidation;
using Microsoft.AspNetCore.Mvc;

namespace BioCluster.Api.Features.Meetings;

/// <summary>The filters of the meeting list and its export (<c>[AsParameters]</c>).</summary>
public class MeetingFilterQuery
{
    /// <summary>Only meetings of this body (e.g. council).</summary>
    [FromQuery(Name = "bodyCode")]
    public string? BodyCode { get; init; }

    /// <summary>Only meetings in these states (planned, convened, held, closed, cancelled).</summary>
    [FromQuery(Name = "state")]
    public string[]? State { get; init; }

    /// <summary>Only meetings starting on or after this day (Korean calendar).</summary>
    [FromQuery(Name = "from")]
    public DateOnly? From { get; init; }

    /// <summary>Only meetings starting on or before this day (Korean calendar).</summary>
    [FromQuery(Name = "to")]
    public DateOnly? To { get; init; }

    /// <summary>Only meetings with an agenda item that names this cluster, or a regulatory issue affecting it.</summary>
    [FromQuery(Name = "clusterCode")]
    public string? ClusterCode { get; init; }

    public MeetingFilter ToFilter() => new(ListRules.Normal(BodyCode),
        ListRules.Distinct(State).Select(s => WireNames.Parse<MeetingState>(s)).ToList(), From, To,
        ListRules.Normal(ClusterCode));
}

/// <summary>The meeting list's query string.</summary>
public sealed class MeetingListQuery : MeetingFilterQuery, IPagedQuery
{
    public const string DefaultSort = "-startsAt";

    /// <summary>startsAt or id; '-' for descending. Default -startsAt.</summary>
    [FromQuery(Name = "sort")]
    public string? Sort { get; init; }

    /// <summary>Page size, 1–200 (default 50).</summary>
    [FromQuery(Name = "limit")]
    public int? Limit { get; init; }

    /// <summary>The nextCursor of the previous page.</summary>
    [FromQuery(Name = "cursor")]
    public string? Cursor { get; init; }

}

public sealed class MeetingFilterQueryValidator : AbstractValidator<MeetingFilterQuery>
{
    public MeetingFilterQueryValidator()
    {
        RuleFor(q => q.BodyCode).FilterText();
        RuleFor(q => q.ClusterCode).FilterText();
        RuleFor(q => q.State).WireNamesOf<MeetingFilterQuery, MeetingState>();
        RuleFor(q => q.To).Must((q, to) => !(q.From > to)).WithMessage(_ => Text.Of("to는 from보다 앞설 수 없습니다.", "to cannot be before from."));
    }
}

public sealed class MeetingListQueryValidator : AbstractValidator<MeetingListQuery>
{
    public MeetingListQueryValidator()
    {
        Include(new MeetingFilterQueryValidator());
        Include(new PagingRules<MeetingListQuery, MeetingStore.MeetingRow>(MeetingStore.SortFields, MeetingListQuery.DefaultSort));
    }
}

/// <summary>The filters of the follow-up board and its export: who owes what by when.</summary>
public class FollowUpFilterQuery
{
    /// <summary>Only follow-ups owned by the agency with this code.</summary>
    [FromQuery(Name = "ownerCode")]
    public string? OwnerCode { get; init; }

    /// <summary>Only follow-ups of this meeting.</summary>
    [FromQuery(Name = "meetingId")]
    public long? MeetingId { get; init; }

    /// <summary>Only follow-ups in these states (open, in_progress, done, cancelled).</summary>
    [FromQuery(Name = "state")]
    public string[]? State { get; init; }

    /// <summary>true: only those past their due day and not done or cancelled.</summary>
    [FromQuery(Name = "overdue")]
    public bool? Overdue { get; init; }

    public FollowUpFilter ToFilter() => new(ListRules.Normal(OwnerCode), MeetingId,
        ListRules.Distinct(State).Select(s => WireNames.Parse<FollowUpState>(s)).ToList(), Overdue);
}

/// <summary>The follow-up board's query string.</summary>
public sealed class FollowUpListQuery : FollowUpFilterQuery, IPagedQuery
{
    public const string DefaultSort = "dueOn";

    /// <summary>dueOn or id; '-' for descending. Default dueOn (no due date last).</summary>
    [FromQuery(Name = "sort")]
    public string? Sort { get; init; }

    /// <summary>Page size, 1–200 (default 50).</summary>
    [FromQuery(Name = "limit")]
    public int? Limit { get; init; }

    /// <summary>The nextCursor of the previous page.</summary>
    [FromQuery(Name = "cursor")]
    public string? Cursor { get; init; }

}

public sealed class FollowUpFilterQueryValidator : AbstractValidator<FollowUpFilterQuery>
{
    public FollowUpFilterQueryValidator()
    {
        RuleFor(q => q.OwnerCode).FilterText();
        RuleFor(q => q.State).WireNamesOf<FollowUpFilterQuery, FollowUpState>();
        RuleFor(q => q.MeetingId).GreaterThan(0);
    }
}

public sealed class FollowUpListQueryValidator : AbstractValidator<FollowUpListQuery>
{
    public FollowUpListQueryValidator()
    {
        Include(new FollowUpFilterQueryValidator());
        Include(new PagingRules<FollowUpListQuery, FollowUpStore.FollowUpRow>(FollowUpStore.SortFields, FollowUpListQuery.DefaultSort));
    }
}

/// <summary>Terms ending soon: within this many days (1–365, default 60).</summary>
public sealed class TermsEndingQuery
{
    [FromQuery(Name = "days")]
    public int? Days { get; init; }
}

public sealed class TermsEndingQueryValidator : AbstractValidator<TermsEndingQuery>
{
    public TermsEndingQueryValidator() =>
        RuleFor(q => q.Days).InclusiveBetween(1, 365).WithMessage(_ => Text.Of("1–365일 사이여야 합니다.", "Between 1 and 365 days."));
}

public sealed class SeatListQuery
{
    /// <summary>The body whose seats to list (default council).</summary>
    [FromQuery(Name = "bodyCode")]
    public string? BodyCode { get; init; }

    /// <summary>true: also seats no longer active.</summary>
    [FromQuery(Name = "includeEnded")]
    public bool? IncludeEnded { get; init; }
}

public sealed class SeatListQueryValidator : AbstractValidator<SeatListQuery>
{
    public SeatListQueryValidator() => RuleFor(q => q.BodyCode).FilterText();
}
