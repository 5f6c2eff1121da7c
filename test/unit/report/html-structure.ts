import { parse, type DefaultTreeAdapterMap } from "parse5";

export type Element = DefaultTreeAdapterMap["element"];
type Node = DefaultTreeAdapterMap["node"];

/** Parses an HTML document the way browsers do (parse5 implements the HTML standard). */
export function parseHtml(html: string): Element[] {
  const document = parse(html);
  const elements: Element[] = [];
  const visit = (node: Node): void => {
    if ("tagName" in node) elements.push(node);
    if ("childNodes" in node) node.childNodes.forEach(visit);
    // <template> keeps its children in a separate fragment.
    if ("content" in node) node.content.childNodes.forEach(visit);
  };
  visit(document);
  return elements;
}

export function attribute(element: Element, name: string): string | null {
  return element.attrs.find((attr) => attr.name === name)?.value ?? null;
}

/** Returns the text of an element and its descendants, as `textContent` gives it. */
export function textOf(node: Node): string {
  if (node.nodeName === "#text" && "value" in node) return node.value;
  if (!("childNodes" in node)) return "";
  return node.childNodes.map(textOf).join("");
}

export function byTag(elements: readonly Element[], tag: string): Element[] {
  return elements.filter((element) => element.tagName === tag);
}

/** Returns the cells of each row of a table, as text. */
export function tableRows(table: Element): string[][] {
  return parseRows(table).map((row) =>
    row.childNodes
      .filter(
        (cell): cell is Element =>
          "tagName" in cell && (cell.tagName === "td" || cell.tagName === "th"),
      )
      .map((cell) => textOf(cell)),
  );
}

function parseRows(table: Element): Element[] {
  const rows: Element[] = [];
  const visit = (node: Node): void => {
    if ("tagName" in node && node.tagName === "tr") rows.push(node);
    else if ("childNodes" in node) node.childNodes.forEach(visit);
  };
  visit(table);
  return rows;
}

/** Returns the value, or fails the test when it is missing. */
export function present<T>(value: T | undefined | null): T {
  if (value === undefined || value === null) {
    throw new Error("Expected a value, found none.");
  }
  return value;
}
