/** RFC 7617 §2: base64 of `user-id:password`, UTF-8. */
export function basicToken(username: string, password: string): string {
  return Buffer.from(`${username}:${password}`, 'utf8').toString('base64');
}
