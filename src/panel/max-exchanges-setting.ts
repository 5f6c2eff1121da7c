import { useEffect, useState } from "preact/hooks";
import browser from "webextension-polyfill";
import {
  DEFAULT_MAX_EXCHANGES,
  MAX_EXCHANGES_KEY,
  maxExchangesFrom,
} from "../messaging/capture-settings";

/**
 * Returns the per-tab exchange cap kept in `storage.local`, kept in step with changes
 * made elsewhere, and a function that stores a new cap. The background applies a
 * stored cap at once.
 */
export function useMaxExchanges(): [number, (value: number) => void] {
  const [value, setValue] = useState(DEFAULT_MAX_EXCHANGES);
  useEffect(() => {
    let active = true;
    browser.storage.local.get(MAX_EXCHANGES_KEY).then(
      (items) => {
        if (active) setValue(maxExchangesFrom(items[MAX_EXCHANGES_KEY]));
      },
      (error: unknown) => {
        console.error("CORS Lens: reading the exchange cap failed", error);
      },
    );
    const onChanged = (
      changes: Record<string, { newValue?: unknown }>,
      areaName: string,
    ) => {
      const change = changes[MAX_EXCHANGES_KEY];
      if (areaName === "local" && change !== undefined) {
        setValue(maxExchangesFrom(change.newValue));
      }
    };
    browser.storage.onChanged.addListener(onChanged);
    return () => {
      active = false;
      browser.storage.onChanged.removeListener(onChanged);
    };
  }, []);
  const save = (next: number) => {
    const cap = maxExchangesFrom(next);
    setValue(cap);
    browser.storage.local
      .set({ [MAX_EXCHANGES_KEY]: cap })
      .catch((error: unknown) => {
        console.error("CORS Lens: storing the exchange cap failed", error);
      });
  };
  return [value, save];
}
