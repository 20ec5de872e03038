import react from "@vitejs/plugin-react";
import { defineConfig } from "vite";

/** The server `npm run dev:console` sends API calls to. */
const apiServer = process.env.PARLEY_URL ?? "http://localhost:3000";

export default defineConfig({
  base: "/console/",
  plugins: [react()],
  build: { outDir: "dist", emptyOutDir: true, chunkSizeWarningLimit: 1500 },
  server: {
    port: 5173,
    proxy: { "/v1": { target: apiServer, ws: true }, "/widget.js": apiServer },
  },
});
