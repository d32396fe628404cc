import { describe, expect, it } from 'vitest';
import { serverBasePath } from './server-base-path.js';

describe('serverBasePath', () => {
  it.each([
    ['https://x.test/api/v3/', '/api/v3'],
    ['https://x.test/api/v3', '/api/v3'],
    ['/api/v3//', '/api/v3'],
    ['https://x.test', ''],
    ['/', ''],
    ['http://[bad', ''],
    [undefined, ''],
  ])('%s → %j', (server, path) => {
    expect(serverBasePath(server)).toBe(path);
  });
});
