// Dispatch tokens: the key in dispatches.json and the last part of /player/dispatch/<token>. They travel in
// URLs and manifest identifiers, so they keep to letters, digits, '-' and '_' (URL-safe, and an NCName when
// prefixed with "dispatch-").
const ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789';
export const TOKEN_PATTERN = /^[A-Za-z0-9_-]{4,64}$/;
export const DEFAULT_TOKEN_LENGTH = 16;

export function isValidToken(token: string): boolean {
  return TOKEN_PATTERN.test(token);
}

/**
 * A random token from crypto.getRandomValues. Bytes ≥ 248 are thrown away (rejection sampling) so that each
 * of the 62 letters is equally likely: 16 letters carry about 95 bits.
 */
export function generateToken(length: number = DEFAULT_TOKEN_LENGTH): string {
  if (!Number.isInteger(length) || length < 4 || length > 64)
    throw new RangeError('Token length must be 4 to 64');
  const limit = 256 - (256 % ALPHABET.length);
  let out = '';
  while (out.length < length) {
    for (const byte of crypto.getRandomValues(new Uint8Array(length * 2))) {
      if (byte < limit && out.length < length) out += ALPHABET[byte % ALPHABET.length];
    }
  }
  return out;
}
