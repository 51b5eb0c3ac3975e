// config.json beside index.html (architecture.md "The app's URLs"): optional; names the content origin.
// Read once at startup. Kept tiny: the library view reads it too (content-origin.ts does the heavy part).
export interface AppConfig {
  /** The build's folder on the content origin (ends with '/'), when content is isolated. */
  contentBase?: string;
}

/**
 * Reads a config.json text. `contentOrigin` is an origin (the build is then at the app's own path there)
 * or a folder URL; one equal to the app's origin means no isolation.
 */
export function parseAppConfig(text: string, appUrl: string): AppConfig {
  const raw = JSON.parse(text) as unknown;
  if (typeof raw !== 'object' || raw === null) throw new Error('config.json must hold an object.');
  const value = (raw as Record<string, unknown>).contentOrigin;
  if (value === undefined || value === null || value === '') return {};
  if (typeof value !== 'string') throw new Error('config.json: contentOrigin must be a string.');
  const url = new URL(value);
  if (url.protocol !== 'https:' && url.protocol !== 'http:')
    throw new Error('config.json: contentOrigin must be an http(s) URL.');
  const app = new URL(appUrl);
  if (url.origin === app.origin) return {};
  const path = url.pathname === '/' ? app.pathname.replace(/[^/]*$/, '') : url.pathname.replace(/\/?$/, '/');
  return { contentBase: new URL(path, url.origin).href };
}

let config: Promise<AppConfig> | undefined;

/** config.json beside index.html, read once; absent means no isolation. */
export function appConfig(): Promise<AppConfig> {
  config ??= (async () => {
    try {
      const response = await fetch(new URL('config.json', document.baseURI), { cache: 'no-cache' });
      if (!response.ok) return {};
      return parseAppConfig(await response.text(), document.baseURI);
    } catch (error) {
      console.error('scorm-player: config.json could not be read; content runs on this origin.', error);
      return {};
    }
  })();
  return config;
}
