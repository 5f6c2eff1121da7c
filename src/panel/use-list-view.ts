import { useEffect, useMemo, useState } from "preact/hooks";
import type { AnalyzedExchange } from "../report/build-json-report";
import {
  filterExchanges,
  isFilterActive,
  NO_FILTER,
  prepareForFilter,
  type ExchangeFilter,
} from "./exchange-filter";
import { sortExchanges, type ExchangeSort } from "./exchange-sort";

/** The filter and sort of the exchange list, and the entries they leave. */
export interface ListView {
  readonly filter: ExchangeFilter;
  readonly setFilter: (filter: ExchangeFilter) => void;
  readonly filterActive: boolean;
  readonly sort: ExchangeSort | null;
  readonly setSort: (sort: ExchangeSort | null) => void;
  /** The entries the filter lets through, in the sort's order. */
  readonly shown: readonly AnalyzedExchange[];
}

/**
 * Filters and sorts `entries`. Each step runs again only when its input changed, so
 * selecting a row or resizing a column does not filter or sort 10,000 entries again.
 */
export function useListView(entries: readonly AnalyzedExchange[]): ListView {
  const [filter, setFilter] = useState<ExchangeFilter>(NO_FILTER);
  const [sort, setSort] = useState<ExchangeSort | null>(null);
  const filtered = useMemo(
    () => filterExchanges(entries, filter),
    [entries, filter],
  );
  const shown = useMemo(() => sortExchanges(filtered, sort), [filtered, sort]);
  useEffect(() => prepareWhenIdle(entries), [entries]);
  return {
    filter,
    setFilter,
    filterActive: isFilterActive(filter),
    sort,
    setSort,
    shown,
  };
}

/** Milliseconds left unused at the end of an idle period, so the work never runs past it. */
const IDLE_MARGIN_MS = 1;

/**
 * Prepares the entries for filtering in idle periods, so that typing the first filter
 * text does not wait for 10,000 entries to be read. Returns the cancel function.
 */
function prepareWhenIdle(entries: readonly AnalyzedExchange[]): () => void {
  let next = 0;
  let handle = requestIdleCallback(function work(deadline) {
    while (next < entries.length && deadline.timeRemaining() > IDLE_MARGIN_MS) {
      const entry = entries[next];
      if (entry !== undefined) prepareForFilter(entry);
      next += 1;
    }
    if (next < entries.length) handle = requestIdleCallback(work);
  });
  return () => cancelIdleCallback(handle);
}
