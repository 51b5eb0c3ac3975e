// Styles shared by the app's views: readable type, visible focus, large touch targets, light and dark.
import { css } from 'lit';

export const sharedStyles = css`
  :host {
    /* The system colours (Canvas, CanvasText, form controls, scrollbars) follow prefers-color-scheme. */
    color-scheme: light dark;
    --sp-fg: CanvasText;
    --sp-bg: Canvas;
    --sp-muted: color-mix(in srgb, CanvasText 70%, Canvas);
    --sp-line: color-mix(in srgb, CanvasText 25%, Canvas);
    --sp-accent: #1d4f91;
    --sp-accent-fg: #fff;
    --sp-danger: #a1261b;
    color: var(--sp-fg);
    background-color: var(--sp-bg);
  }
  @media (prefers-color-scheme: dark) {
    :host {
      --sp-accent: #9cc3ff;
      --sp-accent-fg: #0b1a2e;
      --sp-danger: #ff9c90;
    }
  }
  h1 {
    font-size: 1.5rem;
    margin: 0 0 1rem;
  }
  h2 {
    font-size: 1.2rem;
    margin: 1.5rem 0 0.75rem;
  }
  h1:focus {
    outline: none;
  }
  a {
    color: var(--sp-accent);
  }
  button,
  .button {
    font: inherit;
    display: inline-flex;
    align-items: center;
    justify-content: center;
    gap: 0.4rem;
    min-height: 2.75rem;
    padding: 0.4rem 1rem;
    border: 2px solid var(--sp-accent);
    border-radius: 0.4rem;
    background: var(--sp-bg);
    color: var(--sp-fg);
    text-decoration: none;
    cursor: pointer;
    box-sizing: border-box;
  }
  button.primary,
  .button.primary {
    background: var(--sp-accent);
    color: var(--sp-accent-fg);
  }
  button.danger {
    border-color: var(--sp-danger);
  }
  button:disabled {
    opacity: 0.55;
    cursor: not-allowed;
  }
  :focus-visible {
    outline: 3px solid var(--sp-accent);
    outline-offset: 2px;
  }
  input[type='text'],
  input[type='url'] {
    font: inherit;
    min-height: 2.75rem;
    padding: 0.3rem 0.6rem;
    border: 1px solid var(--sp-muted);
    border-radius: 0.4rem;
    background: var(--sp-bg);
    color: var(--sp-fg);
    box-sizing: border-box;
    max-width: 100%;
  }
  .muted {
    color: var(--sp-muted);
  }
  .error {
    color: var(--sp-danger);
  }
  .visually-hidden {
    position: absolute;
    width: 1px;
    height: 1px;
    overflow: hidden;
    clip-path: inset(50%);
    white-space: nowrap;
  }
`;
