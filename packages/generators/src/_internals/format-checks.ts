/**
 * Format checks matching the project's validator (ajv-formats, full mode), used where the
 * generators must know whether a value satisfies a format without a validator injected: to build
 * enum lists, to keep `oneOf` branches exclusive, and to decide whether a mutated value is invalid.
 * Unknown formats accept everything, as ajv does for formats it does not know.
 */
const UUID = /^(?:urn:uuid:)?[0-9a-f]{8}-(?:[0-9a-f]{4}-){3}[0-9a-f]{12}$/i;
const DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const TIME = /^(\d{2}):(\d{2}):(\d{2}(?:\.\d+)?)(z|([+-])(\d{2})(?::?(\d{2}))?)?$/i;
const EMAIL_LOCAL = /^[a-z0-9!#$%&'*+/=?^_`{|}~-]+(?:\.[a-z0-9!#$%&'*+/=?^_`{|}~-]+)*$/i;
const LABEL = /^[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?$/i;
const IPV4_PART = /^(?:25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)$/;
const BASE64 = /^(?:[A-Za-z0-9+/]{4})*(?:[A-Za-z0-9+/]{2}==|[A-Za-z0-9+/]{3}=)?$/;
const DAYS = [0, 31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

function isLeap(year: number): boolean {
  return year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0);
}

function isDate(text: string): boolean {
  const match = DATE.exec(text);
  if (!match) return false;
  const year = Number(match[1]);
  const month = Number(match[2]);
  const day = Number(match[3]);
  if (month < 1 || month > 12 || day < 1) return false;
  return day <= (month === 2 && isLeap(year) ? 29 : (DAYS[month] ?? 0));
}

function isTime(text: string): boolean {
  const match = TIME.exec(text);
  if (!match || match[4] === undefined) return false;
  const hour = Number(match[1]);
  const minute = Number(match[2]);
  const second = Number(match[3]);
  if (Number(match[6] ?? 0) > 23 || Number(match[7] ?? 0) > 59) return false;
  // Leap seconds are rare enough that treating them as invalid only errs on the safe side here.
  return hour <= 23 && minute <= 59 && second < 60;
}

function isHostname(text: string): boolean {
  const trimmed = text.endsWith('.') ? text.slice(0, -1) : text;
  if (text.length < 1 || text.length > 254 || trimmed.length > 253 || trimmed.length === 0) return false;
  return trimmed.split('.').every((label) => LABEL.test(label));
}

function isEmail(text: string): boolean {
  const at = text.lastIndexOf('@');
  if (at <= 0) return false;
  const domain = text.slice(at + 1).split('.');
  return (
    EMAIL_LOCAL.test(text.slice(0, at)) &&
    domain.length >= 2 &&
    domain.every((label) => /^[a-z0-9](?:[a-z0-9-]*[a-z0-9])?$/i.test(label))
  );
}

function isIpv4(text: string): boolean {
  const parts = text.split('.');
  return parts.length === 4 && parts.every((part) => IPV4_PART.test(part));
}

function isIpv6(text: string): boolean {
  if (!/^[0-9a-f:.]+$/i.test(text) || text.includes(':::')) return false;
  let body = text;
  let groups = 8;
  const lastColon = body.lastIndexOf(':');
  if (body.includes('.')) {
    if (!isIpv4(body.slice(lastColon + 1))) return false;
    body = body.slice(0, lastColon + 1) + '0';
    groups = 7;
  }
  const halves = body.split('::');
  if (halves.length > 2) return false;
  const parse = (half: string): string[] | undefined => {
    if (half === '') return [];
    const parts = half.split(':');
    return parts.every((part) => /^[0-9a-f]{1,4}$/i.test(part)) ? parts : undefined;
  };
  const head = parse(halves[0] ?? '');
  const tail = halves.length === 2 ? parse(halves[1] ?? '') : [];
  if (!head || !tail) return false;
  const count = head.length + tail.length;
  return halves.length === 2 ? count <= groups - 1 : count === groups;
}

// RFC 3986 §3 "Syntax Components", spelled out piece by piece; like the validator, a URI needs a
// non-empty hierarchical part after its scheme.
const PCT = '%[0-9a-f]{2}';
const PCHAR = `(?:[a-z0-9\\-._~!$&'()*+,;=:@]|${PCT})`;
const SEGMENT = `${PCHAR}*`;
const SEGMENT_NZ = `${PCHAR}+`;
const USERINFO = `(?:[a-z0-9\\-._~!$&'()*+,;=:]|${PCT})*`;
const REG_NAME = `(?:[a-z0-9\\-._~!$&'()*+,;=]|${PCT})*`;
const IP_LITERAL = '\\[([^\\]]*)\\]';
const AUTHORITY = `(?:${USERINFO}@)?(?:${IP_LITERAL}|${REG_NAME})(?::\\d*)?`;
const HIER_PART = `(?://${AUTHORITY}(?:/${SEGMENT})*|/(?:${SEGMENT_NZ}(?:/${SEGMENT})*)?|${SEGMENT_NZ}(?:/${SEGMENT})*)`;
const URI = new RegExp(
  `^[a-z][a-z0-9+\\-.]*:${HIER_PART}(?:\\?(?:${PCHAR}|[/?])*)?(?:#(?:${PCHAR}|[/?])*)?$`,
  'i',
);
const IP_FUTURE = /^v[0-9a-f]+\.[a-z0-9\-._~!$&'()*+,;=:]+$/i;

function isUri(text: string): boolean {
  const match = URI.exec(text);
  if (!match) return false;
  const literal = match[1];
  return literal === undefined || isIpv6(literal) || IP_FUTURE.test(literal);
}

/** Whether a string satisfies a string format (undefined: a format these checks do not know). */
export function checkStringFormat(format: string, text: string): boolean | undefined {
  switch (format) {
    case 'uuid':
      return UUID.test(text);
    case 'date':
      return isDate(text);
    case 'time':
      return isTime(text);
    case 'date-time': {
      const parts = text.split(/t|\s/i);
      return parts.length === 2 && isDate(parts[0] ?? '') && isTime(parts[1] ?? '');
    }
    case 'email':
      return isEmail(text);
    case 'hostname':
      return isHostname(text);
    case 'ipv4':
      return isIpv4(text);
    case 'ipv6':
      return isIpv6(text);
    case 'uri':
      return isUri(text);
    case 'byte':
      return BASE64.test(text);
    default:
      return undefined;
  }
}

/** Whether a number satisfies a numeric format. */
export function checkNumberFormat(format: string, value: number): boolean {
  if (format === 'int32') return Number.isInteger(value) && value >= -(2 ** 31) && value <= 2 ** 31 - 1;
  if (format === 'int64') return Number.isInteger(value);
  return true;
}
