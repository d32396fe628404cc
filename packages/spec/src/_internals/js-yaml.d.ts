// Just the part of js-yaml's API the loader uses (the package ships no types of its own).
declare module 'js-yaml' {
  export interface Mark {
    line: number;
    column: number;
  }
  export class YAMLException extends Error {
    reason: string;
    mark?: Mark;
  }
  export interface Type {
    readonly tag: string;
  }
  export interface Schema {
    extend(types: { implicit?: Type[]; explicit?: Type[] }): Schema;
  }
  export const CORE_SCHEMA: Schema;
  export const types: { merge: Type };
  export interface State {
    line: number;
    position: number;
    lineStart: number;
    result: unknown;
  }
  export function load(
    text: string,
    options?: {
      filename?: string;
      json?: boolean;
      schema?: Schema;
      listener?: (event: 'open' | 'close', state: State) => void;
    },
  ): unknown;
}
