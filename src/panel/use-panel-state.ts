import { useEffect, useState } from "preact/hooks";
import type { ExchangeStore, PanelState } from "./exchange-store";

/** Returns the store's state and re-renders the component whenever it changes. */
export function usePanelState(store: ExchangeStore): PanelState {
  const [state, setState] = useState(store.getState());
  useEffect(() => {
    const unsubscribe = store.subscribe(() => setState(store.getState()));
    // The state may have changed between the first render and this subscription.
    setState(store.getState());
    return unsubscribe;
  }, [store]);
  return state;
}
