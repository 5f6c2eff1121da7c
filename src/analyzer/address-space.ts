/**
 * The address spaces of Local Network Access (formerly Private Network Access):
 * `loopback` (this machine), `local` (the private network) and `public`.
 */
export type AddressSpace = "loopback" | "local" | "public";

const IPV4 = /^(\d{1,3})\.(\d{1,3})\.(\d{1,3})\.(\d{1,3})$/;

/** Classifies an IPv4 literal; the local blocks are those of RFC 1918, 6598 and 3927. */
function ipv4Space(host: string): AddressSpace | null {
  const match = IPV4.exec(host);
  if (match === null) return null;
  const first = Number(match[1]);
  const second = Number(match[2]);
  if (first === 127) return "loopback";
  if (first === 10 || (first === 192 && second === 168)) return "local";
  if (first === 172 && second >= 16 && second <= 31) return "local";
  if (first === 169 && second === 254) return "local";
  if (first === 100 && second >= 64 && second <= 127) return "local";
  return "public";
}

function ipv6Space(host: string): AddressSpace | null {
  if (!host.startsWith("[")) return null;
  const address = host.slice(1, -1).toLowerCase();
  if (address === "::1") return "loopback";
  if (/^f[cd]/.test(address) || /^fe[89ab]/.test(address)) return "local";
  return "public";
}

/**
 * Returns the address space of a URL's host name when its form shows it: an IP
 * literal, `localhost` (and `*.localhost`), or a `.local` name. Returns null for other
 * host names, whose address takes a DNS lookup.
 */
export function addressSpaceOfHost(host: string): AddressSpace | null {
  if (host === "localhost" || host.endsWith(".localhost")) return "loopback";
  if (host.endsWith(".local")) return "local";
  return ipv4Space(host) ?? ipv6Space(host);
}

const RANK: Readonly<Record<AddressSpace, number>> = {
  loopback: 0,
  local: 1,
  public: 2,
};

/**
 * Returns true when a page in `from` requesting `to` is a Local Network Access
 * request: the target is in a more private address space than the page.
 */
export function isLocalNetworkRequest(
  from: AddressSpace,
  to: AddressSpace,
): boolean {
  return RANK[to] < RANK[from];
}
