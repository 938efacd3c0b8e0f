import { isIP } from 'node:net';
import type { FastifyRequest } from 'fastify';

/**
 * The shopper's IP address, for Meta's client_ip_address and the rate limit. The connection's peer,
 * unless the app runs behind a reverse proxy (TRUST_PROXY), whose X-Forwarded-For starts with the
 * address it saw the request come from. Only the first hop counts: the proxy appends, so later hops
 * are proxies, and without TRUST_PROXY the header is anyone's to write.
 */
export function clientAddress(request: FastifyRequest, trustProxy: boolean): string | undefined {
  if (trustProxy) {
    const header = request.headers['x-forwarded-for'];
    const first = (Array.isArray(header) ? header[0] : header)?.split(',')[0]?.trim();
    if (first && isIP(first)) return first;
  }
  const peer = request.socket.remoteAddress;
  // Node reports IPv4 peers of a dual-stack socket as ::ffff:a.b.c.d.
  return peer?.startsWith('::ffff:') && isIP(peer.slice(7)) === 4 ? peer.slice(7) : peer;
}
