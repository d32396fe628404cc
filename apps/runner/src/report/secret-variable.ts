/** A credential written as a shell variable in reproductions: `"$ASSAY_BEARER"`, never its value. */
export interface SecretVariable {
  /** The variable's name, e.g. `ASSAY_BEARER` or `ASSAY_HEADER_X_API_KEY`. */
  name: string;
  value: string;
  /** For a `--header` credential: the header's name. */
  header?: string;
  /**
   * A public default the shell uses when the variable is unset (`"${ASSAY_BEARER:-assay-mock-token}"`):
   * only for values that are not secret, such as the built-in mock's documented token. Letters,
   * digits, `.`, `_` and `-` only, so it needs no quoting.
   */
  fallback?: string;
}

/** How a variable is written inside a shell word. */
export function variableReference(variable: SecretVariable): string {
  const fallback = variable.fallback;
  return fallback !== undefined && /^[A-Za-z0-9._-]+$/.test(fallback)
    ? `"\${${variable.name}:-${fallback}}"`
    : `"$${variable.name}"`;
}

/**
 * The variables of a run's credentials: the bearer token is `ASSAY_BEARER` (the variable `assay run`
 * reads it from), each `--header` value `ASSAY_HEADER_<NAME>` (upper-case, `-` → `_`).
 */
export function secretVariables(credentials: {
  bearer?: string;
  headers?: ReadonlyArray<readonly [name: string, value: string]>;
}): SecretVariable[] {
  const variables: SecretVariable[] = [];
  if (credentials.bearer !== undefined && credentials.bearer !== '') {
    variables.push({ name: 'ASSAY_BEARER', value: credentials.bearer });
  }
  for (const [name, value] of credentials.headers ?? []) {
    if (value === '') continue;
    variables.push({
      name: `ASSAY_HEADER_${name.toUpperCase().replace(/[^A-Z0-9]/g, '_')}`,
      value,
      header: name,
    });
  }
  return variables;
}
