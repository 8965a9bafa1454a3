/**
 * Turns raw bytes into text, refusing what is not text. Node's TextDecoder (full ICU) knows the legacy
 * web encodings, so a page that declares windows-1252 or gbk decodes without an extra library.
 */
import { InputError } from './errors.js';

/** A NUL byte in the first 8 KB is how git and grep tell a binary file; so do we. */
export function looksBinary(bytes: Uint8Array): boolean {
  const head = bytes.subarray(0, 8192);
  return head.includes(0);
}

export function decodeUtf8(bytes: Uint8Array, origin: string): string {
  try {
    return new TextDecoder('utf-8', { fatal: true, ignoreBOM: false }).decode(bytes);
  } catch {
    throw new InputError(origin, `invalid UTF-8 at byte ${firstInvalidUtf8Byte(bytes)}`);
  }
}

/**
 * Finds where decoding fails, so the error can point at it: the first replacement character of a lenient
 * decode, measured back in bytes (a genuine U+FFFD earlier in the text would be named instead, which is rare).
 */
function firstInvalidUtf8Byte(bytes: Uint8Array): number {
  const lenient = new TextDecoder('utf-8').decode(bytes);
  const index = lenient.indexOf('\uFFFD');
  return Buffer.byteLength(lenient.slice(0, Math.max(index, 0)), 'utf8');
}

/** The charset a page declares in `<meta charset>` or `<meta http-equiv content-type>`, if any. */
export function declaredCharset(bytes: Uint8Array): string | undefined {
  const head = new TextDecoder('latin1').decode(bytes.subarray(0, 4096));
  const match = /<meta[^>]+charset\s*=\s*["']?\s*([\w-]+)/i.exec(head);
  return match?.[1]?.toLowerCase();
}

/** HTML: the declared charset when it is one we know, else UTF-8 if valid, else Windows-1252 (the web's default). */
export function decodeHtml(bytes: Uint8Array, origin: string): string {
  const charset = declaredCharset(bytes);
  if (charset && charset !== 'utf-8' && charset !== 'utf8') {
    try {
      return new TextDecoder(charset).decode(bytes);
    } catch {
      // An unknown label: fall through to detection below.
    }
  }
  try {
    return decodeUtf8(bytes, origin);
  } catch {
    return new TextDecoder('windows-1252').decode(bytes);
  }
}
