/** Settings a deployer can change without rebuilding: see public/config.js. */
export interface RuntimeConfig {
  apiBaseUrl?: string;
}

declare global {
  interface Window {
    BIOCLUSTER_CONFIG?: RuntimeConfig;
  }
}

/**
 * The API base URL: public/config.js wins, then the build-time VITE_API_BASE_URL, then same origin ("").
 * A trailing slash is dropped because the generated client appends paths that start with "/".
 */
export function resolveApiBaseUrl(
  runtime: RuntimeConfig | undefined = typeof window === 'undefined' ? undefined : window.BIOCLUSTER_CONFIG,
  buildTime: string | undefined = import.meta.env.VITE_API_BASE_URL,
): string {
  const fromRuntime = runtime?.apiBaseUrl?.trim();
  const chosen = fromRuntime || buildTime?.trim() || '';
  return chosen.replace(/\/+$/, '');
}
