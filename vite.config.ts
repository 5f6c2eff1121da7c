import { crx, type ManifestV3Export } from "@crxjs/vite-plugin";
import { defineConfig } from "vite";
import manifest from "./manifest.json" with { type: "json" };
import firefoxManifest from "./manifest.firefox.json" with { type: "json" };

/**
 * The builds that `vite build --mode <target>` writes to `dist/<target>`. `firefox-test`
 * is the Firefox build plus a test hook, for the end-to-end tests only. No package
 * contains it.
 */
const TARGETS = ["chrome", "firefox", "firefox-test"] as const;
type Target = (typeof TARGETS)[number];

const TEST_HOOK = "test/support/firefox-test-hook";

function targetOf(mode: string): Target {
  // `vite build` without --mode runs in "production": the Chrome build.
  if (mode === "production") return "chrome";
  const target = TARGETS.find((name) => name === mode);
  if (target === undefined) {
    throw new Error(
      `Unknown build mode "${mode}": expected one of ${TARGETS.join(", ")}.`,
    );
  }
  return target;
}

/**
 * Returns the manifest of a target. Firefox reads `background.scripts`, ignores
 * `service_worker` and needs an add-on id, so manifest.firefox.json replaces those
 * keys.
 */
function manifestFor(target: Target): ManifestV3Export {
  if (target === "chrome") return manifest as ManifestV3Export;
  const firefox = { ...manifest, ...firefoxManifest };
  if (target === "firefox") return firefox as ManifestV3Export;
  return {
    ...firefox,
    background: {
      ...firefox.background,
      scripts: [`${TEST_HOOK}/background.ts`],
    },
  } as ManifestV3Export;
}

export default defineConfig(({ mode }) => {
  const target = targetOf(mode);
  const pages: Record<string, string> = { panel: "src/panel/panel.html" };
  if (target === "firefox-test") pages["test-hook"] = `${TEST_HOOK}/hook.html`;
  return {
    plugins: [
      crx({
        manifest: manifestFor(target),
        browser: target === "chrome" ? "chrome" : "firefox",
      }),
    ],
    oxc: {
      jsx: { runtime: "automatic", importSource: "preact" },
    },
    build: {
      outDir: `dist/${target}`,
      emptyOutDir: true,
      target: "es2022",
      // Pages the manifest does not name are only emitted when listed here.
      rollupOptions: { input: pages },
    },
    server: { host: "127.0.0.1" },
  };
});
