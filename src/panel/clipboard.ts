/**
 * Writes text to the clipboard with the Clipboard API, and falls back on the older
 * copy command when the API is missing or rejects. Chromium runs a docked DevTools
 * panel in a frame whose permissions policy can block the Clipboard API, as other
 * DevTools extensions report, while the copy command still works during a click.
 * Rejects with the Clipboard API's error when both ways fail.
 */
export async function writeClipboard(text: string): Promise<void> {
  let apiError: unknown = new Error("The Clipboard API is not available.");
  if (navigator.clipboard !== undefined) {
    try {
      await navigator.clipboard.writeText(text);
      return;
    } catch (error) {
      apiError = error;
    }
  }
  if (!copyWithSelection(text)) throw apiError;
}

/**
 * Copies the text through a hidden, selected text area, then puts the focus back
 * where it was. Returns false when the browser refused.
 */
function copyWithSelection(text: string): boolean {
  const focused = document.activeElement;
  const area = document.createElement("textarea");
  area.value = text;
  area.readOnly = true;
  area.setAttribute("aria-hidden", "true");
  area.style.position = "fixed";
  area.style.opacity = "0";
  document.body.append(area);
  area.select();
  try {
    // NOTE: deprecated, but the only way left when the Clipboard API is blocked.
    return document.execCommand("copy");
  } catch {
    return false;
  } finally {
    area.remove();
    if (focused instanceof HTMLElement) focused.focus();
  }
}
