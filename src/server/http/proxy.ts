/**
 * Fastify's trustProxy for a TRUST_PROXY setting. A list of addresses/CIDRs goes as it is. A hop
 * count becomes a function trusting that many hops nearest the server: Fastify 5.12 ignores a
 * bare number (it cannot check that the peer is a proxy), so the count is only safe when the
 * server is reachable through the proxy alone (HOST=127.0.0.1 or a private network), as the
 * README says; otherwise give the proxies' addresses.
 */
export function fastifyTrustProxy(
  setting: false | number | string[] | undefined,
): boolean | string[] | ((address: string, hop: number) => boolean) {
  if (setting === undefined || setting === false || setting === 0) return false;
  if (typeof setting === 'number') return (_address, hop) => hop < setting;
  return setting;
}
