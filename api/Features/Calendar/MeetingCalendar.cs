using System.Globalization;
using System.Text;
using BioCluster.Api.Features.Meetings;
using BioCluster.Api.Infrastructure.Http;
using BioCluster.Contracts.Meetings;
using Ical.Net;
using Ical.Net.CalendarComponents;
using Ical.Net.DataTypes;
using Ical.Net.Serialization;
using IcalCalendar = Ical.Net.Calendar;

namespace BioCluster.Api.Features.Calendar;

/// <summary>
/// A feed's meetings as an iCalendar document (RFC 5545), written by Ical.Net (ADR 0013). One VEVENT per meeting, its
/// UID fixed for the meeting's life and its SEQUENCE the meeting's, so a subscribed calendar replaces an event when the
/// meeting changes and removes it when it is cancelled (STATUS:CANCELLED). Times are in UTC; calendars show them in
/// their own zone.
/// </summary>
public static class MeetingCalendar
{
    public const string ContentType = "text/calendar; charset=utf-8";

    public static string UidOf(long meetingId) => $"meeting-{meetingId}@biocluster";

    public static string Write(MeetingFeed feed)
    {
        var calendar = new IcalCalendar { ProductId = "-//Bio Cluster Council//BioCluster//KO", Method = "PUBLISH" };
        calendar.AddProperty("X-WR-CALNAME", feed.Name);
        calendar.AddProperty("NAME", feed.Name); // RFC 7986, the same name for clients that read it
        calendar.AddProperty("X-PUBLISHED-TTL", "PT1H"); // how often a subscriber should look again
        foreach (var (meeting, agenda) in feed.Meetings) calendar.Events.Add(EventOf(meeting, agenda));
        return new CalendarSerializer().SerializeToString(calendar) ?? "";
    }

    /// <summary>
    /// What a subscriber's calendar shows of a meeting, as one string: the event's SUMMARY, DTSTART, DTEND, LOCATION, URL,
    /// STATUS and DESCRIPTION exactly as the feed writes them (the title and number, time, venue, online link, state,
    /// cancellation and the public agenda), without the stamps and the sequence. A change that alters it raises the
    /// meeting's sequence; one that does not (an internal item, a decision, attendance, follow-ups) leaves it alone.
    /// </summary>
    public static string FaceOf(MeetingDto m)
    {
        var row = new CalendarFeedStore.FeedMeetingRow
        {
            Id = m.Id, BodyNameKo = m.BodyNameKo, Number = m.Number, TitleKo = m.TitleKo, Kind = WireNames.Of(m.Kind), State = WireNames.Of(m.State),
            StartsAt = m.StartsAt, EndsAt = m.EndsAt, Venue = m.Venue, OnlineUrl = m.OnlineUrl, CancelReason = m.CancelReason,
            CreatedAt = m.CreatedAt, UpdatedAt = m.CreatedAt,
        };
        // The feed reads public items only and numbers them among themselves, as here.
        var agenda = m.Agenda.Where(a => a.Visibility == AgendaVisibility.Public)
            .Select(a => new CalendarFeedStore.FeedAgendaRow { MeetingId = m.Id, Id = a.Id, ParentId = a.ParentId, Position = a.Position, TitleKo = a.TitleKo })
            .ToList();
        var e = EventOf(row, agenda);
        return string.Join('\u001f', e.Summary, m.StartsAt.UtcTicks.ToString(CultureInfo.InvariantCulture),
            m.EndsAt?.UtcTicks.ToString(CultureInfo.InvariantCulture), e.Location, e.Url?.AbsoluteUri, e.Status, e.Description);
    }

    private static CalendarEvent EventOf(CalendarFeedStore.FeedMeetingRow m, IReadOnlyList<CalendarFeedStore.FeedAgendaRow> agenda)
    {
        var state = WireNames.Parse<MeetingState>(m.State);
        var e = new CalendarEvent
        {
            Uid = UidOf(m.Id),
            Sequence = m.Sequence,
            // The moment this version of the meeting was recorded (RFC 5545 3.8.7.2, for a published calendar without METHOD:REQUEST).
            DtStamp = Utc(m.UpdatedAt),
            Created = Utc(m.CreatedAt),
            LastModified = Utc(m.UpdatedAt),
            DtStart = Utc(m.StartsAt),
            Summary = SummaryOf(m),
            Status = state switch
            {
                MeetingState.Planned => EventStatus.Tentative,
                MeetingState.Cancelled => EventStatus.Cancelled,
                _ => EventStatus.Confirmed,
            },
            Description = DescriptionOf(m, agenda),
        };
        // No end is invented: a meeting without one is an instant in the calendar (RFC 5545 3.6.1).
        if (m.EndsAt is { } ends) e.DtEnd = Utc(ends);
        if (!string.IsNullOrWhiteSpace(m.Venue)) e.Location = m.Venue;
        else if (WireNames.Parse<MeetingKind>(m.Kind) == MeetingKind.Online) e.Location = "온라인";
        if (Uri.TryCreate(m.OnlineUrl, UriKind.Absolute, out var url)) e.Url = url;
        return e;
    }

    private static CalDateTime Utc(DateTimeOffset instant) => new(instant.UtcDateTime);

    /// <summary>The meeting's Korean title, with its number in front (제N차) once it has one and the title does not already say it.</summary>
    public static string SummaryOf(CalendarFeedStore.FeedMeetingRow m)
    {
        if (m.Number is not { } n) return m.TitleKo;
        var numbered = string.Create(CultureInfo.InvariantCulture, $"제{n}차");
        return m.TitleKo.StartsWith(numbered, StringComparison.Ordinal) ? m.TitleKo : $"{numbered} {m.TitleKo}";
    }

    /// <summary>The body, the cancellation if any, the online link, and the public agenda numbered as the meeting shows it.</summary>
    private static string DescriptionOf(CalendarFeedStore.FeedMeetingRow m, IReadOnlyList<CalendarFeedStore.FeedAgendaRow> agenda)
    {
        var text = new StringBuilder();
        text.Append(m.BodyNameKo).Append('\n');
        if (WireNames.Parse<MeetingState>(m.State) == MeetingState.Cancelled)
            text.Append("취소된 회의입니다.").Append(string.IsNullOrWhiteSpace(m.CancelReason) ? "" : $" 사유: {m.CancelReason}").Append('\n');
        if (!string.IsNullOrWhiteSpace(m.OnlineUrl)) text.Append("온라인 참석: ").Append(m.OnlineUrl).Append('\n');
        if (agenda.Count > 0)
        {
            var rows = agenda.Select(a => new MeetingStore.AgendaRow { Id = a.Id, ParentId = a.ParentId, Position = a.Position, TitleKo = a.TitleKo }).ToList();
            var numbering = MeetingStore.Numbering(rows);
            text.Append("\n안건\n");
            foreach (var item in Ordered(rows))
            {
                var label = numbering[item.Id];
                var depth = label.Count(c => c == '.');
                // An item under one the feed does not show has no number of its own ("–").
                text.Append(' ', depth * 2).Append(label == "–" ? "–" : label + ".").Append(' ').Append(item.TitleKo).Append('\n');
            }
        }
        return text.ToString().TrimEnd('\n');
    }

    /// <summary>Items in reading order: each followed by its sub-items.</summary>
    private static IEnumerable<MeetingStore.AgendaRow> Ordered(IReadOnlyList<MeetingStore.AgendaRow> items)
    {
        var ids = items.Select(i => i.Id).ToHashSet();
        IEnumerable<MeetingStore.AgendaRow> Under(long? parent) => items
            .Where(i => i.ParentId == parent || (parent is null && i.ParentId is { } p && !ids.Contains(p)))
            .OrderBy(i => i.Position).ThenBy(i => i.Id)
            .SelectMany(i => Under(i.Id).Prepend(i));
        return Under(null);
    }
}
