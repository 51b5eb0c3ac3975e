// Runs axe-core on a fixture (open shadow roots included) and fails with the violations listed.
// axe-core ships as a UMD script: imported for its side effect, it puts `axe` on the window.
import 'axe-core';
import type * as Axe from 'axe-core';
import { expect } from '@open-wc/testing';

const axe = (globalThis as unknown as { axe: typeof Axe }).axe;

export async function expectAccessible(element: Element, disable: string[] = []): Promise<void> {
  const rules = Object.fromEntries(disable.map((id) => [id, { enabled: false }]));
  // iframes: false — content frames (SCOs) have no axe of their own to answer; the audit is of our UI.
  const result = await axe.run(element, { resultTypes: ['violations'], rules, iframes: false });
  const problems = result.violations.map(
    (v) => `${v.id}: ${v.help} — ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`,
  );
  expect(problems, problems.join('\n')).to.deep.equal([]);
}
