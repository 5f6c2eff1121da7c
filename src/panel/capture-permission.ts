import browser from "webextension-polyfill";

/**
 * The permissions capture outside DevTools needs in Chrome: webRequest, and access to the sites
 * whose requests it records. Both are optional permissions there, asked for only by
 * the detached view, because having webRequest slows every request of the profile.
 */
export const CAPTURE_PERMISSIONS = {
  permissions: ["webRequest"],
  origins: ["<all_urls>"],
} as const;

function requested(): browser.Permissions.Permissions {
  return {
    permissions: [...CAPTURE_PERMISSIONS.permissions],
    origins: [...CAPTURE_PERMISSIONS.origins],
  };
}

export function hasCapturePermission(): Promise<boolean> {
  return browser.permissions.contains(requested());
}

/** Shows Chrome's permission prompt; call it from a click. */
export function requestCapturePermission(): Promise<boolean> {
  return browser.permissions.request(requested());
}
