/**
 * Values the runner saw in earlier responses, keyed by item property name (`name`, `pk`,
 * `enrollment_flow` …), each list in the order seen. Filter and search parameters draw from it so
 * that they hit real items instead of always returning empty lists; cursors and item path
 * parameters take identifiers (`pk`, `id`, `uuid`, `slug`) from it so they name items that exist.
 * Values are JSON values as they appeared in the response body; the generators turn them into
 * parameter text and keep only the ones the parameter's schema accepts.
 */
export type SeenValues = Readonly<Record<string, readonly unknown[]>>;
