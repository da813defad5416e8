// The value formats of spec section 3 that a regular expression alone says badly.
// Each check looks at the length first, so a 5 MB string costs nothing.

const OCTET = /^(?:0|[1-9]\d{0,2}|0\d{1,2})$/;

export function isIPv4(text: string): boolean {
  if (text.length > 15) return false;
  const parts = text.split('.');
  return parts.length === 4 && parts.every((p) => OCTET.test(p) && Number(p) <= 255);
}

const LABEL = /^[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?$/;

/** Dotted IPv4 or an RFC 1123 host name; digits and dots alone must be an IPv4. */
export function isHostname(text: string): boolean {
  if (text.length === 0 || text.length > 253) return false;
  if (/^[\d.]+$/.test(text)) return isIPv4(text);
  return text.split('.').every((label) => LABEL.test(label));
}

/** A netmask of contiguous ones, e.g. 255.255.0.0. */
function isNetmask(text: string): boolean {
  if (!isIPv4(text)) return false;
  const bits = text.split('.').reduce((acc, p) => acc * 256 + Number(p), 0);
  const inverted = 0xffffffff - bits;
  return (inverted & (inverted + 1)) === 0;
}

/** IPv4, IPv4 with trailing `*` octets, IPv4/prefix (0-32) or IPv4/netmask: the forms 864 lists. */
export function isNetwork(text: string): boolean {
  if (text.length === 0 || text.length > 31) return false;
  const slash = text.indexOf('/');
  if (slash >= 0) {
    const address = text.slice(0, slash);
    const mask = text.slice(slash + 1);
    if (!isIPv4(address)) return false;
    if (/^\d{1,2}$/.test(mask)) return Number(mask) <= 32;
    return isNetmask(mask);
  }
  if (text.includes('*')) {
    const parts = text.split('.');
    const firstStar = parts.indexOf('*');
    return (
      parts.length === 4 &&
      parts.slice(firstStar).every((p) => p === '*') &&
      parts.slice(0, firstStar).every((p) => OCTET.test(p) && Number(p) <= 255)
    );
  }
  return isIPv4(text);
}

/** The `format` names the schemas use, for the engine and for ajv. */
export const FORMATS: Record<string, (text: string) => boolean> = {
  'voipnow-hostname': isHostname,
  'voipnow-network': isNetwork,
};
