import { QueryClientProvider } from '@tanstack/react-query';
import { StrictMode, type ReactNode } from 'react';
import { session } from '../features/auth/session';
import { queryClient } from './queryClient';

// What one user read is never shown to the next: the cache is emptied when the session ends (sign-out,
// expiry) and when someone signs in.
let wasSignedIn = false;
session.subscribe(() => {
  const signedIn = session.get().status === 'signedIn';
  if (signedIn !== wasSignedIn) queryClient.getQueryCache().clear();
  wasSignedIn = signedIn;
});

export function AppProvider({ children }: { children: ReactNode }) {
  return (
    <StrictMode>
      <QueryClientProvider client={queryClient}>{children}</QueryClientProvider>
    </StrictMode>
  );
}
