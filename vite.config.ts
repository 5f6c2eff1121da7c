import { crx, type ManifestV3Export } from "@crxjs/vite-plugin";
import { defineConfig } from "vite";
import manifest from "./manifest.json" with { type: "json" };
import firefoxManifest from "./manifest.firefox.json" with { type: "json" };

/**
 * The builds that `vite build --mode <target>` writes to `dist/<target>`. `chrome-test`
 * is the Chrome build with webRequest and host access granted at install, and
 * `firefox-test` the Firefox build plus a test hook, for the end-to-end tests only. No
 * package contains either.
 */
const TARGETS = ["chrome", "chrome-test", "firefox", "firefox-test"] as const;
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
 * keys. It also requests webRequest at install, because Firefox has no other capture.
 */
function manifestFor(target: Target): ManifestV3Export {
  if (target === "chrome") return manifest as ManifestV3Export;
  if (target === "chrome-test") {
    const {
      optional_permissions: optionalPermissions,
      optional_host_permissions: optionalHosts,
      ...required
    } = manifest;
    return {
      ...required,
      permissions: [...manifest.permissions, ...optionalPermissions],
      host_permissions: optionalHosts,
    } as ManifestV3Export;
  }
  const shared: Partial<typeof manifest> = { ...manifest };
  delete shared.optional_permissions;
  delete shared.optional_host_permissions;
  const firefox = { ...shared, ...firefoxManifest };
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
        browser: target.startsWith("chrome") ? "chrome" : "firefox",
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
