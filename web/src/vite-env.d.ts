/// <reference types="vite/client" />

interface ImportMetaEnv {
  /** Build-time fallback for the API base URL when public/config.js leaves it empty. */
  readonly VITE_API_BASE_URL?: string;
}

interface ImportMeta {
  readonly env: ImportMetaEnv;
}
