/** Maximum number of URLs whose origin stays cached before the cache is cleared. */
const MAX_CACHED_URLS = 1_000;

const originsByUrl = new Map<string, string | null>();

/**
 * Returns the serialized origin of a URL, or null when it does not parse. Results are
 * cached because URL parsing dominates the analysis of an exchange, and a capture
 * repeats the same few URLs.
 */
export function originOfUrl(url: string): string | null {
  const cached = originsByUrl.get(url);
  if (cached !== undefined) return cached;
  const origin = URL.canParse(url) ? new URL(url).origin : null;
  if (originsByUrl.size >= MAX_CACHED_URLS) originsByUrl.clear();
  originsByUrl.set(url, origin);
  return origin;
}
