import { defineConfig } from "vite";
import react from "@vitejs/plugin-react";

// The C++ server serves dist/ and the API from one origin; in development the
// Vite server forwards API calls to a locally running `kwartiermaker serve`.
export default defineConfig({
  plugins: [react()],
  build: {
    outDir: "dist",
    emptyOutDir: true,
    sourcemap: false,
    // ECharts is one lazily loaded chunk of ~510 kB; splitting it further buys nothing.
    chunkSizeWarningLimit: 600,
  },
  server: {
    port: 5173,
    proxy: {
      "/api": { target: "http://127.0.0.1:8080", changeOrigin: false },
    },
  },
});
