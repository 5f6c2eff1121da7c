import { defineConfig } from "vite";

/**
 * Builds the `cors-lens` command line into one ES module for Node 20, with every
 * dependency bundled, so the installed bin runs without a TypeScript loader:
 * `vite build -c vite.cli.config.ts` writes dist/cli/cors-lens.js.
 */
export default defineConfig({
  // The extension's icons are not part of the command line.
  publicDir: false,
  build: {
    ssr: "src/cli/cors-lens.ts",
    outDir: "dist/cli",
    emptyOutDir: true,
    target: "node20",
    minify: false,
    rollupOptions: {
      output: {
        format: "es",
        entryFileNames: "cors-lens.js",
        banner: "#!/usr/bin/env node",
      },
    },
  },
  ssr: { noExternal: true },
});
