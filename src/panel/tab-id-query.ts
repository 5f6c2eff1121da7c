/** Reads the `tabId` parameter of a detached view's query string, such as `?tabId=12`. */
export function tabIdFromQuery(search: string): number | null {
  const value = new URLSearchParams(search).get("tabId");
  if (value === null || !/^\d+$/.test(value)) return null;
  const tabId = Number(value);
  return Number.isSafeInteger(tabId) ? tabId : null;
}
