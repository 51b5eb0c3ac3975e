// Conformance rows: (call, element or argument, value, expected return, expected error code), run in order on
// one API object. The same runner serves both versions through their function names.
import { expect } from '@open-wc/testing';
import { Scorm12Api } from '../../src/runtime/scorm12.js';
import { Scorm2004Api } from '../../src/runtime/scorm2004.js';
import type { RuntimeOptions } from '../../src/runtime/types.js';

export type Call = 'init' | 'term' | 'commit' | 'get' | 'set' | 'err' | 'str' | 'diag';
/** [call, element (or the argument of init/term/commit/str/diag), value, expected return, expected code]. */
export type Row = [Call, string, string, string | RegExp, number];

export interface Block {
  name: string;
  rows: Row[];
  /** Initialize before the rows (default true). */
  init?: boolean;
  options?: Partial<RuntimeOptions>;
}

type Api = Record<string, (...args: string[]) => string>;
const NAMES: Record<'1.2' | '2004', Record<Call, string>> = {
  '1.2': {
    init: 'LMSInitialize',
    term: 'LMSFinish',
    commit: 'LMSCommit',
    get: 'LMSGetValue',
    set: 'LMSSetValue',
    err: 'LMSGetLastError',
    str: 'LMSGetErrorString',
    diag: 'LMSGetDiagnostic',
  },
  '2004': {
    init: 'Initialize',
    term: 'Terminate',
    commit: 'Commit',
    get: 'GetValue',
    set: 'SetValue',
    err: 'GetLastError',
    str: 'GetErrorString',
    diag: 'GetDiagnostic',
  },
};

export function make(version: '1.2' | '2004', options: Partial<RuntimeOptions> = {}): Api {
  const o = { learnerId: 'u1', ...options };
  return (version === '1.2' ? new Scorm12Api(o) : new Scorm2004Api(o)) as unknown as Api;
}

/** Runs rows on api; every row also checks that GetLastError then reports the expected code. */
export function runRows(version: '1.2' | '2004', api: Api, rows: Row[]): void {
  const n = NAMES[version];
  rows.forEach((row, i) => {
    const [call, el, value, ret, code] = row;
    const args = call === 'set' ? [el, value] : call === 'err' ? [] : [el];
    const got = api[n[call]]!(...args);
    const where = `row ${i} ${JSON.stringify(row.map(String).map((s) => (s.length > 60 ? s.slice(0, 60) + '…' : s)))}`;
    if (ret instanceof RegExp) expect(got, where).to.match(ret);
    else expect(got, where).to.equal(ret);
    if (call === 'err' || call === 'str' || call === 'diag') return;
    expect(api[n.err]!(), `${where}: error code`).to.equal(String(code));
    // A failure always comes with a diagnostic.
    if (code) expect(api[n.diag]!(''), `${where}: diagnostic`).to.not.equal('');
    // ...and reading the error changes nothing.
    api[n.str]!(String(code));
    expect(api[n.err]!(), `${where}: error code after GetDiagnostic`).to.equal(String(code));
  });
}

/** The elements rows touch, as table patterns (indices → n). */
export function patterns(blocks: Block[]): Set<string> {
  const s = new Set<string>();
  for (const b of blocks)
    for (const [call, el] of b.rows)
      if (call === 'get' || call === 'set') s.add(el.replace(/\.\d+(?=\.|$)/g, '.n').replace(/\._\w+$/, ''));
  return s;
}

/** Long strings for SPM rows. */
export const chars = (n: number, c = 'x'): string => c.repeat(n);
