import { describe, expect, it } from 'vitest';
import { decodeClaims } from './jwt';

function token(payload: object): string {
  const bytes = new TextEncoder().encode(JSON.stringify(payload));
  const b64 = btoa(String.fromCharCode(...bytes))
    .replace(/\+/g, '-')
    .replace(/\//g, '_')
    .replace(/=+$/, '');
  return `eyJhbGciOiJIUzI1NiJ9.${b64}.signature`;
}

describe('decodeClaims', () => {
  it('reads the user, roles and expiry', () => {
    expect(decodeClaims(token({ sub: 'u1', email: 'a@b.c', roles: ['admin'], exp: 1700000000 }))).toEqual({
      sub: 'u1',
      email: 'a@b.c',
      roles: ['admin'],
      exp: 1700000000,
    });
  });

  it('decodes base64url with non-ASCII text', () => {
    const claims = decodeClaims(token({ sub: 'u2', email: 'zoë@例え.jp', roles: [], exp: 1 }));
    expect(claims?.email).toBe('zoë@例え.jp');
  });

  it('refuses what is not one of our tokens', () => {
    expect(decodeClaims('not-a-jwt')).toBeNull();
    expect(decodeClaims(token({ sub: 'u1' }))).toBeNull();
  });
});
