import type { Exchange } from './exchange.js';
import type { Violation } from './violation.js';
import type { Walk } from './walk.js';

/**
 * A response check: a pure function from an exchange to the contract violations it shows.
 * Checks are values passed to the engine, never registered globally.
 */
export interface Check {
  /** Stable kebab-case id; also the name used in reports and CLI flags. */
  id: string;
  /** One line: the property the check enforces. */
  description: string;
  /** The spec clause it enforces, e.g. `OpenAPI 3.1 §4.8.16 Responses Object`. */
  clause: string;
  verify(exchange: Exchange): Violation[];
}

/**
 * A check over several exchanges of one operation, in the order they were made: walks across
 * pages, or a query and its metamorphic variant.
 */
export interface SequenceCheck {
  id: string;
  description: string;
  clause: string;
  /**
   * `exchanges` are every exchange of the sequence in the order they were made (a violation's `at`
   * indexes them); `walks` group the same exchanges into the walks that made them, page by page.
   */
  verify(exchanges: readonly Exchange[], walks: readonly Walk[]): Violation[];
}
