import "@mantine/core/styles.css";
import "@mantine/notifications/styles.css";
import "@xyflow/react/dist/style.css";
import { MantineProvider } from "@mantine/core";
import { ModalsProvider } from "@mantine/modals";
import { Notifications } from "@mantine/notifications";
import { QueryClient, QueryClientProvider } from "@tanstack/react-query";
import { StrictMode } from "react";
import { createRoot } from "react-dom/client";
import { RouterProvider } from "react-router";
import { ApiError, whenUnauthenticated } from "./api/client.ts";
import { router } from "./app.tsx";
import { signedInMemory } from "./session/session.ts";
import { theme } from "./theme.ts";

const queryClient = new QueryClient({
  defaultOptions: {
    queries: {
      // A 4xx will not change by asking again; a network blip might.
      retry: (failures, error) => failures < 2 && !(error instanceof ApiError && error.status >= 400),
      refetchOnWindowFocus: false,
    },
  },
});

// A session that expires mid-work sends the admin to sign in, then back where they were.
whenUnauthenticated(() => {
  const here = window.location.pathname.replace(/^\/console/, "") + window.location.search;
  if (here.startsWith("/sign-in")) return;
  queryClient.clear();
  void router.navigate(signedInMemory.signInPath(), { replace: true, state: { from: here } });
});

const root = document.getElementById("root");
if (!root) throw new Error("index.html has no #root");
createRoot(root).render(
  <StrictMode>
    <MantineProvider theme={theme} defaultColorScheme="light">
      <QueryClientProvider client={queryClient}>
        <ModalsProvider>
          {/* Bottom left, over the navigation: clear of every page's buttons. */}
          <Notifications position="bottom-left" containerWidth={300} />
          <RouterProvider router={router} />
        </ModalsProvider>
      </QueryClientProvider>
    </MantineProvider>
  </StrictMode>,
);
