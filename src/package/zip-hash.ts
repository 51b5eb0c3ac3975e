// SHA-256 of package bytes (the manifest hash that identifies a version of a course), via Web Crypto,
// which browsers, workers and Node ≥ 20 all provide as globalThis.crypto. Typed structurally so this
// module stays DOM-free.

interface SubtleLike {
  digest(algorithm: 'SHA-256', data: Uint8Array): Promise<ArrayBuffer>;
}

/** Lower-case hex SHA-256 of the bytes. */
export async function sha256Hex(bytes: Uint8Array): Promise<string> {
  const subtle = (globalThis as unknown as { crypto?: { subtle?: SubtleLike } }).crypto?.subtle;
  if (!subtle) throw new Error('Web Crypto (crypto.subtle) is not available: a secure context is needed.');
  const digest = new Uint8Array(await subtle.digest('SHA-256', bytes));
  let hex = '';
  for (const b of digest) hex += b.toString(16).padStart(2, '0');
  return hex;
}
