import { describe, expect, it } from "vitest";
import { requestCountText } from "../../../src/panel/toolbar";

describe("requestCountText", () => {
  it("counts requests without a filter", () => {
    expect(requestCountText(1)).toBe("1 request");
    expect(requestCountText(3)).toBe("3 requests");
  });

  it("shows the filtered count of the total", () => {
    expect(requestCountText(10, 4)).toBe("4 of 10 requests");
    expect(requestCountText(1, 0)).toBe("0 of 1 request");
  });
});
