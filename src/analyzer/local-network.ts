import type { AddressSpace } from "./address-space";
import { isLocalNetworkRequest } from "./address-space";
import { urlParts } from "./url-origin";

/** A request from a page into a more private address space. */
export interface LocalNetworkRequest {
  readonly from: AddressSpace;
  readonly to: AddressSpace;
  /** True when the page's address space was assumed public from its host name. */
  readonly fromAssumed: boolean;
}

/** Returns the address space a URL's host name shows, or null when it shows none. */
export function addressSpaceOfUrl(url: string): AddressSpace | null {
  return urlParts(url)?.addressSpace ?? null;
}

/**
 * Returns the Local Network Access step that a page at `origin` takes by requesting
 * `url`, or null when it takes none or the target's address space is unknown. A page
 * whose host name does not show its address space is taken as public.
 */
export function localNetworkRequest(
  origin: string | null,
  url: string,
): LocalNetworkRequest | null {
  const to = addressSpaceOfUrl(url);
  if (to === null || to === "public") return null;
  const known = origin === null ? null : addressSpaceOfUrl(origin);
  const from = known ?? "public";
  if (!isLocalNetworkRequest(from, to)) return null;
  return { from, to, fromAssumed: known === null };
}

/**
 * Describes the step in words, such as "the page (a local address) requests a loopback
 * address".
 */
export function describeLocalNetworkRequest(
  request: LocalNetworkRequest,
): string {
  const page = request.fromAssumed
    ? "the page (taken as public, because its host name does not show its address)"
    : `the page (a ${request.from} address)`;
  return `${page} requests a ${request.to} address`;
}
