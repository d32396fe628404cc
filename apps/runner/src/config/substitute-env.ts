/** The result of substituting a text: the text, or the name of the first variable that is not set. */
export type Substitution = { ok: true; text: string } | { ok: false; missing: string };

const reference = /\$\$\{|\$\{([A-Za-z_][A-Za-z0-9_]*)(?::-([^}]*))?\}/g;

/**
 * Replaces `${NAME}` with the variable's value and `${NAME:-default}` with the value, or the
 * default when the variable is unset or empty (as a POSIX shell does); `$${` stands for a literal
 * `${`. A `${NAME}` whose variable is not set is not replaced by nothing: a secret that silently
 * became an empty string would be sent, so the caller reports it instead.
 */
export function substituteEnv(text: string, env: Readonly<Record<string, string | undefined>>): Substitution {
  if (!text.includes('${')) return { ok: true, text };
  let missing: string | undefined;
  const replaced = text.replace(
    reference,
    (whole, name: string | undefined, fallback: string | undefined) => {
      if (name === undefined) return '${';
      const value = env[name];
      if (fallback !== undefined) return value === undefined || value === '' ? fallback : value;
      if (value === undefined) {
        missing ??= name;
        return whole;
      }
      return value;
    },
  );
  return missing === undefined ? { ok: true, text: replaced } : { ok: false, missing };
}
