export const editorStrings = {
  readOnly: {
    proLegacy:
      "Pro is the legacy assistant type: it keeps running, but it can no longer be edited. Duplicate it as Lite or Premium from the Customer Assist page to change it.",
    newerVersion:
      "This assistant was made by a newer version of Parley. It opens read-only so nothing is rewritten; update Parley to edit it.",
    unreadable:
      "This assistant's definition has content the console cannot show (it may have been edited by hand). It opens read-only so nothing is rewritten; fix it through the API or the CLI.",
  },
  page: {
    channels: {
      chat: "Chat",
      whatsapp: "WhatsApp",
      sms: "SMS",
      voice: "Voice",
      twilio_whatsapp: "WhatsApp (Twilio)",
      messagebird_whatsapp: "WhatsApp (MessageBird)",
    } as Record<string, string>,
    types: { lite: "Lite", premium: "Premium", pro: "Pro (legacy)" } as Record<string, string>,
    publishedVersion: (version: number) => `Published: version ${version}`,
    draftOnly: "Draft, not published",
    unsavedChanges: "Unsaved changes",
    readOnlyTitle: "Read-only",
    conflictTitle: "This draft was changed somewhere else",
    conflictBody:
      "Someone saved this draft after you opened it. Reload to see their version; your unsaved changes here are discarded.",
    reload: "Reload the draft",
    tabs: { dialogs: "Dialogs", flow: "Flow map", settings: "Assistant Settings", versions: "Versions" },
  },
  actions: {
    preview: "Preview",
    saveDraft: "Save Draft",
    saveAndPublish: "Save and Publish",
    createNewDraft: "Create New Draft",
    moreOptions: "More Options",
    latestVersion: "Latest Version",
    deleteAssistant: "Delete Assistant",
    saved: "Draft saved.",
    published: "Published. The new version is live.",
    newDraftCreated: "The draft now starts from the latest published version.",
    newDraftTitle: "Create a new draft?",
    newDraftBody:
      "The draft is replaced by a copy of the latest published version. Changes in the current draft that were never published are lost.",
    deleteTitle: "Delete this assistant?",
    deleteBody: (name: string) =>
      `"${name}" and all its versions are deleted. Rules that use it stop matching. This cannot be undone.`,
    deleted: (name: string) => `"${name}" was deleted.`,
  },
  problems: {
    errorsTitle: (count: number) => (count === 1 ? "1 problem to fix" : `${count} problems to fix`),
    warningsTitle: (count: number) => (count === 1 ? "1 warning" : `${count} warnings`),
    publishRefused: "The assistant cannot be published until these are fixed.",
    at: (pointer: string) => pointer,
  },
};
