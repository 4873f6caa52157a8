// A QR code as one SVG path drawn in the page (no image, no data: URI, nothing sent anywhere): the otpauth
// address never leaves the browser's memory.
import { encode } from 'uqr';

export interface QrPath {
  /** modules per side, the quiet zone included */
  readonly size: number;
  /** an SVG path of the dark modules, one unit per module */
  readonly d: string;
}

export function qrPath(text: string): QrPath {
  const code = encode(text, { ecc: 'M', border: 2 });
  const parts: string[] = [];
  code.data.forEach((row, y) => row.forEach((dark, x) => {
    if (dark) parts.push(`M${x} ${y}h1v1h-1z`);
  }));
  return { size: code.size, d: parts.join('') };
}

/** 'JBSWY3DPEHPK3PXP' → 'JBSW Y3DP EHPK 3PXP', for typing into an app by hand */
export function groupedForTyping(secret: string): string {
  return secret.replace(/(.{4})(?=.)/g, '$1 ');
}
