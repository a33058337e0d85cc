import type { Widen } from '../../../i18n/widen';
import type { accountKo } from './ko';

/** The account strings in English: the same keys as ko.ts. */
export const accountEn: Widen<typeof accountKo> = {
  account: {
    title: 'My account',
    intro: 'The account you are signed in with, and what it may do.',
    profile: 'Account',
    username: 'Username',
    displayName: 'Name',
    role: 'Role',
    agency: 'Agency',
    permissions: 'Permissions',
    changePassword: 'Change password',
    changePasswordIntro: 'Changing your password signs you out everywhere except in this browser.',
    currentPassword: 'Current password',
    newPassword: 'New password',
    confirmPassword: 'Repeat the new password',
    mismatch: 'The new password and its repetition differ.',
    changed: 'Your password has been changed.',
    submit: 'Change password',
  },
};
