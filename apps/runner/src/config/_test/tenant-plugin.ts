import { defineCheck } from '../define-check.js';
import { defineHook } from '../define-hook.js';

/** A plugin whose hook adds the headers a gateway requires, and a check that the server was sent them. */

/** Adds the tenant header and a per-request token marked secret. */
export const tenantHeaders = defineHook({
  name: 'tenant-headers',
  beforeRequest(request, { secret }) {
    const token = `gw-${request.method}-${request.path.length}-${process.env.ASSAY_TEST_GATEWAY ?? 'x'}`;
    secret(token);
    return { ...request, headers: { ...request.headers, 'x-tenant': 'acme', 'x-gateway-token': token } };
  },
});

/** Planted bug it finds: a request that reached the server without its tenant. */
export const tenantSent = defineCheck({
  id: 'tenant-sent',
  description: 'Every request names its tenant.',
  clause: 'Team rule: the gateway refuses requests without X-Tenant',
  verify({ request }) {
    if (request.headers['x-tenant'] === 'acme') return [];
    return [
      {
        check: 'tenant-sent',
        severity: 'error',
        message: 'the request carried no x-tenant header',
        pointer: '',
        keyword: 'header',
        expected: 'acme',
        actual: request.headers['x-tenant'] ?? null,
        fingerprint: 'tenant-sent',
      },
    ];
  },
});
