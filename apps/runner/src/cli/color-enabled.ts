/**
 * Whether console output is coloured, as other Node CLIs decide it: `--color` / `--no-color` win;
 * then `FORCE_COLOR` (any value but `0` and `false` forces colours on, those two force them off);
 * then `NO_COLOR` (set and not empty: off, see no-color.org); then colours only on a TTY, and never
 * on a `dumb` terminal.
 */
export function colorEnabled(
  flag: boolean | undefined,
  env: Readonly<Record<string, string | undefined>>,
  isTTY: boolean,
): boolean {
  if (flag !== undefined) return flag;
  const force = env.FORCE_COLOR;
  if (force !== undefined) return force !== '0' && force.toLowerCase() !== 'false';
  if (env.NO_COLOR !== undefined && env.NO_COLOR !== '') return false;
  return isTTY && env.TERM !== 'dumb';
}
