import { type ApiChecks, createChecks } from '@assay/checks';
import { type ApiModel, type Operation, serverBasePath } from '@assay/model';
import { loadApi } from '@assay/spec';

/** A loaded OpenAPI document with its checks: what the matchers judge responses against. */
export interface Contract {
  api: ApiModel;
  checks: ApiChecks;
  /** The path of the spec's first server (`/api/v3`), cut from response URLs to find the operation path. */
  basePath: string;
  /**
   * One operation, by operationId or `"METHOD /path"`.
   * @throws TypeError naming the selector when no operation matches
   */
  operation(selector: string): ContractOperation;
}

/** One operation of a {@link Contract}: the second argument of `toMatchOperation` and `toHaveConsistentPagination`. */
export interface ContractOperation {
  contract: Contract;
  operation: Operation;
}

/**
 * Loads an OpenAPI document (path, URL or parsed object) for use with the matchers:
 * `expect(response).toMatchOperation(contract.operation('listPets'))`.
 */
export async function loadContract(spec: string | object): Promise<Contract> {
  const api = await loadApi(spec as Parameters<typeof loadApi>[0]);
  const basePath = serverBasePath(api.servers[0]);
  // createChecks reads the same base path from the api's first server.
  const checks = createChecks(api);
  const contract: Contract = {
    api,
    checks,
    basePath,
    operation(selector) {
      const operation = api.operations.find(
        (op) => op.id === selector || `${op.method} ${op.path}` === selector,
      );
      if (operation === undefined) {
        throw new TypeError(
          `no operation ${JSON.stringify(selector)} in the spec (use an operationId or "METHOD /path")`,
        );
      }
      return { contract, operation };
    },
  };
  return contract;
}
