import { BlockList, isIP } from 'node:net';

/** Which non-public addresses a harvest may reach. Public addresses are always allowed. */
export type PrivateAccess =
  | { readonly kind: 'none' }
  | { readonly kind: 'all' }
  /** Only these `host:port` origins may resolve to non-public addresses. */
  | { readonly kind: 'origins'; readonly origins: ReadonlySet<string> };

const blocked = new BlockList();
for (const [net, prefix] of [
  ['0.0.0.0', 8], ['10.0.0.0', 8], ['100.64.0.0', 10], ['127.0.0.0', 8], ['169.254.0.0', 16],
  ['172.16.0.0', 12], ['192.0.0.0', 24], ['192.168.0.0', 16], ['198.18.0.0', 15], ['224.0.0.0', 3],
] as const) blocked.addSubnet(net, prefix, 'ipv4');
for (const [net, prefix] of [['::', 128], ['::1', 128], ['fc00::', 7], ['fe80::', 10], ['ff00::', 8]] as const) {
  blocked.addSubnet(net, prefix, 'ipv6');
}

/** True when an IP address is loopback, private, link-local, metadata, multicast or otherwise not public. */
export function isNonPublicAddress(address: string): boolean {
  const family = isIP(address);
  if (family === 4) return blocked.check(address, 'ipv4');
  if (family === 6) {
    const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(address);
    if (mapped?.[1]) return blocked.check(mapped[1], 'ipv4');
    return blocked.check(address, 'ipv6');
  }
  return true;
}

/**
 * Parses `FEDCAT_HARVEST_ALLOW_PRIVATE`: `true` allows every private address, a comma-separated list of
 * `host:port` allows only those origins, anything else (or unset) allows none.
 */
export function parsePrivateAccess(value: string | undefined): PrivateAccess {
  const v = value?.trim() ?? '';
  if (v === '' || v === 'false' || v === '0') return { kind: 'none' };
  if (v === 'true' || v === '1') return { kind: 'all' };
  return { kind: 'origins', origins: new Set(v.split(',').map((o) => o.trim().toLowerCase()).filter(Boolean)) };
}

/** The `host:port` origin of a URL (IPv6 brackets dropped, default ports filled in), as the policy names origins. */
export function hostPort(url: URL): string {
  return `${url.hostname.replace(/^\[|\]$/g, '')}:${url.port || (url.protocol === 'https:' ? 443 : 80)}`;
}

/** Whether a connection to `address` for a URL of origin `hostPort` is allowed. */
export function mayConnect(policy: PrivateAccess, hostPort: string, address: string): boolean {
  if (!isNonPublicAddress(address)) return true;
  if (policy.kind === 'all') return true;
  if (policy.kind === 'origins') return policy.origins.has(hostPort.toLowerCase());
  return false;
}
