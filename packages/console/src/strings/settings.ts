/** Assistant Settings (spec 10, 11, 08): the labels are the spec's words. */
export const settingsStrings = {
  page: {
    title: "Assistant Settings",
    sectionsLabel: "Assistant Settings sections",
    saveHint: "Changes here are part of the draft: select Save Draft to keep them.",
  },
  sections: {
    general: "General",
    volumeControl: "Volume Control",
    behavior: "Behavior",
    intents: "Intents",
  },
  general: {
    internalName: "Internal Name",
    internalNameHint: "Required. The name listed for the assistant on the Customer Assist page.",
    description: "Description",
    descriptionHint: "Optional. A brief description of the assistant for your team.",
    publicName: "Public Name",
    publicNameHint: "Recommended. The name customers see for the assistant in the chat widget.",
    defaultLanguage: "Default language",
    defaultLanguageHint: "The language the assistant uses when the customer's language is not known.",
    languages: { en: "English", es: "Spanish", pt: "Portuguese" } as Record<string, string>,
    otherLanguage: (tag: string) => `${tag} (set outside the console)`,
    channelAndType: "Channel and type",
    channelAndTypeHint: "Set when the assistant was created. Duplicate it to change its type.",
    aiProfile: "AI profile",
    aiProfileHint: "The custom instructions AI responses use when they do not name a profile of their own.",
    aiProfileNone: "The organization's default",
    aiProfileMissing: (id: string) => `${id} (no longer exists)`,
  },
  volumeControl: {
    intro:
      "Automate how the assistant responds when a customer stops answering and when no agent answers in time.",
    minutes: "minutes",
    seconds: "seconds",
    reminder: {
      title: "Inactive customer reminder",
      description:
        "Prompt the customer to respond if they have not answered the assistant's last message in time. After the reminder, the assistant sends its last message again.",
      after: "Remind customer to respond after",
      afterHint:
        "The time (in minutes) a customer is inactive before the reminder is sent. The default is 5 minutes.",
      message: "Reminder message",
      messageHint: 'For example, "Are you there?"',
      voiceReprompts: "Prompts before transfer",
      voiceRepromptsHint:
        "On a voice call the prompt repeats every 10 seconds; after this many, the call goes to an agent.",
    },
    abandon: {
      title: "Customer abandoned conversation",
      description:
        "Automatically end the conversation if a customer has not responded after a set time. Turn this on to keep abandoned conversations from reaching agents.",
      after: "Abandon conversation after",
      afterHint:
        "The time (in minutes) to wait for a customer response before the assistant ends the conversation. The default is 10 minutes.",
      afterReminder: (minutes: number) =>
        `Must be longer than the inactive customer reminder (${minutes} ${minutes === 1 ? "minute" : "minutes"}).`,
      message: "Abandon conversation message",
      messageHint: `For example, "This conversation has ended because you've been inactive for 10 minutes".`,
      action: "Then",
      transfer: "Transfer to an agent",
      markDone: "Mark conversation done",
    },
    agentMissed: {
      title: "Agent missed conversation",
      description:
        "Offer the customer another way to be followed up if no agent has been assigned or answered in time. This does not apply once an agent has answered.",
      after: "Missed conversation after",
      afterHint:
        "The time (in minutes) to wait for an agent to be assigned or to respond. The default is 10 minutes.",
      message: "Missed conversation message",
      messageHint:
        'For example, "Sorry, it looks like no one has become available in the expected time. Please select an alternate contact method so we can follow up with you."',
      followUpChannels: "Configure missed conversations follow-up channels",
      followUpChannelsHint: "The options the customer can choose after the missed conversation message.",
      channels: {
        email: "Email channel",
        phone: "Phone channel",
        sms: "SMS/Text Message channel",
        whatsapp: "WhatsApp channel",
        wait: "I'll wait",
      } as Record<string, string>,
      markDone: "Mark conversation done if a channel isn't selected",
      markDoneAfter: "Mark conversation done if a channel isn't selected after",
      markDoneAfterHint: "The time (in seconds) the customer has to choose. The default is 30 seconds.",
    },
    unavailable: (title: string) => `${title} is not available for this assistant`,
    unavailableBody:
      "This setting is on in the definition, but this assistant's channel or type cannot use it. Turn it off to publish.",
    turnOff: "Turn it off",
    noneAvailable: "No volume control settings are available for this assistant's channel.",
  },
  behavior: {
    noIntentMatch: "When no intent is detected",
    noIntentMatchHint: "What happens when a customer's reply matches no intent. Only available for WhatsApp.",
    continue: "Continue to the next interaction in the dialog",
    redirect: "Redirect the customer to another dialog",
    dialog: "Dialog",
    chooseDialog: "Choose a dialog",
  },
  intents: {
    intro:
      "When an interaction that understands intents detects one of these intents, the customer is redirected to its dialog.",
    intent: "Intent",
    dialog: "Redirect to dialog",
    chooseIntent: "Choose an intent",
    chooseDialog: "Choose a dialog",
    predefined: "Predefined intents",
    custom: "Custom intents",
    unknownIntent: (name: string) => `${name} (not found)`,
    add: "Add intent",
    remove: (position: number) => `Remove intent ${position}`,
    empty: "No intents are mapped to dialogs yet.",
    loadFailed: "The intents could not be loaded.",
    unavailableTitle: "Intents need a Premium assistant",
    unavailableBody:
      "This Lite assistant has intent mappings, which it cannot use. Remove them to publish, or duplicate it as Premium.",
    removeAll: "Remove the intent mappings",
    rowLabel: (position: number) => `Intent ${position}`,
  },
};
