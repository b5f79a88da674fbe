/// <reference types="vitest" />
import react from "@vitejs/plugin-react";
import { defineConfig } from "vite";

// VITE_API_URL is fixed at build time: empty (same origin, served by the gateway) or the gateway's
// address for a static deployment on another origin (`make web-static API_URL=...`).
export default defineConfig({
  plugins: [react()],
  build: {
    outDir: process.env.WEBAPP_OUT_DIR || "dist",
    emptyOutDir: true,
    sourcemap: false,
    // Hashed file names under /assets/: the gateway caches them for a year, index.html never.
    assetsDir: "assets",
  },
  server: { proxy: { "/api": "http://127.0.0.1:8000" } },
  test: {
    environment: "jsdom",
    globals: true,
    setupFiles: ["src/testing/setup.ts"],
    include: ["src/**/*.test.{ts,tsx}"],
  },
});
