/**
 * Whether the devtools page captures the inspected tab itself, from
 * `chrome.devtools.network`, rather than the background through webRequest. True in the
 * Chrome builds: Chromium routes every request of the profile through extension code
 * while any extension has the webRequest permission, which made a page of 2,000
 * preflighted requests 8 to 19% slower before a listener was even added (see
 * docs/benchmarks.md). Firefox keeps capturing through webRequest, the capture its
 * end-to-end tests compare with Firefox's own verdicts. Its cost there is not measured.
 */
export const CAPTURES_IN_DEVTOOLS: boolean = !import.meta.env.MODE.startsWith(
  "firefox",
);
