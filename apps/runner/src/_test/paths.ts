import { fileURLToPath } from 'node:url';

/** The repository root (tests run from apps/runner). */
export const repoRoot = fileURLToPath(new URL('../../../../', import.meta.url));

/** The canonical example spec. */
export const identificationSpec = fileURLToPath(
  new URL('../../../../spec/identification.yaml', import.meta.url),
);

/** The shared reference corpus, outside the repository. */
export const sharedSpecs = fileURLToPath(new URL('../../../../../shared/specs/', import.meta.url));

/** The create/read/update/delete example spec, with links. */
export const bookstoreSpec = fileURLToPath(new URL('../../../../spec/bookstore.yaml', import.meta.url));
