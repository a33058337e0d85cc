using BioCluster.Api.Features.RegulatoryIssues;
using BioCluster.Api.Infrastructure.Http;
using BioCluster.Contracts.Meetings;
using FluentValidation;

namespace BioCluster.Api.Features.Meetings;

public sealed class CreateSeatRequestValidator : AbstractValidator<CreateSeatRequest>
{
    public CreateSeatRequestValidator()
    {
        RuleFor(x => x.BodyCode).RegistryCode();
        RuleFor(x => x.Position).DefinedEnum();
        RuleFor(x => x.Group).DefinedEnum();
        RuleFor(x => x.Sector).DefinedEnum();
        RuleFor(x => x.Sector).NotNull().When(x => x.Group == SeatGroup.PrivateExpert)
            .WithMessage(_ => Text.Of("민간전문가 좌석에는 분야(산업·학계·연구·병원)가 필요합니다.", "A private-expert seat needs a sector."));
        RuleFor(x => x.AgencyCode).NotEmpty().When(x => x.Group != SeatGroup.PrivateExpert)
            .WithMessage(_ => Text.Of("부처·운영기관·공공기관 좌석에는 기관이 필요합니다.", "A ministry, operator or agency seat needs its agency."));
        RuleFor(x => x.LabelKo).KoreanName();
        RuleFor(x => x.LabelEn).OptionalName();
        RuleFor(x => x.SortOrder).InclusiveBetween(0, 10_000);
    }
}

public sealed class CreateMembershipRequestValidator : AbstractValidator<CreateMembershipRequest>
{
    public CreateMembershipRequestValidator()
    {
        RuleFor(x => x.PersonName).NotEmpty().MaximumLength(100).ShortText(100);
        RuleFor(x => x.Title).ShortText(200);
        RuleFor(x => x.EndsOn).Must((x, end) => end is not { } e || e >= x.StartsOn)
            .WithMessage(_ => Text.Of("임기 종료일은 시작일보다 앞설 수 없습니다.", "The term cannot end before it starts."));
    }
}

public sealed class EndMembershipRequestValidator : AbstractValidator<EndMembershipRequest>
{
    public EndMembershipRequestValidator()
    {
        RuleFor(x => x.EndsOn).NotEmpty();
    }
}

/// <summary>The rules a meeting's own fields meet, whether planned or edited.</summary>
public static class MeetingFieldRules
{
    public static void Apply<T>(AbstractValidator<T> v, Func<T, string> title, Func<T, string?> titleEn, Func<T, MeetingKind> kind,
        Func<T, DateTimeOffset> starts, Func<T, DateTimeOffset?> ends, Func<T, string?> venue, Func<T, string?> url)
    {
        v.RuleFor(x => title(x)).LongText(2, 200).Field("titleKo");
        v.RuleFor(x => titleEn(x)).OptionalLongText(200).Field("titleEn");
        v.RuleFor(x => kind(x)).DefinedEnum().Field("kind");
        v.RuleFor(x => starts(x)).Must(s => s.Year is >= 2020 and <= 2100).Field("startsAt")
            .WithMessage(_ => Text.Of("2020–2100년 사이의 일시여야 합니다.", "Between 2020 and 2100."));
        v.RuleFor(x => ends(x)).Must((x, e) => e is not { } end || (end > starts(x) && end - starts(x) <= TimeSpan.FromDays(2))).Field("endsAt")
            .WithMessage(_ => Text.Of("종료 일시는 시작 뒤 이틀 안이어야 합니다.", "The end must be after the start, within two days."));
        v.RuleFor(x => venue(x)).ShortText(300).Field("venue");
        v.RuleFor(x => url(x)).WebAddress().Field("onlineUrl");
        v.RuleFor(x => venue(x)).NotEmpty().When(x => kind(x) != MeetingKind.Online).Field("venue")
            .WithMessage(_ => Text.Of("대면·혼합 회의에는 장소가 필요합니다.", "An in-person or hybrid meeting needs a venue."));
        v.RuleFor(x => url(x)).NotEmpty().When(x => kind(x) != MeetingKind.InPerson).Field("onlineUrl")
            .WithMessage(_ => Text.Of("온라인·혼합 회의에는 접속 주소가 필요합니다.", "An online or hybrid meeting needs its link."));
    }
}

public sealed class CreateMeetingRequestValidator : AbstractValidator<CreateMeetingRequest>
{
    public CreateMeetingRequestValidator()
    {
        RuleFor(x => x.BodyCode).RegistryCode();
        MeetingFieldRules.Apply(this, x => x.TitleKo, x => x.TitleEn, x => x.Kind, x => x.StartsAt, x => x.EndsAt, x => x.Venue, x => x.OnlineUrl);
    }
}

public sealed class UpdateMeetingRequestValidator : AbstractValidator<UpdateMeetingRequest>
{
    public UpdateMeetingRequestValidator() =>
        MeetingFieldRules.Apply(this, x => x.TitleKo, x => x.TitleEn, x => x.Kind, x => x.StartsAt, x => x.EndsAt, x => x.Venue, x => x.OnlineUrl);
}

public sealed class MeetingMoveRequestValidator : AbstractValidator<MeetingMoveRequest>
{
    public MeetingMoveRequestValidator() => RuleFor(x => x.To).DefinedEnum();
}

public sealed class AgendaItemRequestValidator : AbstractValidator<AgendaItemRequest>
{
    public AgendaItemRequestValidator()
    {
        RuleFor(x => x.TitleKo).LongText(2, 300);
        RuleFor(x => x.TitleEn).OptionalLongText(300);
        RuleFor(x => x.Kind).DefinedEnum();
        RuleFor(x => x.Visibility).DefinedEnum();
        RuleFor(x => x.PresenterName).ShortText(100);
        RuleFor(x => x.DurationMinutes).InclusiveBetween(1, 600);
        RuleFor(x => x.Links).Must(l => l is null || l.Count <= 30).WithMessage(_ => Text.Of("연결은 30개까지입니다.", "At most 30 links."));
        RuleForEach(x => x.Links).ChildRules(l => l.RuleFor(x => x.Kind).DefinedEnum());
    }
}

public sealed class AgendaOrderRequestValidator : AbstractValidator<AgendaOrderRequest>
{
    public AgendaOrderRequestValidator() => RuleFor(x => x.ItemIds).NotNull().Must(i => i is null || i.Count <= 500);
}

public sealed class AttendanceRequestValidator : AbstractValidator<AttendanceRequest>
{
    public AttendanceRequestValidator()
    {
        RuleFor(x => x.Lines).NotNull().Must(l => l is null || l.Count <= 300).WithMessage(_ => Text.Of("300줄까지입니다.", "At most 300 lines."));
        RuleForEach(x => x.Lines).ChildRules(l =>
        {
            l.RuleFor(x => x.Status).DefinedEnum();
            l.RuleFor(x => x.Name).ShortText(100);
            l.RuleFor(x => x.SubstituteName).ShortText(100);
        });
    }
}

public sealed class FollowUpRequestValidator : AbstractValidator<FollowUpRequest>
{
    public FollowUpRequestValidator()
    {
        RuleFor(x => x.Title).LongText(2, 300);
        RuleFor(x => x.OwnerPerson).ShortText(100);
        RuleFor(x => x.Detail).OptionalLongText(4000);
    }
}

public sealed class DecisionRequestValidator : AbstractValidator<DecisionRequest>
{
    public DecisionRequestValidator()
    {
        RuleFor(x => x.Outcome).DefinedEnum();
        RuleFor(x => x.Text).LongText(2, 8000);
        RuleFor(x => x.VotesFor).InclusiveBetween(0, 1000);
        RuleFor(x => x.VotesAgainst).InclusiveBetween(0, 1000);
        RuleFor(x => x.VotesAbstaining).InclusiveBetween(0, 1000);
        RuleFor(x => x.FollowUps).Must(f => f is null || f.Count <= 50).WithMessage(_ => Text.Of("후속조치는 50개까지입니다.", "At most 50 follow-ups."));
        RuleForEach(x => x.FollowUps).SetValidator(new FollowUpRequestValidator());
    }
}

public sealed class UpdateFollowUpRequestValidator : AbstractValidator<UpdateFollowUpRequest>
{
    public UpdateFollowUpRequestValidator()
    {
        RuleFor(x => x.Title).LongText(2, 300);
        RuleFor(x => x.OwnerPerson).ShortText(100);
        RuleFor(x => x.Detail).OptionalLongText(4000);
    }
}

public sealed class FollowUpMoveRequestValidator : AbstractValidator<FollowUpMoveRequest>
{
    public FollowUpMoveRequestValidator() => RuleFor(x => x.To).DefinedEnum();
}

public sealed class CouncilBodyRequestValidator : AbstractValidator<CouncilBodyRequest>
{
    public CouncilBodyRequestValidator()
    {
        RuleFor(x => x.NameKo).KoreanName();
        RuleFor(x => x.NameEn).OptionalName();
        RuleFor(x => x.OrganisingUnit).NotEmpty().MaximumLength(200).ShortText(200);
        RuleFor(x => x.OpeningRule).DefinedEnum();
        RuleFor(x => x.DecisionRule).DefinedEnum();
    }
}

public sealed class CreateCouncilBodyRequestValidator : AbstractValidator<CreateCouncilBodyRequest>
{
    public CreateCouncilBodyRequestValidator()
    {
        RuleFor(x => x.Code).RegistryCode();
        RuleFor(x => x.ParentCode).RegistryCode();
        RuleFor(x => x.NameKo).KoreanName();
        RuleFor(x => x.NameEn).OptionalName();
        RuleFor(x => x.OrganisingUnit).NotEmpty().MaximumLength(200).ShortText(200);
        RuleFor(x => x.OpeningRule).DefinedEnum();
        RuleFor(x => x.DecisionRule).DefinedEnum();
    }
}
