/**
 * Share links carry the text in the URL fragment only ("#yaml=" and the base64url of its UTF-8),
 * which browsers never send to a server: whoever opens the link gets the text from the link itself.
 */
export const SHARE_PREFIX = 'yaml=';

export function encodeShared(text: string): string {
  let binary = '';
  for (const byte of new TextEncoder().encode(text)) binary += String.fromCharCode(byte);
  return btoa(binary).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

/** The text a link carries, or undefined when it is not base64url of UTF-8 (a link cut short, say). */
export function decodeShared(encoded: string): string | undefined {
  if (!/^[A-Za-z0-9_-]*$/.test(encoded) || encoded.length % 4 === 1) return undefined;
  try {
    const binary = atob(encoded.replace(/-/g, '+').replace(/_/g, '/'));
    return new TextDecoder('utf-8', { fatal: true }).decode(Uint8Array.from(binary, (c) => c.charCodeAt(0)));
  } catch {
    return undefined;
  }
}
