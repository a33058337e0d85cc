import type { Widen } from '../../../i18n/widen';
import type { authKo } from './ko';

/** The auth strings in English: the same keys as ko.ts. */
export const authEn: Widen<typeof authKo> = {
  auth: {
    title: 'Sign in',
    intro: 'The working system of the Bio Cluster Council. Sign in with the account you were given.',
    username: 'Username',
    password: 'Password',
    submit: 'Sign in',
    submitting: 'Signing in…',
    wrongCredentials: 'The username or password is wrong.',
    locked: 'Sign-in is locked after too many attempts. Try again in {minutes} min.',
    lockedNoTime: 'Sign-in is locked after too many attempts. Try again later, or ask an administrator to unlock the account.',
    expired: 'Your session has ended. Sign in again to return to the page you were on.',
    signedOut: 'You have signed out.',
    checking: 'Checking whether you are signed in…',
    help: 'No account, or forgot your password? Ask the council administrator.',
  },
  userMenu: {
    label: 'User menu',
    role: 'Role',
    agency: 'Agency',
    noAgency: 'No agency',
    account: 'My account · change password',
    signOut: 'Sign out',
    signingOut: 'Signing out…',
  },
};
