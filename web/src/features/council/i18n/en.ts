import type { Widen } from '../../../i18n/widen';
import type { councilKo } from './ko';

/** The council page's strings in English: the same keys as ko.ts. */
export const councilEn: Widen<typeof councilKo> = {
  council: {
    title: 'The council',
    intro: 'The Bio Cluster Council’s seats, their current members and terms. Seats are kept apart from people: a seat stays when its member changes.',
    caption: 'Council seats and their current members',
    seatCount: '{seats} seats ({voting} voting)',
    columns: {
      seat: 'Seat',
      holder: 'Current member',
      term: 'Term',
      voting: 'Vote',
      actions: 'Actions',
    },
    vacant: 'Vacant',
    voting: 'Yes',
    nonVoting: 'No',
    openEnded: 'from {start}',
    termRange: '{start} – {end}',
    daysLeft: '{days} days left',
    appoint: 'Appoint',
    appointTitle: 'Appoint to {seat}',
    appointIntro: 'Records a new term in this seat. A member without an end date leaves the day before the new term starts.',
    appointed: 'The term of {name} is recorded.',
    fields: {
      personName: 'Name',
      title: 'Title',
      startsOn: 'Term starts',
      endsOn: 'Term ends',
      substituteAllowed: 'May send a substitute',
    },
    errors: {
      required: 'Required.',
      date: 'A date as YYYY-MM-DD.',
      endBeforeStart: 'The term cannot end before it starts.',
    },
    termsEnding: {
      title: 'Terms ending soon',
      intro: 'Members whose term ends within {days} days.',
      none: 'No term ends within {days} days.',
      seat: 'Seat #{id}',
    },
  },
  seatSections: {
    chair: 'Chair',
    ministry: 'Ministries',
    cluster_operator: 'Cluster operators',
    public_agency: 'Public agencies',
    private_expert: 'Private experts',
    secretary: 'Secretary',
  },
  seatPositions: {
    chair: 'Chair',
    vice_chair: 'Vice chair',
    member: 'Member',
    secretary: 'Secretary',
  },
  expertSectors: {
    industry: 'Industry',
    academia: 'Academia',
    research: 'Research',
    hospital: 'Hospitals',
  },
};
