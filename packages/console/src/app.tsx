import { createBrowserRouter, Navigate } from "react-router";
import { AssistantsTab } from "./customer-assist/assistants-tab.tsx";
import { CustomerAssistPage } from "./customer-assist/customer-assist-page.tsx";
import { DialogsWorkspace } from "./editor/dialogs-workspace.tsx";
import { EditorPage, FirstDialogRedirect } from "./editor/editor-page.tsx";
import { FlowMapPage } from "./flow-map/flow-map-page.tsx";
import { ConsoleLayout } from "./layout/console-layout.tsx";
import { NotFoundPage } from "./layout/not-found-page.tsx";
import { PreviewPage } from "./preview/preview-page.tsx";
import { RulesTab } from "./rules/rules-tab.tsx";
import { SignInPage } from "./session/sign-in-page.tsx";
import { AssistantSettingsPage } from "./settings/assistant-settings-page.tsx";
import { VersionsPage } from "./versions/versions-page.tsx";

/** Every page of the console, under /console (the server serves index.html for all of them). */
export const router = createBrowserRouter(
  [
    { path: "/sign-in", element: <SignInPage /> },
    {
      element: <ConsoleLayout />,
      children: [
        { index: true, element: <Navigate to="/customer-assist" replace /> },
        {
          path: "customer-assist",
          element: <CustomerAssistPage />,
          children: [
            { index: true, element: <AssistantsTab /> },
            { path: "rules", element: <RulesTab /> },
          ],
        },
        {
          path: "assistants/:assistantId",
          element: <EditorPage />,
          children: [
            { index: true, element: <FirstDialogRedirect /> },
            { path: "dialogs/:dialogId", element: <DialogsWorkspace /> },
            { path: "settings", element: <AssistantSettingsPage /> },
            { path: "versions", element: <VersionsPage /> },
            { path: "flow", element: <FlowMapPage /> },
          ],
        },
        { path: "assistants/:assistantId/preview", element: <PreviewPage /> },
        { path: "*", element: <NotFoundPage /> },
      ],
    },
  ],
  { basename: "/console" },
);
