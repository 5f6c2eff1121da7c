import js from "@eslint/js";
import globals from "globals";
import tseslint from "typescript-eslint";

/** Folders whose code must run anywhere: no browser, DOM or Node API. */
const pureFolders = [
  "src/model",
  "src/analyzer",
  "src/pairing",
  "src/report",
  "src/har",
];

/**
 * `URL` stays allowed: the pure code parses origins with it, and every runtime it targets
 * (extension pages, service workers, Node) provides the same WHATWG implementation.
 */
const allowedInPureCode = new Set(["URL"]);

const browserAndNodeGlobals = [
  ...new Set([
    ...Object.keys(globals.browser),
    ...Object.keys(globals.node),
    "chrome",
    "browser",
  ]),
].filter((name) => !(name in globals.es2021) && !allowedInPureCode.has(name));

export default tseslint.config(
  { ignores: ["dist/", "node_modules/", "test/fixtures/", "test-results/"] },
  js.configs.recommended,
  ...tseslint.configs.strict,
  {
    languageOptions: { globals: { ...globals.es2021 } },
    rules: {
      "no-console": ["error", { allow: ["warn", "error"] }],
      "@typescript-eslint/no-non-null-assertion": "error",
    },
  },
  {
    files: pureFolders.map((folder) => `${folder}/**/*.ts`),
    rules: {
      "no-restricted-globals": ["error", ...browserAndNodeGlobals],
      "no-restricted-imports": [
        "error",
        {
          patterns: [
            {
              group: [
                "node:*",
                "webextension-polyfill",
                "preact",
                "preact/*",
                "fs",
                "path",
                "http",
                "https",
                "url",
                "os",
                "child_process",
                "../background/*",
                "../panel/*",
                "../devtools/*",
                "../cli/*",
                "../lab/*",
              ],
              message:
                "Pure folders import only other pure folders: no browser, DOM or Node API.",
            },
          ],
        },
      ],
    },
  },
  {
    files: [
      "src/background/**/*.ts",
      "src/devtools/**/*.ts",
      "src/panel/**/*.{ts,tsx}",
    ],
    languageOptions: { globals: { ...globals.browser, chrome: "readonly" } },
  },
  {
    files: ["test/support/event-recorder/*.js"],
    languageOptions: {
      globals: { ...globals.serviceworker, chrome: "readonly" },
    },
  },
  {
    files: [
      "src/lab/**/*.ts",
      "src/cli/**/*.ts",
      "test/**/*.ts",
      "*.config.{js,ts}",
    ],
    languageOptions: { globals: { ...globals.node } },
    rules: { "no-console": "off" },
  },
);
