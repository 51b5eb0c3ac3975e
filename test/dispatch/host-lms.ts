// A host LMS for the shell tests: the real scorm-again runtime as window.API / window.API_1484_11, and the
// generated shell loaded in an iframe of this page (from a blob: URL, so it shares this page's origin, as a
// shell served by the LMS does).
import { readFile } from '@web/test-runner-commands';
import { buildShellFiles, loadShellTemplates, type ShellTemplates } from '../../src/dispatch/build-shell.js';
import type { ShellOptions } from '../../src/dispatch/shell-options.js';

/** The part of scorm-again's API objects the tests use. */
export interface HostApi {
  cmi: Record<string, unknown> & { core?: Record<string, unknown> };
  on(name: string, callback: (...args: unknown[]) => void): void;
  [method: string]: unknown;
}
type HostWindow = Window & {
  API?: HostApi;
  API_1484_11?: HostApi;
  Scorm12API?: unknown;
  Scorm2004API?: unknown;
};
const w = window as HostWindow;

const loaded = new Map<string, Promise<void>>();
function loadScript(src: string): Promise<void> {
  let p = loaded.get(src);
  if (!p) {
    p = new Promise((resolve, reject) => {
      const s = document.createElement('script');
      s.src = src;
      s.onload = () => resolve();
      s.onerror = () => reject(new Error(`could not load ${src}`));
      document.head.append(s);
    });
    loaded.set(src, p);
  }
  return p;
}

/** The templates as on disk (read through the test runner: its dev server rewrites inline scripts of HTML). */
export function readTemplates(): Promise<ShellTemplates> {
  return loadShellTemplates(async (p) => {
    const text = await readFile({ path: `../../shell-templates/${p}` });
    if (text === undefined) throw new Error(`shell-templates/${p} is missing`);
    return text;
  });
}

/** Installs a fresh scorm-again API of the version on this window, with the learner (when given). */
export async function installHostApi(
  version: '1.2' | '2004',
  learner?: { id: string; name: string },
): Promise<HostApi> {
  const base = '/node_modules/scorm-again/dist/';
  if (version === '1.2') {
    await loadScript(`${base}scorm12.min.js`);
    const Ctor = w.Scorm12API as new (settings: object) => HostApi;
    const api = new Ctor({ logLevel: 5 });
    if (learner) {
      api.cmi.core!.student_id = learner.id;
      api.cmi.core!.student_name = learner.name;
    }
    w.API = api;
    return api;
  }
  await loadScript(`${base}scorm2004.min.js`);
  const Ctor = w.Scorm2004API as new (settings: object) => HostApi;
  const api = new Ctor({ logLevel: 5 });
  if (learner) {
    api.cmi.learner_id = learner.id;
    api.cmi.learner_name = learner.name;
  }
  w.API_1484_11 = api;
  return api;
}

export function removeHostApis(): void {
  delete w.API;
  delete w.API_1484_11;
}

const urls: string[] = [];
const frames: HTMLIFrameElement[] = [];

/**
 * Builds the shell and loads its index.html in an iframe (with `headExtra` markup, e.g. a CSP, at the top of
 * its head); resolves once the shell document has loaded. shell.js is a blob: URL of this origin too (a
 * blob: page cannot resolve the relative "shell.js"); the served package is tested in test/e2e/dispatch.
 */
export async function mountShell(options: ShellOptions, headExtra = ''): Promise<HTMLIFrameElement> {
  const files = buildShellFiles(options, await readTemplates());
  const script = URL.createObjectURL(new Blob([files['shell.js']], { type: 'text/javascript' }));
  const page = files['index.html']
    .replace('<head>', `<head>${headExtra}`)
    .replace('<script src="shell.js">', `<script src="${script}">`);
  const url = URL.createObjectURL(new Blob([page], { type: 'text/html' }));
  urls.push(url, script);
  const frame = document.createElement('iframe');
  frame.style.cssText = 'width:800px;height:600px';
  frames.push(frame);
  const loadedOnce = new Promise<void>((resolve) =>
    frame.addEventListener('load', () => resolve(), { once: true }),
  );
  frame.src = url;
  document.body.append(frame);
  await loadedOnce;
  return frame;
}

export function unmountShells(): void {
  for (const f of frames.splice(0)) f.remove();
  for (const u of urls.splice(0)) URL.revokeObjectURL(u);
}

/** Polls until the function returns a truthy value. */
export async function until<T>(
  fn: () => T | undefined | null | false,
  ms = 5000,
  what = 'a condition',
): Promise<T> {
  const end = performance.now() + ms;
  for (;;) {
    let value: T | undefined | null | false;
    try {
      value = fn();
    } catch {
      value = undefined;
    }
    if (value) return value;
    if (performance.now() > end) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 20));
  }
}

/** The frame's current URL, or '' while it is cross-origin or not loaded. */
export function frameHref(frame: HTMLIFrameElement): string {
  try {
    return frame.contentWindow?.location.href ?? '';
  } catch {
    return '';
  }
}

/** The shell's visible message (its <main>), or ''. */
export function shellText(frame: HTMLIFrameElement): string {
  try {
    return frame.contentDocument?.querySelector('main')?.textContent ?? '';
  } catch {
    return '';
  }
}
