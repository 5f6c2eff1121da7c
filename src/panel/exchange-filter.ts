import type { ResourceType } from "../model/request-record";
import type { AnalyzedExchange } from "../report/build-json-report";
import { findingTitle } from "./finding-title";

/** The resource type groups of the type filter, as DevTools' Network panel names them. */
export const RESOURCE_TYPE_GROUPS = [
  "fetch",
  "font",
  "script",
  "stylesheet",
  "image",
  "other",
] as const;

export type ResourceTypeGroup = (typeof RESOURCE_TYPE_GROUPS)[number];

/** Settings of the filter bar above the exchange list. */
export interface ExchangeFilter {
  /**
   * Words that must each occur, ignoring case, in the method, URL, origin, or a
   * finding's rule id or title. Empty lets every exchange through.
   */
  readonly text: string;
  /** Only exchanges the browser blocked. */
  readonly failingOnly: boolean;
  /** Only exchanges with at least one warning finding. */
  readonly warningsOnly: boolean;
  /** Only exchanges whose actual request is of this type group, or every type. */
  readonly resourceType: ResourceTypeGroup | "all";
}

export const NO_FILTER: ExchangeFilter = {
  text: "",
  failingOnly: false,
  warningsOnly: false,
  resourceType: "all",
};

/** Returns the type filter group of a webRequest resource type. */
export function resourceTypeGroup(type: ResourceType): ResourceTypeGroup {
  switch (type) {
    // webRequest reports fetch(), XMLHttpRequest and EventSource alike.
    case "xmlhttprequest":
      return "fetch";
    case "font":
    case "script":
    case "stylesheet":
    case "image":
      return type;
    // Firefox's type for <img srcset> and <picture> sources.
    case "imageset":
      return "image";
    default:
      return "other";
  }
}

export function isFilterActive(filter: ExchangeFilter): boolean {
  return (
    searchTerms(filter.text).length > 0 ||
    filter.failingOnly ||
    filter.warningsOnly ||
    filter.resourceType !== "all"
  );
}

/**
 * Returns the entries the filter lets through, in their order. Returns `entries`
 * itself when the filter lets everything through, so callers can tell nothing changed.
 *
 * "Failing only" and "Warnings" together let through exchanges that are blocked or
 * have a warning, as the Console's level toggles add up.
 */
export function filterExchanges(
  entries: readonly AnalyzedExchange[],
  filter: ExchangeFilter,
): readonly AnalyzedExchange[] {
  if (!isFilterActive(filter)) return entries;
  const terms = searchTerms(filter.text);
  return entries.filter((entry) => matches(entry, filter, terms));
}

function matches(
  entry: AnalyzedExchange,
  filter: ExchangeFilter,
  terms: readonly string[],
): boolean {
  const facts = cachedFilterFacts(entry);
  if (filter.failingOnly || filter.warningsOnly) {
    const failing = filter.failingOnly && facts.blocked;
    const warned = filter.warningsOnly && facts.hasWarnings;
    if (!failing && !warned) return false;
  }
  if (
    filter.resourceType !== "all" &&
    facts.typeGroup !== filter.resourceType
  ) {
    return false;
  }
  return terms.every((term) => facts.searchText.includes(term));
}

function searchTerms(text: string): string[] {
  return text
    .toLowerCase()
    .split(/\s+/)
    .filter((term) => term !== "");
}

/** The facts about one exchange that the filter reads. */
interface FilterFacts {
  readonly blocked: boolean;
  readonly hasWarnings: boolean;
  readonly typeGroup: ResourceTypeGroup;
  /** Method, URL, origins, rule ids and titles, lower case, one per line. */
  readonly searchText: string;
}

const filterFacts = new WeakMap<AnalyzedExchange, FilterFacts>();

/**
 * Computes and keeps what the filter reads of an entry, so that the first filter after
 * the entries arrive does not compute it for every entry at once.
 */
export function prepareForFilter(entry: AnalyzedExchange): void {
  cachedFilterFacts(entry);
}

/** Computes an entry's filter facts once, since entries are kept while unchanged. */
function cachedFilterFacts(entry: AnalyzedExchange): FilterFacts {
  let facts = filterFacts.get(entry);
  if (facts === undefined) {
    facts = filterFactsOf(entry);
    filterFacts.set(entry, facts);
  }
  return facts;
}

function filterFactsOf({ exchange, analysis }: AnalyzedExchange): FilterFacts {
  const parts = [exchange.actual.method, exchange.actual.url];
  if (exchange.origin !== null) parts.push(exchange.origin);
  if (exchange.actual.initiator !== null) {
    parts.push(exchange.actual.initiator);
  }
  for (const finding of analysis.findings) {
    parts.push(finding.rule, findingTitle(finding));
  }
  return {
    blocked: analysis.verdict === "blocked",
    hasWarnings: analysis.findings.some(
      (finding) => finding.severity === "warning",
    ),
    typeGroup: resourceTypeGroup(exchange.actual.type),
    // Lines keep a term from matching across two fields.
    searchText: parts.join("\n").toLowerCase(),
  };
}
