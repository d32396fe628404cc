/**
 * A link from a response to an operation it makes possible (OpenAPI 3.x §4.8.20 Link Object):
 * the target and where each of its parameters takes its value from.
 */
export interface ResponseLink {
  /** The link's name in the response's `links` map. */
  name: string;
  /** The target's operationId (an `operationRef` of the form `#/paths/…/<method>` is resolved to it). */
  operationId: string;
  /** The `operationRef` as written, when the link names its target that way. */
  operationRef?: string;
  /**
   * Target parameter name → runtime expression (`$response.body#/id`, `$response.header.Location`,
   * `$request.path.bookId`) or a constant, as written.
   */
  parameters: Record<string, unknown>;
}
