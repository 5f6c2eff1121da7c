import { afterEach, describe, expect, it, vi } from "vitest";

/** A stand-in for `browser.devtools.panels` in Firefox, which has onThemeChanged. */
const firefoxPanels = {
  themeName: "dark",
  listeners: [] as ((themeName: string) => void)[],
  onThemeChanged: {
    addListener(listener: (themeName: string) => void) {
      firefoxPanels.listeners.push(listener);
    },
  },
};

vi.mock("webextension-polyfill", () => ({
  default: { devtools: { panels: firefoxPanels } },
}));

const { devtoolsBrowser, followDevtoolsTheme, panelTheme } =
  await import("../../../src/panel/devtools-theme");

function fakeRoot(): HTMLElement {
  return { dataset: {} } as HTMLElement;
}

afterEach(() => {
  vi.unstubAllGlobals();
  firefoxPanels.listeners = [];
});

describe("panelTheme", () => {
  it("maps both browsers' names", () => {
    expect(panelTheme("dark")).toBe("dark");
    expect(panelTheme("light")).toBe("light");
    expect(panelTheme("default")).toBe("light");
  });
});

describe("devtoolsBrowser", () => {
  it("tells Firefox by its moz-extension scheme", () => {
    expect(devtoolsBrowser("moz-extension:")).toBe("firefox");
    expect(devtoolsBrowser("chrome-extension:")).toBe("chromium");
  });
});

describe("followDevtoolsTheme in Firefox", () => {
  it("applies the current theme and Firefox's colors", () => {
    vi.stubGlobal("location", { protocol: "moz-extension:" });
    const root = fakeRoot();
    followDevtoolsTheme(root);
    expect(root.dataset.theme).toBe("dark");
    expect(root.dataset.devtools).toBe("firefox");
  });

  it("follows onThemeChanged", () => {
    vi.stubGlobal("location", { protocol: "moz-extension:" });
    const root = fakeRoot();
    followDevtoolsTheme(root);
    expect(firefoxPanels.listeners).toHaveLength(1);
    for (const listener of firefoxPanels.listeners) listener("light");
    expect(root.dataset.theme).toBe("light");
  });
});
