import { useEffect, useRef } from "preact/hooks";

/** Controls that use Escape themselves: a search field clears itself, a select closes. */
const TEXT_CONTROLS =
  "textarea, select, input:not([type=checkbox]):not([type=radio])";

/**
 * Calls `onEscape` when Escape is pressed anywhere in the page while `active` is true,
 * unless the key went to a text field or a select, or an earlier handler used it.
 */
export function useEscapeKey(active: boolean, onEscape: () => void): void {
  const latest = useRef(onEscape);
  latest.current = onEscape;
  useEffect(() => {
    if (!active) return;
    const onKeyDown = (event: KeyboardEvent) => {
      if (event.key !== "Escape" || event.defaultPrevented) return;
      if (
        event.target instanceof Element &&
        event.target.closest(TEXT_CONTROLS) !== null
      ) {
        return;
      }
      event.preventDefault();
      latest.current();
    };
    document.addEventListener("keydown", onKeyDown);
    return () => document.removeEventListener("keydown", onKeyDown);
  }, [active]);
}
