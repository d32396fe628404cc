/** The version reports carry (kept in step with package.json). */
export const runnerVersion = '0.1.0';
