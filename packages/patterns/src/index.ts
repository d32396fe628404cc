export { backtrackingRisk } from './backtracking-risk.js';
export { patternEngine } from './pattern-engine.js';
export { type PatternMatcher, patternMatcher } from './pattern-matcher.js';
