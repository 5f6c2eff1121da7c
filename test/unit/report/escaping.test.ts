import { describe, expect, it } from "vitest";
import { escapeHtml, markup, SafeHtml } from "../../../src/report/escape-html";
import { escapeMarkdown } from "../../../src/report/escape-markdown";
import { unescapeMarkdown } from "./markdown-structure";

describe("escapeHtml", () => {
  it.each([
    ["<script>", "&lt;script&gt;"],
    ["a & b", "a &amp; b"],
    ['"double"', "&quot;double&quot;"],
    ["'single'", "&#39;single&#39;"],
    ["&amp;", "&amp;amp;"],
    ["plain text", "plain text"],
    ["", ""],
  ])("escapes %j", (text, expected) => {
    expect(escapeHtml(text)).toBe(expected);
  });
});

describe("markup template", () => {
  it("escapes every interpolated string and number", () => {
    const value = '<b title="x">';

    expect(markup`<p>${value} ${3}</p>`.html).toBe(
      "<p>&lt;b title=&quot;x&quot;&gt; 3</p>",
    );
  });

  it("escapes inside attribute values", () => {
    const value = '" onload="alert(1)';

    expect(markup`<td class="${value}">`.html).toBe(
      '<td class="&quot; onload=&quot;alert(1)">',
    );
  });

  it("keeps nested templates and joins lists", () => {
    const items = ["<a>", "<b>"].map((item) => markup`<li>${item}</li>`);

    expect(markup`<ul>${items}</ul>`.html).toBe(
      "<ul><li>&lt;a&gt;</li><li>&lt;b&gt;</li></ul>",
    );
  });

  it("writes nothing for null", () => {
    expect(markup`<p>${null}</p>`.html).toBe("<p></p>");
  });

  it("keeps SafeHtml as written", () => {
    expect(markup`${new SafeHtml("<br>")}`.html).toBe("<br>");
  });
});

describe("escapeMarkdown", () => {
  it.each([
    ["a|b", "a\\|b"],
    ["`code`", "\\`code\\`"],
    ["<b>&amp;", "\\<b\\>\\&amp;"],
    ["*em* _em_ ~s~", "\\*em\\* \\_em\\_ \\~s\\~"],
    ["[x](y)", "\\[x\\](y)"],
    ["# title", "\\# title"],
    ["back\\slash", "back\\\\slash"],
    ["two\nlines\r\n", "two lines "],
    ["https://a.test/a-b?c=d", "https://a.test/a-b?c=d"],
  ])("escapes %j", (text, expected) => {
    expect(escapeMarkdown(text)).toBe(expected);
  });

  it("renders back to the original text", () => {
    const text = "|`<>&*_[]#~\\ plain-text, 1.5 + (x)!";

    expect(unescapeMarkdown(escapeMarkdown(text))).toBe(text);
  });
});
