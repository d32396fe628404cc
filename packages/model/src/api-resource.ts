/**
 * One kind of resource the API creates, reads, changes and deletes: a collection path and its
 * item path, with the operations on each (by operationId). Found from OpenAPI `links` where the
 * document has them, and inferred from paths and schemas where it has none.
 */
export interface ApiResource {
  /** The collection's path template, e.g. `/books`. */
  collection: string;
  /** The item's path template, e.g. `/books/{bookId}`. */
  item: string;
  /** The item path's parameter that names one resource (`bookId`). */
  idParam: string;
  /**
   * Where the id of a created resource is read, as an OpenAPI runtime expression:
   * `$response.body#/id` (a property of the created body) or `$response.header.location`.
   */
  idSource: string;
  /** The property of an item (in list and read bodies) holding its id, when one is known. */
  idProperty?: string;
  /** `POST` on the collection. */
  create?: string;
  /** `GET` on the collection, a list operation. */
  list?: string;
  /** `GET` on the item. */
  read?: string;
  /** `PUT` on the item. */
  replace?: string;
  /** `PATCH` on the item. */
  patch?: string;
  /** `DELETE` on the item. */
  delete?: string;
  /** `links`: declared by the document's Link Objects; `inferred`: from paths and names. */
  source: 'links' | 'inferred';
}
