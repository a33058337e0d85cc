import { useCallback } from 'react';
import { useNavigate } from 'react-router';

export interface GoOptions {
  /** Overwrites the current history entry instead of adding one. */
  replace?: boolean;
  /** Stays where the user is (a filter change); otherwise a new page starts at the top. */
  keepScroll?: boolean;
}

/** Goes to a path on this site without reloading. */
export type Go = (to: string, options?: GoOptions) => void;

/** react-router's navigate in the dashboard's words: `keepScroll` is its `preventScrollReset`. */
export function useGo(): Go {
  const navigate = useNavigate();
  return useCallback<Go>(
    (to, options = {}) => void navigate(to, { replace: options.replace, preventScrollReset: options.keepScroll }),
    [navigate],
  );
}
