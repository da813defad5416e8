// The value formats of spec section 3 that a regular expression alone says badly.
// Each check looks at the length first, so a 5 MB string costs nothing; the expressions are
// anchored and bounded, so they run in linear time.

/** 1 to 3 digits worth 0-255 (leading zeros allowed: `010`). */
const OCTET = '(?:[01]?\\d?\\d|2[0-4]\\d|25[0-5])';
const IPV4 = new RegExp(`^${OCTET}(?:\\.${OCTET}){3}$`);
const LABEL = '[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?';
const HOST_NAME = new RegExp(`^${LABEL}(?:\\.${LABEL})*$`);
const DIGITS_AND_DOTS = /^[\d.]+$/;
/** Fixed octets, then only `*` octets: 192.168.*.* */
const WILDCARD = new RegExp(`^(?:${OCTET}\\.){0,3}\\*(?:\\.\\*)*$`);

export function isIPv4(text: string): boolean {
  return text.length <= 15 && IPV4.test(text);
}

/** Dotted IPv4 or an RFC 1123 host name; digits and dots alone must be an IPv4. */
export function isHostname(text: string): boolean {
  if (text.length === 0 || text.length > 253) return false;
  if (DIGITS_AND_DOTS.test(text)) return isIPv4(text);
  return HOST_NAME.test(text);
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
    const mask = text.slice(slash + 1);
    if (!isIPv4(text.slice(0, slash))) return false;
    return /^\d{1,2}$/.test(mask) ? Number(mask) <= 32 : isNetmask(mask);
  }
  if (text.includes('*')) return WILDCARD.test(text) && text.split('.').length === 4;
  return isIPv4(text);
}

/** The `format` names the schemas use, for the engine and for ajv. */
export const FORMATS: Record<string, (text: string) => boolean> = {
  'voipnow-hostname': isHostname,
  'voipnow-network': isNetwork,
};
