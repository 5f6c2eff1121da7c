import { useState } from "preact/hooks";
import "./tab-picker.css";

interface PermissionRequestProps {
  /** Shows the browser's prompt and resolves to whether the user granted it. */
  readonly request: () => Promise<boolean>;
  readonly onGranted: () => void;
}

type RequestState =
  | { readonly state: "idle" }
  | { readonly state: "asking" }
  | { readonly state: "declined" }
  | { readonly state: "failed"; readonly message: string };

/**
 * Renders what the detached view shows in Chrome until it may record: why it needs
 * the webRequest permission and access to all sites, and a button that requests them.
 */
export function PermissionRequest({
  request,
  onGranted,
}: PermissionRequestProps) {
  const [status, setStatus] = useState<RequestState>({ state: "idle" });
  const ask = () => {
    setStatus({ state: "asking" });
    request().then(
      (granted) => {
        if (granted) onGranted();
        else setStatus({ state: "declined" });
      },
      (error: unknown) =>
        setStatus({ state: "failed", message: String(error) }),
    );
  };
  return (
    <main
      class="tab-picker"
      data-testid="permission-request"
      aria-labelledby="permission-request-heading"
    >
      <h1 id="permission-request-heading">
        Allow CORS Lens to record requests outside DevTools
      </h1>
      <p>
        Inside DevTools, the <strong>CORS</strong> panel reads the requests
        DevTools itself records, and needs no permission. This detached view
        records a tab without DevTools, through the browser&apos;s webRequest
        API, which Chrome grants only with access to the sites the tab requests.
      </p>
      <p>
        While CORS Lens holds this permission, Chrome passes every request of
        this profile through extension code, which makes pages with many
        requests load more slowly even when nothing is recorded. You can
        withdraw it at any time on the extension&apos;s details page.
      </p>
      <p>
        <button
          type="button"
          onClick={ask}
          disabled={status.state === "asking"}
          data-testid="request-permission"
        >
          Allow recording outside DevTools
        </button>
      </p>
      {status.state === "declined" ? (
        <p role="status">
          Permission not granted. The CORS panel in DevTools works without it.
        </p>
      ) : null}
      {status.state === "failed" ? (
        <p class="tab-picker-error" role="alert">
          Could not ask for the permission: {status.message}
        </p>
      ) : null}
    </main>
  );
}
