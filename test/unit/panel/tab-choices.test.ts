import { describe, expect, it } from "vitest";
import { tabChoices, type OpenTab } from "../../../src/panel/tab-choices";

const PAGE = { origin: "chrome-extension://abcdef", tabId: 9 };

function tab(fields: Partial<OpenTab> & { id?: number }): OpenTab {
  return { index: 0, windowId: 1, ...fields };
}

describe("tabChoices", () => {
  it("orders tabs by window, then by position", () => {
    const choices = tabChoices(
      [
        tab({ id: 4, windowId: 2, index: 0, url: "https://d.test/" }),
        tab({ id: 3, windowId: 1, index: 1, url: "https://c.test/" }),
        tab({ id: 1, windowId: 1, index: 0, url: "https://a.test/" }),
      ],
      PAGE,
    );
    expect(choices.map((choice) => choice.tabId)).toEqual([1, 3, 4]);
  });

  it("keeps the title and address", () => {
    const [choice] = tabChoices(
      [tab({ id: 1, title: "Shop", url: "https://shop.test/cart" })],
      PAGE,
    );
    expect(choice).toEqual({
      tabId: 1,
      title: "Shop",
      url: "https://shop.test/cart",
    });
  });

  it("leaves out the picker's own tab", () => {
    const choices = tabChoices(
      [tab({ id: 9 }), tab({ id: 1, url: "https://a.test/" })],
      PAGE,
    );
    expect(choices.map((choice) => choice.tabId)).toEqual([1]);
  });

  it("leaves out the extension's own pages", () => {
    const choices = tabChoices(
      [
        tab({
          id: 2,
          url: "chrome-extension://abcdef/src/panel/panel.html?tabId=1",
        }),
        tab({ id: 3, url: "chrome-extension://abcdefgh/page.html" }),
      ],
      PAGE,
    );
    expect(choices.map((choice) => choice.tabId)).toEqual([3]);
  });

  it("keeps a tab whose title and address are hidden", () => {
    const [choice] = tabChoices([tab({ id: 5 })], PAGE);
    expect(choice).toEqual({ tabId: 5, title: null, url: null });
  });

  it("treats an empty title as missing", () => {
    const [choice] = tabChoices(
      [tab({ id: 5, title: "", url: "https://a.test/" })],
      PAGE,
    );
    expect(choice?.title).toBeNull();
  });

  it("skips tabs without an id", () => {
    expect(tabChoices([tab({ url: "https://a.test/" })], PAGE)).toEqual([]);
  });

  it("keeps every tab when the picker's own tab is unknown", () => {
    const choices = tabChoices([tab({ id: 9 })], { ...PAGE, tabId: undefined });
    expect(choices.map((choice) => choice.tabId)).toEqual([9]);
  });
});
