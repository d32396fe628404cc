/** A realistic file: the one the README shows, give or take. */
export const realisticConfig = `
spec: ./openapi.yaml
target: staging
maxExamples: 50
seed: 7
targets:
  staging:
    baseUrl: https://staging.example.com/api/v3
    auth:
      bearer: \${STAGING_TOKEN}
    headers:
      X-Tenant: acme
  local:
    mock: true
    faults: [schema-break]
operations:
  "GET /users/{id}/":
    parameters:
      id: { examples: [1, 2, 3] }
  tag:admin:
    skip: the admin API is tested by its own suite
  /reports/**:
    timeout: 30000
    expectedStatuses:
      status-code-conformance: [422, 4XX]
    volatile: [/results/*/generated_at]
`;
