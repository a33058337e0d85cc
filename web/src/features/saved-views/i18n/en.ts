import type { savedViewsKo } from './ko';

export const savedViewsEn: typeof savedViewsKo = {
  savedViews: {
    label: 'Saved views',
    button: 'Saved views',
    count: 'Saved views ({count})',
    none: 'No saved views yet. Name the current filters and save them to open them again on any device.',
    open: 'Open',
    delete: 'Delete',
    deleteLabel: 'Delete the view “{name}”',
    saveLegend: 'Save the current filters',
    name: 'View name',
    namePlaceholder: 'e.g. Our ministry, overdue',
    save: 'Save',
    saved: 'Saved as “{name}”.',
    problems: {
      empty: 'Enter a name.',
      long: 'A name is at most 60 characters.',
      taken: 'A view with this name already exists.',
    },
    full: 'You can keep at most 50 views.',
  },
};
