import { createTheme } from "@mantine/core";

/**
 * One light theme. Indigo keeps text and controls above WCAG AA contrast on white; focus rings
 * always show, since admins move through the editor by keyboard.
 */
export const theme = createTheme({
  primaryColor: "indigo",
  defaultRadius: "md",
  focusRing: "always",
  fontFamily:
    "system-ui, -apple-system, 'Segoe UI', Roboto, 'Helvetica Neue', Arial, 'Noto Sans', sans-serif",
  headings: { fontWeight: "650" },
});
