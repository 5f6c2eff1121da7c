import type { Finding } from "../model/analysis";

/** MDN's guide to CORS, for findings that have no Firefox reason. */
export const MDN_CORS_GUIDE =
  "https://developer.mozilla.org/en-US/docs/Web/HTTP/Guides/CORS";

/**
 * The Firefox reasons that MDN explains on a page of their own, under
 * `Guides/CORS/Errors/<reason>`, as listed on MDN's "CORS errors" page.
 */
const MDN_REASON_PAGES = new Set([
  "CORSAllowOriginNotMatchingOrigin",
  "CORSDidNotSucceed",
  "CORSDisabled",
  "CORSExternalRedirectNotAllowed",
  "CORSInvalidAllowHeader",
  "CORSInvalidAllowMethod",
  "CORSMethodNotFound",
  "CORSMissingAllowCredentials",
  "CORSMissingAllowHeaderFromPreflight",
  "CORSMissingAllowOrigin",
  "CORSMultipleAllowOriginNotAllowed",
  "CORSNotSupportingCredentials",
  "CORSOriginHeaderNotAdded",
  "CORSPreflightDidNotSucceed",
  "CORSRequestNotHttp",
]);

/** The MDN page to read about a finding, and the text of its link. */
export interface MdnLink {
  readonly href: string;
  readonly label: string;
}

/**
 * MDN spells one page's address differently from the Firefox reason it explains.
 */
const MDN_SLUGS: ReadonlyMap<string, string> = new Map([
  ["CORSMissingAllowCredentials", "CORSMIssingAllowCredentials"],
]);

/**
 * Returns MDN's page for the finding's Firefox reason, or the CORS guide for a
 * finding without one (warnings, Chromium-only failures). Only names from the list
 * above make a URL, so no finding text reaches the link.
 */
export function mdnLink(finding: Finding): MdnLink {
  const reason = finding.firefox;
  if (reason !== null && MDN_REASON_PAGES.has(reason)) {
    return {
      href: `${MDN_CORS_GUIDE}/Errors/${MDN_SLUGS.get(reason) ?? reason}`,
      label: `MDN: ${reason}`,
    };
  }
  return { href: MDN_CORS_GUIDE, label: "MDN: CORS guide" };
}
