import type { FastifyRequest } from 'fastify';

import { clientAddress } from './client-address';

function request(peer: string, forwardedFor?: string | string[]): FastifyRequest {
  return { headers: forwardedFor === undefined ? {} : { 'x-forwarded-for': forwardedFor }, socket: { remoteAddress: peer } } as unknown as FastifyRequest;
}

describe('clientAddress', () => {
  it('is the connection peer without TRUST_PROXY, whatever X-Forwarded-For says', () => {
    expect(clientAddress(request('203.0.113.9', '198.51.100.1'), false)).toBe('203.0.113.9');
    expect(clientAddress(request('::ffff:203.0.113.9'), false)).toBe('203.0.113.9');
    expect(clientAddress(request('2001:db8::7'), false)).toBe('2001:db8::7');
  });

  it('is the first X-Forwarded-For hop behind a trusted proxy, and the peer when that hop is not an address', () => {
    expect(clientAddress(request('10.0.0.2', '198.51.100.1, 10.0.0.1'), true)).toBe('198.51.100.1');
    expect(clientAddress(request('10.0.0.2', ['2001:db8::9', '10.0.0.1']), true)).toBe('2001:db8::9');
    expect(clientAddress(request('10.0.0.2', 'unknown, 10.0.0.1'), true)).toBe('10.0.0.2');
    expect(clientAddress(request('10.0.0.2'), true)).toBe('10.0.0.2');
  });
});
