/** What went wrong when no usable response came back. */
export interface TransportFault {
  check: 'response-timeout' | 'transport-error';
  /** The error code (`ECONNRESET`, `UND_ERR_HEADERS_TIMEOUT` …) when there is one. */
  code: string;
  message: string;
  /** True for errors that mean the target cannot be reached at all (refused, unknown host). */
  unreachable: boolean;
}

const timeoutCodes = new Set([
  'UND_ERR_HEADERS_TIMEOUT',
  'UND_ERR_BODY_TIMEOUT',
  'UND_ERR_CONNECT_TIMEOUT',
  'ETIMEDOUT',
  'TimeoutError',
]);
// Nothing listens, the host is unknown, or TLS cannot be established: no request can ever succeed.
const unreachableCodes = new Set([
  'ECONNREFUSED',
  'ENOTFOUND',
  'EAI_AGAIN',
  'EHOSTUNREACH',
  'ENETUNREACH',
  'CERT_HAS_EXPIRED',
  'DEPTH_ZERO_SELF_SIGNED_CERT',
  'SELF_SIGNED_CERT_IN_CHAIN',
  'UNABLE_TO_VERIFY_LEAF_SIGNATURE',
  'ERR_TLS_CERT_ALTNAME_INVALID',
  'EPROTO',
]);

// What the common low-level failures mean, said so that a reader needs no knowledge of undici.
const plainWords: Record<string, string> = {
  UND_ERR_SOCKET: 'the server closed the connection',
  ECONNRESET: 'the connection was reset by the server',
  EPIPE: 'the server closed the connection while the request was being sent',
  HTTPParserError: 'the response is not valid HTTP/1.1',
  UND_ERR_RES_CONTENT_LENGTH_MISMATCH: 'the body length does not match its Content-Length header',
  UND_ERR_RES_EXCEEDED_MAX_SIZE: 'the response is larger than allowed',
  UND_ERR_HEADERS_OVERFLOW: 'the response headers are larger than 16 KiB',
  Z_DATA_ERROR: 'the compressed body is corrupt',
  Z_BUF_ERROR: 'the compressed body ends too early',
  ERR_INVALID_CHAR: 'a response header holds invalid characters',
};

/** Sorts an error thrown by the transport into a finding, with a message people can act on. */
export function classifyTransportError(
  error: unknown,
  timeoutMs: number,
  phase: 'headers' | 'body',
): TransportFault {
  const code = errorCode(error);
  if (timeoutCodes.has(code)) {
    return {
      check: 'response-timeout',
      code,
      unreachable: false,
      message:
        phase === 'headers'
          ? `no response within ${timeoutMs} ms (${code})`
          : `the response body did not complete within ${timeoutMs} ms (${code})`,
    };
  }
  const raw = (error instanceof Error ? error.message : String(error)).split('\n')[0]!;
  const plain = plainWords[code];
  const detail = plain === undefined ? `${code} ${raw}` : `${plain} (${code}: ${raw})`;
  return {
    check: 'transport-error',
    code,
    unreachable: unreachableCodes.has(code) || /^ERR_(SSL|TLS)_/.test(code),
    message:
      phase === 'headers'
        ? `no usable response: ${detail}`.trim()
        : `the response body could not be read: ${detail}`.trim(),
  };
}

function errorCode(error: unknown): string {
  let current: unknown = error;
  for (let depth = 0; depth < 4 && current instanceof Error; depth++) {
    const code = (current as { code?: unknown }).code;
    if (typeof code === 'string' && code !== 'UND_ERR_ABORTED' && code !== 'ABORT_ERR') return code;
    if (current.name === 'TimeoutError') return 'TimeoutError';
    current = (current as { cause?: unknown }).cause;
  }
  return error instanceof Error ? error.name : 'UNKNOWN';
}
