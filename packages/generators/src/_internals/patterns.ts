const compiled = new Map<string, RegExp | undefined>();

/**
 * Compiles a schema `pattern` the way the validator does (Unicode mode), falling back to legacy
 * mode for patterns only that accepts. Returns undefined for patterns no engine mode compiles.
 */
export function compilePattern(pattern: string): RegExp | undefined {
  if (compiled.has(pattern)) return compiled.get(pattern);
  let regex: RegExp | undefined;
  try {
    regex = new RegExp(pattern, 'u');
  } catch {
    try {
      regex = new RegExp(pattern);
    } catch {
      regex = undefined;
    }
  }
  compiled.set(pattern, regex);
  return regex;
}
