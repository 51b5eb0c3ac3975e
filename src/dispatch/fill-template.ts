// Fills a shell template. A placeholder names its context, `{{html:title}}`, `"{{js:playerUrl}}"` or
// `{{xml:token}}`, and the value is escaped for that context, so no title or URL can break out of the markup
// or the script it lands in. A js placeholder stands in double quotes, which it replaces with a whole string
// literal, so the template's script is valid JavaScript before filling too (editors, linters and dev servers
// read it). An unknown context or value is an error, never an empty string.
import { DispatchError, DispatchErrorCode } from './dispatch-error.js';

/** `"{{js:name}}"` (quotes included), or `{{context:name}}`. */
const PLACEHOLDER = /"\{\{js:(\w+)\}\}"|\{\{(\w+):(\w+)\}\}/g;

const HTML_ESCAPES: Record<string, string> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&#39;',
};

/** Text or a quoted attribute value in HTML. */
export function escapeHtml(value: string): string {
  return value.replace(/[&<>"']/g, (c) => HTML_ESCAPES[c] ?? c);
}

/**
 * Text or an attribute value in XML 1.0. Characters XML 1.0 cannot carry at all (C0 controls other than tab,
 * line feed and carriage return; lone surrogates; U+FFFE/U+FFFF) are dropped (XML 1.0 §2.2 Char).
 */
export function escapeXml(value: string): string {
  return value
    .replace(/[^\t\n\r\u0020-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/gu, '')
    .replace(/[&<>"']/g, (c) => (c === "'" ? '&apos;' : (HTML_ESCAPES[c] ?? c)));
}

/**
 * A JavaScript string literal, safe inside an inline <script>: JSON's escaping plus `<`, `>` and `&` as \u
 * escapes (so `</script>` and `<!--` cannot occur), and U+2028/U+2029, which pre-ES2019 engines read as
 * line breaks.
 */
export function jsString(value: string): string {
  return JSON.stringify(value).replace(
    /[<>&\u2028\u2029]/g,
    (c) => '\\u' + c.charCodeAt(0).toString(16).padStart(4, '0'),
  );
}

const ESCAPERS: Record<string, (value: string) => string> = {
  html: escapeHtml,
  xml: escapeXml,
  js: jsString,
};

/** Replaces every `{{context:name}}` in the template; throws on unknown contexts and missing values. */
export function fillTemplate(template: string, values: Readonly<Record<string, string>>): string {
  return template.replace(
    PLACEHOLDER,
    (_match, jsName: string | undefined, context: string | undefined, bareName: string | undefined) => {
      const ctx = jsName !== undefined ? 'js' : (context ?? '');
      const name = jsName ?? bareName ?? '';
      if (jsName === undefined && ctx === 'js')
        throw new DispatchError(
          DispatchErrorCode.BadTemplate,
          `Placeholder {{js:${name}}} must stand in double quotes`,
        );
      const escape = ESCAPERS[ctx];
      if (!escape)
        throw new DispatchError(DispatchErrorCode.BadTemplate, `Unknown placeholder context "${ctx}"`);
      const value = Object.hasOwn(values, name) ? values[name] : undefined;
      if (value === undefined)
        throw new DispatchError(DispatchErrorCode.BadTemplate, `The template needs a value for "${name}"`);
      return escape(value);
    },
  );
}

/** The names a template asks for, e.g. ['title', 'playerUrl']. */
export function placeholdersOf(template: string): string[] {
  return [...new Set([...template.matchAll(PLACEHOLDER)].map((m) => m[1] ?? m[3] ?? ''))];
}
