import { afterEach, describe, expect, it, vi } from "vitest";

type ThemeListener = (themeName: string) => void;

/** A stand-in for `browser.devtools.panels` in Firefox, which has onThemeChanged. */
const firefoxPanels = {
  themeName: "dark",
  listeners: [] as ThemeListener[],
  onThemeChanged: {
    addListener(listener: ThemeListener) {
      firefoxPanels.listeners.push(listener);
    },
  },
};

/** `browser.devtools.panels` in Chromium, through the polyfill: no onThemeChanged. */
const chromiumPanels = { themeName: "default" };

/** The polyfill's `browser`; `devtools` is undefined outside DevTools. */
const fakeBrowser: { devtools?: { panels: object } } = {};

vi.mock("webextension-polyfill", () => ({ default: fakeBrowser }));

const { devtoolsBrowser, followDevtoolsTheme, panelTheme } =
  await import("../../../src/panel/devtools-theme");

function fakeRoot(): HTMLElement {
  return { dataset: {} } as HTMLElement;
}

afterEach(() => {
  vi.unstubAllGlobals();
  firefoxPanels.listeners = [];
  delete fakeBrowser.devtools;
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
    fakeBrowser.devtools = { panels: firefoxPanels };
    vi.stubGlobal("location", { protocol: "moz-extension:" });
    const root = fakeRoot();
    followDevtoolsTheme(root);
    expect(root.dataset.theme).toBe("dark");
    expect(root.dataset.devtools).toBe("firefox");
  });

  it("follows onThemeChanged", () => {
    fakeBrowser.devtools = { panels: firefoxPanels };
    vi.stubGlobal("location", { protocol: "moz-extension:" });
    const root = fakeRoot();
    followDevtoolsTheme(root);
    expect(firefoxPanels.listeners).toHaveLength(1);
    for (const listener of firefoxPanels.listeners) listener("light");
    expect(root.dataset.theme).toBe("light");
  });
});

describe("followDevtoolsTheme in Chromium", () => {
  it("maps default to light and follows setThemeChangeHandler", () => {
    fakeBrowser.devtools = { panels: chromiumPanels };
    vi.stubGlobal("location", { protocol: "chrome-extension:" });
    const handlers: ThemeListener[] = [];
    vi.stubGlobal("chrome", {
      devtools: {
        panels: {
          setThemeChangeHandler: (handler: ThemeListener) =>
            handlers.push(handler),
        },
      },
    });
    const root = fakeRoot();
    followDevtoolsTheme(root);
    expect(root.dataset.theme).toBe("light");
    expect(root.dataset.devtools).toBe("chromium");
    expect(handlers).toHaveLength(1);
    for (const handler of handlers) handler("dark");
    expect(root.dataset.theme).toBe("dark");
  });
});

describe("followDevtoolsTheme in a detached view", () => {
  it("sets the browser's palette but no theme", () => {
    vi.stubGlobal("location", { protocol: "moz-extension:" });
    const root = fakeRoot();
    followDevtoolsTheme(root);
    expect(root.dataset.devtools).toBe("firefox");
    expect(root.dataset.theme).toBeUndefined();
  });
});
