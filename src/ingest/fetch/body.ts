/**
 * From the bytes of an HTTP body to text, honouring what the server said: a byte-order mark first, then
 * the charset of the Content-Type header, then what the document declares (meta charset, XML declaration).
 */
import { decodeHtml, decodeUtf8 } from '../decode.js';

/** "text/html; charset=ISO-8859-1" → "text/html". */
export function mediaTypeOf(contentType: string | undefined): string {
  return (contentType ?? '').split(';')[0]!.trim().toLowerCase();
}

/** "text/html; charset=ISO-8859-1" → "iso-8859-1". */
export function charsetOf(contentType: string | undefined): string | undefined {
  const match = /;\s*charset\s*=\s*"?([\w.:-]+)"?/i.exec(contentType ?? '');
  return match?.[1]?.toLowerCase();
}

function bomCharset(bytes: Uint8Array): string | undefined {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) return 'utf-8';
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return 'utf-16be';
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return 'utf-16le';
  return undefined;
}

/** Decodes with a charset label, or undefined when the label is not one TextDecoder knows. */
function decodeAs(bytes: Uint8Array, charset: string, origin: string): string | undefined {
  if (charset === 'utf-8' || charset === 'utf8') {
    try {
      return decodeUtf8(bytes, origin);
    } catch {
      // A page that says UTF-8 and is not: Windows-1252 loses nothing, as browsers do.
      return new TextDecoder('windows-1252').decode(bytes);
    }
  }
  try {
    return new TextDecoder(charset).decode(bytes);
  } catch {
    return undefined;
  }
}

export function decodeHtmlBody(bytes: Uint8Array, contentType: string | undefined, origin: string): string {
  const charset = bomCharset(bytes) ?? charsetOf(contentType);
  return (charset && decodeAs(bytes, charset, origin)) ?? decodeHtml(bytes, origin);
}

export function decodeXmlBody(bytes: Uint8Array, contentType: string | undefined, origin: string): string {
  const declared = /^\s*<\?xml[^>]*encoding\s*=\s*["']([\w.:-]+)["']/i.exec(
    new TextDecoder('latin1').decode(bytes.subarray(0, 256)),
  )?.[1];
  const charset = bomCharset(bytes) ?? charsetOf(contentType) ?? declared?.toLowerCase() ?? 'utf-8';
  return decodeAs(bytes, charset, origin) ?? decodeAs(bytes, 'utf-8', origin)!;
}
