// The player's colours, light and dark (prefers-color-scheme), as custom properties on each of its
// elements' hosts: <scorm-toc> and <scorm-toolbar> also work on their own, and an embedder can override any
// `--scorm-*` property from outside. Every pair keeps WCAG AA contrast (4.5:1 text, 3:1 controls).
import { css } from 'lit';

export const playerTheme = css`
  :host {
    color-scheme: light dark;
    --scorm-fg: #1d1d1d;
    --scorm-bg: #ffffff;
    --scorm-panel-bg: #f6f6f6;
    --scorm-line: #8a8a8a;
    --scorm-control-border: #5e5e5e;
    --scorm-disabled: #5e5e5e;
    --scorm-current-bg: #dbe7f7;
    --scorm-focus: #1a5fb4;
    --scorm-ok: #1e6b34;
    --scorm-bad: #a51d2d;
    --scorm-shadow: rgb(0 0 0 / 0.25);
  }
  @media (prefers-color-scheme: dark) {
    :host {
      --scorm-fg: #ececec;
      --scorm-bg: #1b1b1b;
      --scorm-panel-bg: #262626;
      --scorm-line: #8f8f8f;
      --scorm-control-border: #a8a8a8;
      --scorm-disabled: #a3a3a3;
      --scorm-current-bg: #20395c;
      --scorm-focus: #8ab4f8;
      --scorm-ok: #86d99a;
      --scorm-bad: #ff9c90;
      --scorm-shadow: rgb(0 0 0 / 0.6);
    }
  }
`;

/** Visually hidden, still read by screen readers. */
export const srOnly = css`
  .sr-only {
    position: absolute;
    width: 1px;
    height: 1px;
    overflow: hidden;
    clip-path: inset(50%);
    white-space: nowrap;
  }
`;

/** The player's buttons (the bar's and the toolbar's): an icon with its name beside it, in the theme's colours. */
export const controlButtons = css`
  button {
    font: inherit;
    display: inline-flex;
    align-items: center;
    justify-content: center;
    gap: 0.375rem;
    min-height: 2.25rem;
    min-width: 2.25rem;
    padding: 0.25rem 0.625rem;
    border: 1px solid var(--scorm-control-border);
    border-radius: 0.25rem;
    background: var(--scorm-bg);
    color: var(--scorm-fg);
    cursor: pointer;
    white-space: nowrap;
  }
  button:focus-visible {
    outline: 2px solid var(--scorm-focus);
    outline-offset: 2px;
  }
  .icon {
    flex: none;
  }
`;
