// The player's icons: small inline SVGs drawn in the current text colour (fonts lack many symbols, e.g.
// pause or fullscreen, and show empty boxes). Decorative: every button carries its name as text.
import { svg, type SVGTemplateResult } from 'lit';

const icon = (body: SVGTemplateResult) =>
  svg`<svg class="icon" viewBox="0 0 16 16" width="16" height="16" aria-hidden="true" focusable="false"
    fill="none" stroke="currentColor" stroke-width="1.75" stroke-linecap="round" stroke-linejoin="round"
    >${body}</svg>`;

export const icons = {
  previous: icon(svg`<path d="M10 3 5 8l5 5"/>`),
  continue: icon(svg`<path d="m6 3 5 5-5 5"/>`),
  exit: icon(svg`<path d="M6 2.5H3v11h3M10 5l3 3-3 3M13 8H6"/>`),
  exitAll: icon(svg`<path d="m4 4 8 8M12 4l-8 8"/>`),
  suspendAll: icon(svg`<path d="M5.5 3v10M10.5 3v10"/>`),
  contents: icon(svg`<path d="M2.5 4h11M2.5 8h11M2.5 12h11"/>`),
  newWindow: icon(svg`<path d="M9 2.5h4.5V7M13.5 2.5 8 8M11.5 9.5v4h-9v-9h4"/>`),
  fullscreen: icon(svg`<path d="M2.5 6V2.5H6M10 2.5h3.5V6M13.5 10v3.5H10M6 13.5H2.5V10"/>`),
};
