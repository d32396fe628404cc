/** What the mock answers, before a transport puts it on the wire. */
export interface MockReply {
  status: number;
  /** Lower-case names. */
  headers: Record<string, string>;
  body: string;
}
