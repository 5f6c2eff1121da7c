/** Renders the help shown when the page has no tab: not in DevTools and no `?tabId=`. */
export function MissingTabMessage({ pageUrl }: { readonly pageUrl: string }) {
  return (
    <main class="missing-tab" data-testid="missing-tab">
      <h1>No tab to show</h1>
      <p>
        This page shows the cross-origin requests of one browser tab. Open
        DevTools on that tab and choose the <strong>CORS</strong> panel.
      </p>
      <p>
        To use it in its own window instead, add the tab's id to this page's
        address, for example:
      </p>
      <p>
        <code>{`${pageUrl}?tabId=123`}</code>
      </p>
      <p>
        CORS Lens records the tab while this view or DevTools is open on it.
      </p>
    </main>
  );
}
