/** Wraps text in one ANSI style. */
export type Paint = (text: string) => string;

/** The console's styles. */
export type Palette = Record<'red' | 'yellow' | 'green' | 'bold' | 'dim', Paint>;

/** The console's styles; every one is the identity when `color` is off. */
export function palette(color: boolean): Palette {
  const sgr =
    (open: number, close: number): Paint =>
    (text) =>
      color ? `\u001b[${open}m${text}\u001b[${close}m` : text;
  return { red: sgr(31, 39), yellow: sgr(33, 39), green: sgr(32, 39), bold: sgr(1, 22), dim: sgr(2, 22) };
}
