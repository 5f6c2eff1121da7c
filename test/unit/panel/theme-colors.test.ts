import { readFileSync, readdirSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";

const PANEL_FOLDER = "src/panel";
const THEME_CSS = join(PANEL_FOLDER, "theme.css");

/** Colors that text takes, each required to reach 4.5:1 on every background. */
const TEXT_COLORS = ["text", "text-muted", "blocked", "allowed", "warning"];

const BACKGROUNDS = [
  "background",
  "background-alt",
  "toolbar",
  "selected",
  "blocked-background",
  "allowed-background",
  "warning-background",
  "code-background",
];

/** Surfaces a focused control or row sits on: rows, striped rows, toolbars. */
const FOCUS_SURFACES = ["background", "background-alt", "toolbar", "selected"];

/** Surfaces buttons and fields sit on. */
const CONTROL_SURFACES = ["background", "background-alt", "toolbar"];

type Palette = ReadonlyMap<string, { light: string; dark: string }>;

function withoutComments(css: string): string {
  return css.replace(/\/\*[\s\S]*?\*\//g, "");
}

/** Reads the `--name: light-dark(#light, #dark)` declarations of one rule. */
function paletteOf(css: string, selector: string): Palette {
  const start = css.indexOf(`${selector} {`);
  if (start === -1) throw new Error(`theme.css has no rule for ${selector}`);
  const body = css.slice(start, css.indexOf("}", start));
  const palette = new Map<string, { light: string; dark: string }>();
  const declaration =
    /--([a-z-]+):\s*light-dark\((#[0-9a-f]{6}),\s*(#[0-9a-f]{6})\)/gi;
  for (const [, name, light, dark] of body.matchAll(declaration)) {
    if (name !== undefined && light !== undefined && dark !== undefined) {
      palette.set(name, { light, dark });
    }
  }
  return palette;
}

/** Relative luminance, WCAG 2.2 definition. */
function luminance(hex: string): number {
  const [red, green, blue] = [1, 3, 5].map((offset) => {
    const channel = parseInt(hex.slice(offset, offset + 2), 16) / 255;
    return channel <= 0.04045
      ? channel / 12.92
      : ((channel + 0.055) / 1.055) ** 2.4;
  });
  return 0.2126 * (red ?? 0) + 0.7152 * (green ?? 0) + 0.0722 * (blue ?? 0);
}

function contrast(first: string, second: string): number {
  const [lighter, darker] = [luminance(first), luminance(second)].sort(
    (a, b) => b - a,
  );
  return ((lighter ?? 0) + 0.05) / ((darker ?? 0) + 0.05);
}

const themeCss = withoutComments(readFileSync(THEME_CSS, "utf8"));
const chromiumPalette = paletteOf(themeCss, ":root");
const firefoxPalette = paletteOf(themeCss, ':root[data-devtools="firefox"]');

const PALETTES = [
  { browser: "Chromium", palette: chromiumPalette },
  { browser: "Firefox", palette: firefoxPalette },
];
const SCHEMES = ["light", "dark"] as const;

function color(palette: Palette, name: string, scheme: "light" | "dark") {
  const value = palette.get(name)?.[scheme];
  if (value === undefined) throw new Error(`No --${name} in the palette`);
  return value;
}

describe("theme.css palettes", () => {
  it("gives Firefox every variable Chromium has", () => {
    expect([...firefoxPalette.keys()].sort()).toEqual(
      [...chromiumPalette.keys()].sort(),
    );
  });

  describe.each(PALETTES)("$browser", ({ palette }) => {
    describe.each(SCHEMES)("%s", (scheme) => {
      it.each(TEXT_COLORS)("keeps %s readable on every background", (text) => {
        for (const background of BACKGROUNDS) {
          const ratio = contrast(
            color(palette, text, scheme),
            color(palette, background, scheme),
          );
          expect(ratio, `--${text} on --${background}`).toBeGreaterThanOrEqual(
            4.5,
          );
        }
      });

      it("keeps the focus ring visible", () => {
        for (const surface of FOCUS_SURFACES) {
          const ratio = contrast(
            color(palette, "focus", scheme),
            color(palette, surface, scheme),
          );
          expect(ratio, `--focus next to --${surface}`).toBeGreaterThanOrEqual(
            3,
          );
        }
      });

      it("keeps control borders visible", () => {
        for (const surface of CONTROL_SURFACES) {
          const ratio = contrast(
            color(palette, "control-border", scheme),
            color(palette, surface, scheme),
          );
          expect(
            ratio,
            `--control-border next to --${surface}`,
          ).toBeGreaterThanOrEqual(3);
        }
      });
    });
  });
});

/** Color notations that would bypass the theme: hex, functions, common names. */
const COLOR_LITERAL =
  /#[0-9a-f]{3,8}\b|\b(?:rgba?|hsla?|hwb|lab|lch|oklab|oklch|color)\(|\b(?:white|black|red|green|blue|gray|grey|yellow|orange|silver)\b/i;

describe("panel CSS", () => {
  const files = readdirSync(PANEL_FOLDER)
    .filter((name) => name.endsWith(".css") && name !== "theme.css")
    .map((name) => join(PANEL_FOLDER, name));

  it("has style sheets to check", () => {
    expect(files).toContain(join(PANEL_FOLDER, "panel.css"));
  });

  it.each(files)("takes every color of %s from theme.css", (file) => {
    const css = withoutComments(readFileSync(file, "utf8"));
    const declaration = /([a-z-]+)\s*:\s*([^;{}]+)(?=[;}])/gi;
    for (const [, property, value] of css.matchAll(declaration)) {
      expect(value ?? "", `${file}: ${property}`).not.toMatch(COLOR_LITERAL);
    }
  });
});
