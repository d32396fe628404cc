/** A response as received. */
export interface HttpResponse {
  status: number;
  /** Lower-case header names; repeated headers are joined with `, ` (RFC 9110 §5.3). */
  headers: Record<string, string>;
  /** The body decoded as UTF-8 (read up to the transport's cap). */
  body: string;
  /** True when the body was longer than the transport's cap and was cut. */
  truncated: boolean;
  /** From the start of the request to the end of the body, in milliseconds. */
  durationMs: number;
}
