import { crx, type ManifestV3Export } from "@crxjs/vite-plugin";
import { defineConfig } from "vite";
import manifest from "./manifest.json" with { type: "json" };

const target = process.env.TARGET === "firefox" ? "firefox" : "chrome";

export default defineConfig({
  plugins: [crx({ manifest: manifest as ManifestV3Export, browser: target })],
  oxc: {
    jsx: { runtime: "automatic", importSource: "preact" },
  },
  build: {
    outDir: `dist/${target}`,
    emptyOutDir: true,
    target: "es2022",
    // Pages the manifest does not name are only emitted when listed here.
    rollupOptions: {
      input: { panel: "src/panel/panel.html" },
    },
  },
  server: { host: "127.0.0.1" },
});
