import {
  RESOURCE_TYPE_GROUPS,
  type ExchangeFilter,
  type ResourceTypeGroup,
} from "./exchange-filter";

const TYPE_LABELS: Readonly<Record<ResourceTypeGroup, string>> = {
  fetch: "Fetch/XHR",
  font: "Font",
  script: "Script",
  stylesheet: "Stylesheet",
  image: "Image",
  other: "Other",
};

function isTypeChoice(value: string): value is ResourceTypeGroup | "all" {
  return (
    value === "all" ||
    (RESOURCE_TYPE_GROUPS as readonly string[]).includes(value)
  );
}

interface FilterBarProps {
  readonly filter: ExchangeFilter;
  readonly onChange: (filter: ExchangeFilter) => void;
}

/** Renders the row of filters above the exchange list, as in DevTools' Network panel. */
export function FilterBar({ filter, onChange }: FilterBarProps) {
  return (
    <div class="filter-bar" role="search" aria-label="Filter requests">
      <input
        type="search"
        class="filter-text"
        data-testid="filter-text"
        placeholder="Filter"
        aria-label="Filter by URL, method, origin or finding"
        title="Show requests whose URL, method, origin or finding contains every word typed"
        spellcheck={false}
        value={filter.text}
        onInput={(event) =>
          onChange({ ...filter, text: event.currentTarget.value })
        }
      />
      <label
        class="filter-toggle"
        title="Show only requests the browser blocked"
      >
        <input
          type="checkbox"
          data-testid="filter-failing"
          checked={filter.failingOnly}
          onChange={(event) =>
            onChange({ ...filter, failingOnly: event.currentTarget.checked })
          }
        />
        Failing only
      </label>
      <label
        class="filter-toggle"
        title="Show only requests with warnings (with Failing only: blocked requests too)"
      >
        <input
          type="checkbox"
          data-testid="filter-warnings"
          checked={filter.warningsOnly}
          onChange={(event) =>
            onChange({ ...filter, warningsOnly: event.currentTarget.checked })
          }
        />
        Warnings
      </label>
      <label class="filter-type">
        Type
        <select
          data-testid="filter-type"
          value={filter.resourceType}
          onChange={(event) => {
            const value = event.currentTarget.value;
            if (isTypeChoice(value))
              onChange({ ...filter, resourceType: value });
          }}
        >
          <option value="all">All</option>
          {RESOURCE_TYPE_GROUPS.map((group) => (
            <option key={group} value={group}>
              {TYPE_LABELS[group]}
            </option>
          ))}
        </select>
      </label>
    </div>
  );
}
