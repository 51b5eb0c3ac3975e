// <scorm-toc>: the table of contents as a WAI-ARIA tree (architecture.md "What tests and people can rely
// on"; style.md, after Shoelace's tree). It renders the whole tree once as one HTML string (5,000 items in
// a few milliseconds, no per-item elements or templates) and afterwards patches only what changed:
// statuses, disabled items, the current item, expansion and the roving tabindex. Choosing an item sends a
// NavRequestEvent; the player decides.
import { LitElement, css, html } from 'lit';
import { property } from 'lit/decorators.js';
import { activeLocale, msg, updateWhenLocaleChanges } from '../i18n/msg.js';
import { NavRequestEvent } from './events.js';
import { playerTheme, srOnly } from './theme.js';

export interface TocNode {
  id: string;
  title: string;
  children: TocNode[];
}

export type TocStatus = 'not attempted' | 'incomplete' | 'completed' | 'passed' | 'failed';

export interface TocItemState {
  status: TocStatus;
  /** Navigation does not allow choosing it now (aria-disabled). */
  disabled: boolean;
}

/** A status in words: the screen readers' text, the icon's tooltip and the status key. */
function statusText(status: TocStatus): string {
  switch (status) {
    case 'not attempted':
      return msg('Not attempted', { id: 'toc.not-attempted' });
    case 'incomplete':
      return msg('Incomplete', { id: 'toc.incomplete' });
    case 'completed':
      return msg('Completed', { id: 'toc.completed' });
    case 'passed':
      return msg('Passed', { id: 'toc.passed' });
    case 'failed':
      return msg('Failed', { id: 'toc.failed' });
  }
}
// Shapes differ as well as colours, so status never rests on colour alone.
const statusIcon: Record<TocStatus, string> = {
  'not attempted': '○',
  incomplete: '◐',
  completed: '●',
  passed: '✓',
  failed: '✗',
};

const STATUSES: readonly TocStatus[] = ['not attempted', 'incomplete', 'completed', 'passed', 'failed'];

/** Trees this small start fully expanded; bigger ones show the root's children and the current path. */
const EXPAND_ALL_UP_TO = 300;

interface Flat {
  node: TocNode;
  parent: number;
  children: number[];
  /** Position in the parent's `children`. */
  pos: number;
}

const escapeHtml = (s: string): string =>
  s.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);

export class ScormToc extends LitElement {
  static override styles = [
    playerTheme,
    srOnly,
    css`
      :host {
        display: block;
        font: inherit;
        overflow: auto;
        color: var(--scorm-fg);
        background: var(--scorm-bg);
      }
      [role='tree'] {
        padding: 0.25rem;
      }
      /* Indentation comes from the nesting of groups, not from a style per item. */
      [role='group'] {
        padding-left: 1rem;
      }
      [role='treeitem'] {
        display: flex;
        align-items: center;
        gap: 0.375rem;
        padding: 0.375rem 0.5rem;
        border-radius: 0.25rem;
        cursor: pointer;
        min-height: 2rem;
        box-sizing: border-box;
        outline: none;
      }
      [role='treeitem']:focus-visible {
        outline: 2px solid var(--scorm-focus);
        outline-offset: -2px;
      }
      [role='treeitem'][aria-selected='true'] {
        background: var(--scorm-current-bg);
        font-weight: 600;
      }
      [role='treeitem'][aria-disabled='true'] {
        color: var(--scorm-disabled);
        cursor: not-allowed;
      }
      .leaf {
        padding-left: 1.875rem;
      }
      .toggle {
        width: 1rem;
        flex: none;
        text-align: center;
        user-select: none;
      }
      [aria-expanded='true'] > .toggle::before {
        content: '▾';
      }
      [aria-expanded='false'] > .toggle::before {
        content: '▸';
      }
      .title {
        flex: 1;
        min-width: 0;
        overflow-wrap: anywhere;
      }
      .icon {
        flex: none;
        width: 1.25rem;
        text-align: center;
      }
      [data-status='passed'],
      [data-status='completed'] {
        color: var(--scorm-ok);
      }
      [data-status='failed'] {
        color: var(--scorm-bad);
      }
      .legend {
        margin: 0.5rem 0.25rem;
        font-size: 0.875rem;
      }
      .legend summary {
        cursor: pointer;
        padding: 0.25rem;
      }
      .legend summary:focus-visible {
        outline: 2px solid var(--scorm-focus);
      }
      .legend ul {
        list-style: none;
        margin: 0.25rem 0 0;
        padding: 0 0.25rem;
        display: grid;
        gap: 0.25rem;
      }
      .legend li {
        display: flex;
        gap: 0.375rem;
      }
    `,
  ];

  /** The organization (the root treeitem) and its items; hidden items are left out by the caller. */
  @property({ attribute: false }) accessor root: TocNode | undefined = undefined;
  /** Status and availability per item id (the organization's id included). */
  @property({ attribute: false }) accessor states: ReadonlyMap<string, TocItemState> = new Map();
  /** The item being delivered. */
  @property({ attribute: false }) accessor currentId: string | undefined = undefined;
  /** The tree's accessible name. */
  /** The tree's accessible name (default: "Course contents" in the learner's language). */
  @property() accessor label: string | undefined = undefined;

  private flat: Flat[] = [];
  private indexById = new Map<string, number>();
  private collapsed = new Set<number>();
  private focusIndex = 0;
  private builtFor: TocNode | undefined;
  private builtLocale = '';
  private applied = new Map<number, TocItemState>();
  private appliedCurrent = -1;
  private typed = '';
  private typedAt = 0;

  override render() {
    return html`<div
        role="tree"
        aria-label=${this.label ?? msg('Course contents', { id: 'toc.label' })}
        @keydown=${this.onKeyDown}
        @click=${this.onClick}
        @focusin=${this.onFocusIn}
      ></div>
      <details class="legend">
        <summary>${msg('Status key', { id: 'toc.key' })}</summary>
        <ul>
          ${STATUSES.map(
            (status) =>
              html`<li>
                <span class="icon" aria-hidden="true" data-status=${status}>${statusIcon[status]}</span
                ><span class="status-name">${statusText(status)}</span>
              </li>`,
          )}
        </ul>
      </details>`;
  }

  constructor() {
    super();
    updateWhenLocaleChanges(this);
  }

  override updated(): void {
    const tree = this.renderRoot.querySelector('[role="tree"]') as HTMLElement;
    // The tree is one HTML string: a new language rebuilds it (status texts and tooltips).
    if (this.root !== this.builtFor || activeLocale() !== this.builtLocale) {
      this.builtFor = this.root;
      this.builtLocale = activeLocale();
      this.build(tree);
    } else {
      this.patch();
    }
  }

  /** Moves keyboard focus into the tree (to the roving item). */
  override focus(): void {
    this.item(this.focusIndex)?.focus();
  }

  // ----- building and patching ---------------------------------------------------------------

  private build(tree: HTMLElement): void {
    this.flat = [];
    this.indexById.clear();
    this.applied.clear();
    this.collapsed.clear();
    this.appliedCurrent = -1;
    if (!this.root) {
      tree.textContent = '';
      return;
    }
    // Flatten in preorder with an explicit stack (deep trees must not overflow the call stack).
    const stack: [TocNode, number, number][] = [[this.root, -1, 0]];
    while (stack.length) {
      const [node, parent, pos] = stack.pop()!;
      const index = this.flat.length;
      this.flat.push({ node, parent, children: [], pos });
      this.indexById.set(node.id, index);
      if (parent >= 0) this.flat[parent]!.children.push(index);
      for (let i = node.children.length - 1; i >= 0; i--) stack.push([node.children[i]!, index, i]);
    }
    const current = this.currentId === undefined ? -1 : (this.indexById.get(this.currentId) ?? -1);
    if (this.flat.length > EXPAND_ALL_UP_TO) {
      const open = new Set<number>([0]);
      for (let i = current; i >= 0; i = this.flat[i]!.parent) open.add(i);
      for (let i = 0; i < this.flat.length; i++)
        if (this.flat[i]!.children.length && !open.has(i)) this.collapsed.add(i);
    }
    this.focusIndex = current >= 0 ? current : 0;
    const parts: string[] = [];
    this.emit(0, current, parts);
    tree.innerHTML = parts.join('');
    this.appliedCurrent = current;
    for (let i = 0; i < this.flat.length; i++) {
      const s = this.states.get(this.flat[i]!.node.id);
      if (s) this.applied.set(i, s);
    }
  }

  private emit(index: number, current: number, out: string[]): void {
    // Iterative preorder emission with explicit close tags.
    const stack: (number | string)[] = [index];
    while (stack.length) {
      const top = stack.pop()!;
      if (typeof top === 'string') {
        out.push(top);
        continue;
      }
      const f = this.flat[top]!;
      const state = this.states.get(f.node.id) ?? { status: 'not attempted', disabled: false };
      const branch = f.children.length > 0;
      const expanded = branch && !this.collapsed.has(top);
      const title = escapeHtml(f.node.title);
      // The treeitem holds only its own row; its group follows it and is attached with aria-owns (the
      // APG navigation treeview structure), so a branch's name and visible text are its title alone.
      out.push(
        `<div role="treeitem" id="t${top}" aria-labelledby="l${top}" aria-describedby="s${top}"` +
          ` aria-selected="${top === current}"${top === current ? ' aria-current="page"' : ''}` +
          ` tabindex="${top === this.focusIndex ? 0 : -1}"` +
          (branch ? ` aria-expanded="${expanded}" aria-owns="g${top}"` : '') +
          (state.disabled ? ' aria-disabled="true"' : '') +
          // Leaves have no toggle; their padding keeps titles aligned.
          (branch ? '><span class="toggle" aria-hidden="true"></span>' : ' class="leaf">') +
          `<span class="title" id="l${top}">${title}</span>` +
          `<span class="icon" aria-hidden="true" data-status="${state.status}" title="${statusText(state.status)}">` +
          `${statusIcon[state.status]}</span>` +
          `<span class="sr-only" id="s${top}">${statusText(state.status)}</span></div>`,
      );
      if (branch) {
        out.push(`<div role="group" id="g${top}"${expanded ? '' : ' hidden'}>`);
        stack.push('</div>');
        for (let i = f.children.length - 1; i >= 0; i--) {
          const c = f.children[i]!;
          stack.push(c);
        }
      }
    }
  }

  private patch(): void {
    for (const [id, state] of this.states) {
      const i = this.indexById.get(id);
      if (i === undefined) continue;
      const before = this.applied.get(i);
      if (before && before.status === state.status && before.disabled === state.disabled) continue;
      this.applied.set(i, state);
      const el = this.item(i);
      if (!el) continue;
      if (state.disabled) el.setAttribute('aria-disabled', 'true');
      else el.removeAttribute('aria-disabled');
      const icon = el.querySelector(':scope > .icon') as HTMLElement;
      icon.dataset['status'] = state.status;
      icon.textContent = statusIcon[state.status];
      // The tooltip names the icon for sighted learners; the describedby text is the screen readers'.
      icon.title = statusText(state.status);
      this.renderRoot.querySelector(`#s${i}`)!.textContent = statusText(state.status);
    }
    const current = this.currentId === undefined ? -1 : (this.indexById.get(this.currentId) ?? -1);
    if (current !== this.appliedCurrent) {
      const old = this.item(this.appliedCurrent);
      old?.setAttribute('aria-selected', 'false');
      old?.removeAttribute('aria-current');
      const now = this.item(current);
      now?.setAttribute('aria-selected', 'true');
      now?.setAttribute('aria-current', 'page');
      this.appliedCurrent = current;
      if (current >= 0) {
        // Open the branches that hold the current item, and let the roving tabindex follow it unless
        // the learner is moving around the tree right now.
        for (let p = this.flat[current]!.parent; p >= 0; p = this.flat[p]!.parent) this.setExpanded(p, true);
        if (!this.matches(':focus-within')) this.moveFocus(current, false);
      }
    }
  }

  private item(index: number): HTMLElement | null {
    if (index < 0) return null;
    return (this.renderRoot as ShadowRoot).getElementById(`t${index}`);
  }

  private setExpanded(index: number, open: boolean): void {
    const f = this.flat[index];
    if (!f || f.children.length === 0) return;
    if (open) this.collapsed.delete(index);
    else this.collapsed.add(index);
    const el = this.item(index);
    el?.setAttribute('aria-expanded', String(open));
    const group = (this.renderRoot as ShadowRoot).getElementById(`g${index}`);
    if (group) group.hidden = !open;
  }

  private moveFocus(index: number, focus = true): void {
    const old = this.item(this.focusIndex);
    const next = this.item(index);
    if (!next) return;
    if (old && old !== next) old.tabIndex = -1;
    next.tabIndex = 0;
    this.focusIndex = index;
    if (focus) next.focus();
  }

  // ----- visible order -------------------------------------------------------------------------

  private isOpen(index: number): boolean {
    return this.flat[index]!.children.length > 0 && !this.collapsed.has(index);
  }

  private nextVisible(index: number): number {
    const f = this.flat[index]!;
    if (this.isOpen(index)) return f.children[0]!;
    for (let i = index; i >= 0; i = this.flat[i]!.parent) {
      const fi = this.flat[i]!;
      if (fi.parent < 0) break;
      const siblings = this.flat[fi.parent]!.children;
      if (fi.pos + 1 < siblings.length) return siblings[fi.pos + 1]!;
    }
    return index;
  }

  private previousVisible(index: number): number {
    const f = this.flat[index]!;
    if (f.parent < 0) return index;
    if (f.pos === 0) return f.parent;
    let i = this.flat[f.parent]!.children[f.pos - 1]!;
    while (this.isOpen(i)) {
      const c = this.flat[i]!.children;
      i = c[c.length - 1]!;
    }
    return i;
  }

  private lastVisible(): number {
    let i = 0;
    while (this.isOpen(i)) {
      const c = this.flat[i]!.children;
      i = c[c.length - 1]!;
    }
    return i;
  }

  // ----- events --------------------------------------------------------------------------------

  private indexOf(event: Event): number {
    for (const el of event.composedPath()) {
      if (el instanceof HTMLElement && el.getAttribute('role') === 'treeitem') return Number(el.id.slice(1));
      if (el === this) break;
    }
    return -1;
  }

  private choose(index: number): void {
    const el = this.item(index);
    if (!el || el.getAttribute('aria-disabled') === 'true') return;
    this.dispatchEvent(new NavRequestEvent({ type: 'choice', target: this.flat[index]!.node.id }));
  }

  private onFocusIn = (event: FocusEvent): void => {
    const i = this.indexOf(event);
    if (i >= 0 && i !== this.focusIndex) this.moveFocus(i, false);
  };

  private onClick = (event: MouseEvent): void => {
    const i = this.indexOf(event);
    if (i < 0) return;
    const onToggle = event
      .composedPath()
      .some((e) => e instanceof HTMLElement && e.classList.contains('toggle'));
    this.moveFocus(i);
    if (onToggle && this.flat[i]!.children.length) this.setExpanded(i, !this.isOpen(i));
    else this.choose(i);
  };

  private onKeyDown = (event: KeyboardEvent): void => {
    if (this.flat.length === 0 || event.altKey || event.ctrlKey || event.metaKey) return;
    const i = this.focusIndex;
    const f = this.flat[i]!;
    let handled = true;
    switch (event.key) {
      case 'ArrowDown':
        this.moveFocus(this.nextVisible(i));
        break;
      case 'ArrowUp':
        this.moveFocus(this.previousVisible(i));
        break;
      case 'Home':
        this.moveFocus(0);
        break;
      case 'End':
        this.moveFocus(this.lastVisible());
        break;
      case 'ArrowRight':
        if (f.children.length) {
          if (this.isOpen(i)) this.moveFocus(f.children[0]!);
          else this.setExpanded(i, true);
        }
        break;
      case 'ArrowLeft':
        if (this.isOpen(i)) this.setExpanded(i, false);
        else if (f.parent >= 0) this.moveFocus(f.parent);
        break;
      case 'Enter':
      case ' ':
        this.choose(i);
        break;
      case '*':
        for (const s of f.parent >= 0 ? this.flat[f.parent]!.children : [0]) this.setExpanded(s, true);
        break;
      default:
        handled = event.key.length === 1 && event.key !== ' ' && this.typeAhead(event.key);
    }
    if (handled) {
      event.preventDefault();
      event.stopPropagation();
    }
  };

  /** Type-ahead: focus the next visible item whose title starts with what was typed (0.5 s buffer). */
  private typeAhead(key: string): boolean {
    const now = performance.now();
    this.typed = now - this.typedAt > 500 ? key.toLowerCase() : this.typed + key.toLowerCase();
    this.typedAt = now;
    const start = this.typed.length === 1 ? this.nextVisible(this.focusIndex) : this.focusIndex;
    let i = start;
    for (let n = 0; n < this.flat.length; n++) {
      if (this.flat[i]!.node.title.toLowerCase().startsWith(this.typed)) {
        this.moveFocus(i);
        return true;
      }
      const next = this.nextVisible(i);
      i = next === i ? 0 : next;
    }
    return true;
  }
}

customElements.define('scorm-toc', ScormToc);

declare global {
  interface HTMLElementTagNameMap {
    'scorm-toc': ScormToc;
  }
}
