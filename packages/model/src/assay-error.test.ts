import { describe, expect, it } from 'vitest';
import { AssayError } from './assay-error.js';

describe('AssayError', () => {
  it('keeps its code, message and location', () => {
    const error = new AssayError('spec-parse', 'bad YAML', { file: 'a.yaml', line: 3, column: 7 });
    expect(error.code).toBe('spec-parse');
    expect(error.message).toBe('bad YAML');
    expect(error.details).toEqual({ file: 'a.yaml', line: 3, column: 7 });
    expect(error.name).toBe('AssayError');
  });

  it('is told apart from other errors, even from another copy of the class', () => {
    expect(AssayError.is(new AssayError('usage', 'x'))).toBe(true);
    const foreign = Object.assign(new Error('y'), { name: 'AssayError' });
    expect(AssayError.is(foreign)).toBe(true);
    expect(AssayError.is(new Error('z'))).toBe(false);
    expect(AssayError.is('AssayError')).toBe(false);
  });

  it('chains the cause', () => {
    const cause = new Error('root');
    expect(new AssayError('internal', 'wrapped', { cause }).cause).toBe(cause);
  });
});
