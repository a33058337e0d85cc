import type { holidaysKo } from './ko';

export const holidaysEn: typeof holidaysKo = {
  holidays: {
    title: 'Public holidays',
    intro: 'Deadlines counted in working days skip weekends and the holidays of this calendar (substitute holidays included). 2025–2027 come from the published almanac, 2028 from the holiday regulation. Add temporary holidays here.',
    year: 'Year',
    columns: { on: 'Date', name: 'Name', source: 'Source', actions: 'Actions' },
    sources: { kasi_calendar: 'Almanac', rules: 'From the regulation (to check)', secretariat: 'Added by the secretariat' },
    add: 'Add a holiday',
    on: 'Date',
    nameKo: 'Name (Korean)',
    nameEn: 'Name (English)',
    save: 'Add',
    remove: 'Remove',
    removeConfirm: 'Remove {name} ({date}) from the holiday calendar?',
    empty: 'No holidays in this year.',
    added: 'The holiday was added.',
  },
};
