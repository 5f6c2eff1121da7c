import type { AddressSpace } from "./address-space";
import { addressSpaceOfHost } from "./address-space";

/** Parts of a URL that the analyzer reads. */
export interface UrlParts {
  readonly origin: string;
  readonly hostname: string;
  /** The address space the host name shows, or null when that takes a DNS lookup. */
  readonly addressSpace: AddressSpace | null;
}

/**
 * Number of URLs per cache generation. When the newer generation fills up, the older
 * one is dropped, so memory stays bounded and recently used URLs survive.
 */
const GENERATION_SIZE = 4_096;

let newer = new Map<string, UrlParts | null>();
let older = new Map<string, UrlParts | null>();

function parseUrl(url: string): UrlParts | null {
  if (!URL.canParse(url)) return null;
  const parsed = new URL(url);
  return {
    origin: parsed.origin,
    hostname: parsed.hostname,
    addressSpace: addressSpaceOfHost(parsed.hostname),
  };
}

/**
 * Returns the parts of a URL the analyzer reads, or null when it does not parse. Results
 * are cached because URL parsing dominates the analysis of an exchange, and a capture
 * repeats the same few URLs.
 */
export function urlParts(url: string): UrlParts | null {
  const cached = newer.get(url);
  if (cached !== undefined) return cached;
  let parts = older.get(url);
  if (parts === undefined) parts = parseUrl(url);
  if (newer.size >= GENERATION_SIZE) {
    older = newer;
    newer = new Map();
  }
  newer.set(url, parts);
  return parts;
}

/** Returns the serialized origin of a URL, or null when it does not parse. */
export function originOfUrl(url: string): string | null {
  return urlParts(url)?.origin ?? null;
}
