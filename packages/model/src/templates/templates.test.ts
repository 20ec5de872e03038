import { describe, expect, it } from "vitest";
import { Assistant } from "../assistant.ts";
import { type AssistantType, type Channel, channels } from "../channels.ts";
import { completeAssistantDialogName, welcomeDialogName } from "../dialog.ts";
import type { EndInteraction, Interaction } from "../interaction.ts";
import { isInteractionAvailable } from "../interactions/registry.ts";
import { findPlaceholders, isKnownTemplateRoot } from "../text-template.ts";
import { validateAssistant } from "../validation/index.ts";
import {
  type AssistantTemplateName,
  assistantTemplateNames,
  createAssistantFromTemplate,
  createDefaultAssistant,
  type TemplateLanguage,
  TemplateOptionError,
  templateLanguages,
} from "./index.ts";

const creatableTypes: readonly AssistantType[] = ["lite", "premium"];

interface Combination {
  template: AssistantTemplateName;
  channel: Channel;
  type: AssistantType;
  language: TemplateLanguage;
}

function isSupported({ template, channel, type }: Omit<Combination, "language">): boolean {
  if (channel === "voice" && type !== "lite") return false;
  if (template === "respond-with-ai")
    return (channel === "chat" || channel === "whatsapp") && type === "premium";
  return true;
}

const combinations: Combination[] = assistantTemplateNames.flatMap((template) =>
  channels.flatMap((channel) =>
    creatableTypes.flatMap((type) =>
      templateLanguages.map((language) => ({ template, channel, type, language })),
    ),
  ),
);
const supported = combinations.filter(isSupported);
const unsupported = combinations.filter((combination) => !isSupported(combination));

function build({ template, channel, type, language }: Combination): Assistant {
  return createAssistantFromTemplate(template, { channel, type, language });
}

/** Every interaction of an assistant, nested paths included, with the dialog that holds it. */
function everyInteraction(assistant: Assistant): Array<Interaction | EndInteraction> {
  const found: Array<Interaction | EndInteraction> = [];
  const visit = (interactions: Interaction[]) => {
    for (const interaction of interactions) {
      found.push(interaction);
      if (interaction.kind === "conditional_branch") {
        for (const branch of interaction.branches) visit(branch.interactions);
        if (interaction.otherwise) visit(interaction.otherwise.interactions);
      }
      if (interaction.kind === "business_schedule") {
        visit(interaction.duringHours.interactions);
        visit(interaction.outsideHours.interactions);
      }
    }
  };
  for (const dialog of assistant.dialogs) {
    visit(dialog.interactions);
    if (dialog.end) found.push(dialog.end);
  }
  return found;
}

/** Every dialog id the assistant refers to, wherever it is. */
function dialogReferences(assistant: Assistant): string[] {
  const references: string[] = [];
  for (const interaction of everyInteraction(assistant)) {
    switch (interaction.kind) {
      case "redirect":
        references.push(interaction.dialogId);
        break;
      case "ai_response":
        references.push(...Object.values(interaction.redirects));
        break;
      case "collect_customer_input":
        references.push(...interaction.options.map((option) => option.dialogId));
        break;
      case "conditional_branch":
        for (const path of [...interaction.branches, interaction.otherwise]) {
          if (path?.redirectTo) references.push(path.redirectTo);
        }
        break;
      default:
        break;
    }
  }
  return references;
}

/** Every text a customer reads or hears. */
function customerTexts(assistant: Assistant): string[] {
  const texts: string[] = [];
  for (const interaction of everyInteraction(assistant)) {
    for (const key of ["text", "prompt", "message", "feedbackPrompt", "handoverMessage"] as const) {
      const value = (interaction as Partial<Record<typeof key, unknown>>)[key];
      if (typeof value === "string") texts.push(value);
    }
  }
  const volumeControl = assistant.settings.volumeControl;
  texts.push(
    volumeControl.reminder.message,
    volumeControl.abandon.message,
    volumeControl.agentMissed.message,
  );
  return texts;
}

const label = (combination: Combination) =>
  `${combination.template} ${combination.channel} ${combination.type} ${combination.language}`;

describe("assistant templates", () => {
  it.each(supported.map((combination) => [label(combination), combination] as const))(
    "%s is a well-formed assistant",
    (_label, combination) => {
      const assistant = build(combination);
      expect(Assistant.parse(JSON.parse(JSON.stringify(assistant)))).toEqual(assistant);
      expect(assistant.channel).toBe(combination.channel);
      expect(assistant.type).toBe(combination.type);
      expect(assistant.defaultLanguage).toBe(combination.language);
      expect(assistant.dialogs[0]?.name).toBe(welcomeDialogName);
      expect(assistant.dialogs.map((dialog) => dialog.name)).toContain(completeAssistantDialogName);

      for (const interaction of everyInteraction(assistant)) {
        expect(
          isInteractionAvailable(interaction.kind, assistant.channel, assistant.type),
          `${interaction.id} (${interaction.kind})`,
        ).toBe(true);
      }

      const dialogIds = assistant.dialogs.map((dialog) => dialog.id);
      expect(new Set(dialogIds).size).toBe(dialogIds.length);
      for (const reference of dialogReferences(assistant)) expect(dialogIds).toContain(reference);
      const interactionIds = everyInteraction(assistant).map((interaction) => interaction.id);
      expect(new Set(interactionIds).size).toBe(interactionIds.length);
      for (const dialog of assistant.dialogs) expect(dialog.end, `${dialog.id} has an end`).not.toBeNull();

      for (const text of customerTexts(assistant)) {
        for (const placeholder of findPlaceholders(text))
          expect(isKnownTemplateRoot(placeholder.root)).toBe(true);
      }
    },
  );

  it.each(unsupported.map((combination) => [label(combination), combination] as const))(
    "%s is refused with the option and the allowed values",
    (_label, combination) => {
      expect(() => build(combination)).toThrow(TemplateOptionError);
      try {
        build(combination);
      } catch (error) {
        expect((error as TemplateOptionError).option).toMatch(/^(channel|type)$/);
        expect((error as Error).message).toMatch(/expected one of: "/);
      }
    },
  );

  it("is deterministic and takes ids from the options", () => {
    const options = { channel: "whatsapp", language: "pt", id: "asst_1", publicId: "pub_1" } as const;
    const first = createAssistantFromTemplate("tutorial", options);
    expect(createAssistantFromTemplate("tutorial", options)).toEqual(first);
    expect(first.id).toBe("asst_1");
    expect(first.publicId).toBe("pub_1");
  });

  it("uses chat, English and the template's default type unless told otherwise", () => {
    const blank = createAssistantFromTemplate("blank");
    expect([blank.channel, blank.type, blank.defaultLanguage]).toEqual(["chat", "lite", "en"]);
    expect(createAssistantFromTemplate("tutorial").type).toBe("lite");
    expect(createAssistantFromTemplate("respond-with-ai").type).toBe("premium");
    expect(createAssistantFromTemplate("tutorial", { channel: "voice" }).type).toBe("lite");
  });

  it("refuses Pro, unknown values and invalid names", () => {
    expect(() => createAssistantFromTemplate("blank", { type: "pro" })).toThrow(
      /Pro assistants can no longer/,
    );
    expect(() => createAssistantFromTemplate("blank", { language: "fr" as TemplateLanguage })).toThrow(
      /expected one of: "en", "es", "pt"/,
    );
    expect(() => createAssistantFromTemplate("blank", { channel: "telegram" as Channel })).toThrow(/chat/);
    expect(() => createAssistantFromTemplate("nope" as AssistantTemplateName)).toThrow(/respond-with-ai/);
    expect(() => createAssistantFromTemplate("blank", { internalName: " " })).toThrow(/internalName/);
  });

  it("writes every template in each language", () => {
    for (const template of assistantTemplateNames) {
      const texts = templateLanguages.map((language) =>
        customerTexts(createAssistantFromTemplate(template, { language })),
      );
      expect(new Set(texts.map((list) => list.join("\n"))).size).toBe(templateLanguages.length);
      for (const list of texts) expect(list.length).toBe(texts[0]?.length);
    }
  });

  it("greets with a disclosure that the assistant is a bot", () => {
    for (const combination of supported) {
      const welcome = build(combination).dialogs[0]?.interactions[0];
      const text =
        welcome?.kind === "send_message" ? welcome.text : welcome?.kind === "play_prompt" ? welcome.text : "";
      expect(text, label(combination)).toMatch(
        /\bbot\b|automated assistant|asistente automático|assistente automático/,
      );
    }
  });

  it("turns the abandoned-conversation setting on for chat and WhatsApp only", () => {
    for (const combination of supported) {
      const { reminder, abandon } = build(combination).settings.volumeControl;
      expect(abandon.enabled, label(combination)).toBe(["chat", "whatsapp"].includes(combination.channel));
      expect(reminder.enabled).toBe(true);
      expect(abandon.afterMinutes).toBeGreaterThan(reminder.afterMinutes);
      expect(abandon.action).toBe("transfer");
    }
  });
});

describe("createDefaultAssistant", () => {
  it("has Welcome, which greets and redirects, and Complete Assistant, which transfers", () => {
    const assistant = createDefaultAssistant({ internalName: "Support", channel: "sms", type: "premium" });
    expect(assistant.id).toBe("assistant");
    expect(assistant.internalName).toBe("Support");
    expect(assistant.dialogs.map(({ id, name, end }) => [id, name, end?.kind])).toEqual([
      ["welcome", "Welcome", "redirect"],
      ["complete-assistant", "Complete Assistant", "transfer"],
    ]);
    expect(assistant.dialogs[0]?.interactions.map((interaction) => interaction.kind)).toEqual([
      "send_message",
    ]);
    expect(assistant.dialogs[0]?.end).toMatchObject({ kind: "redirect", dialogId: "complete-assistant" });
    expect(assistant.settings.volumeControl.abandon.enabled).toBe(false);
  });

  it("speaks on voice, where messages cannot be sent", () => {
    const assistant = createDefaultAssistant({
      internalName: "IVR",
      channel: "voice",
      type: "lite",
      language: "es",
    });
    expect(assistant.dialogs[0]?.interactions[0]).toMatchObject({ kind: "play_prompt" });
    expect(assistant.defaultLanguage).toBe("es");
  });
});

describe("tutorial template", () => {
  const teamDialog = (assistant: Assistant) =>
    assistant.dialogs.find((dialog) => dialog.id === "ask-for-team");

  it("asks for the team with the Assigned Teams buttons on chat", () => {
    const assistant = createAssistantFromTemplate("tutorial");
    expect(assistant.dialogs.map((dialog) => dialog.name)).toEqual([
      "Welcome",
      "Ask Customer Name",
      "Ask for Team",
      "Complete Assistant",
    ]);
    expect(assistant.dialogs[1]?.interactions[0]).toMatchObject({
      kind: "text_question",
      saveTo: { klass: "customer", attribute: "name" },
    });
    expect(teamDialog(assistant)?.interactions[0]).toMatchObject({
      kind: "attribute_question",
      attribute: { klass: "conversation", attribute: "assignedTeams" },
      values: ["CX", "Sales", "Shipping"],
    });
    const complete = assistant.dialogs[3];
    expect(complete?.interactions[0]).toMatchObject({ kind: "send_message" });
    expect(JSON.stringify(complete?.interactions[0])).toContain("{{customer.name}}");
    expect(complete?.end?.kind).toBe("transfer");
  });

  it("uses a numbered menu and a conditional branch where buttons are not available (spec 13)", () => {
    for (const channel of ["whatsapp", "sms", "twilio_whatsapp", "messagebird_whatsapp"] as const) {
      const assistant = createAssistantFromTemplate("tutorial", { channel });
      const [question, branch] = teamDialog(assistant)?.interactions ?? [];
      expect(question).toMatchObject({ kind: "text_question", saveTo: { klass: "conversation" } });
      expect(question?.kind === "text_question" && question.prompt).toMatch(/1️⃣[^\n]*\n2️⃣[^\n]*\n3️⃣[^\n]*\n4️⃣/);
      if (branch?.kind !== "conditional_branch") throw new Error("expected a conditional branch");
      expect(branch.branches.map((path) => path.match)).toEqual(["any", "any", "any", "any"]);
      expect(branch.branches[0]?.conditions).toEqual(
        expect.arrayContaining([
          expect.objectContaining({ operator: "equals", value: "1" }),
          expect.objectContaining({ operator: "equals", value: "1️⃣" }),
          expect.objectContaining({ operator: "contains", value: "cx" }),
        ]),
      );
      // Assigned Teams cannot be updated by an assistant (spec 04): each team has a dialog that transfers to it.
      expect(branch.branches.map((path) => path.redirectTo)).toEqual([
        "transfer-to-cx",
        "transfer-to-sales",
        "transfer-to-shipping",
        undefined,
      ]);
      const sales = assistant.dialogs.find((dialog) => dialog.id === "transfer-to-sales");
      expect(sales?.end).toMatchObject({ kind: "transfer", teamId: "Sales" });
      expect(JSON.stringify(sales?.interactions)).toContain("{{customer.name}}");
      expect(branch.otherwise?.redirectTo).toBe("ask-for-team");
      expect(teamDialog(assistant)?.end).toMatchObject({ kind: "redirect", dialogId: "complete-assistant" });
    }
  });

  it("gathers speech and keypad digits on voice", () => {
    const assistant = createAssistantFromTemplate("tutorial", { channel: "voice" });
    const [question] = teamDialog(assistant)?.interactions ?? [];
    if (question?.kind !== "collect_customer_input") throw new Error("expected collect customer input");
    expect(question.options.map((option) => option.digits)).toEqual(["1", "2", "3"]);
    const transfers = assistant.dialogs.flatMap((dialog) =>
      dialog.end?.kind === "transfer" ? [dialog.end] : [],
    );
    expect(transfers.map((end) => end.teamId)).toEqual(["CX", "Sales", "Shipping", undefined]);
  });
});

describe("respond-with-ai template", () => {
  it("answers with AI and comes back to the question in every case", () => {
    const assistant = createAssistantFromTemplate("respond-with-ai", {
      knowledgeBaseId: "kb_help",
      language: "es",
    });
    expect(assistant.dialogs.map((dialog) => dialog.name)).toEqual([
      "Welcome",
      "Ask Question",
      "Answered",
      "Not Answered",
      "Negative Feedback",
      "Complete Assistant",
    ]);
    const ask = assistant.dialogs[1];
    expect(ask?.end).toMatchObject({
      kind: "ai_response",
      knowledgeBaseId: "kb_help",
      attemptsBeforeHandover: 2,
      redirects: { answered: "answered", notAnswered: "not-answered", negativeFeedback: "negative-feedback" },
    });
    for (const dialog of assistant.dialogs.slice(2, 5)) {
      expect(dialog.interactions.map((interaction) => interaction.kind)).toEqual(["send_message"]);
      expect(dialog.end).toMatchObject({ kind: "redirect", dialogId: "ask-question" });
    }
    expect(assistant.dialogs[5]?.end?.kind).toBe("transfer");
    expect(createAssistantFromTemplate("respond-with-ai").dialogs[1]?.end).toMatchObject({
      knowledgeBaseId: "default",
    });
  });

  it("names the allowed values when asked for another channel or type", () => {
    expect(() => createAssistantFromTemplate("respond-with-ai", { channel: "sms" })).toThrow(
      /channel "sms"; expected one of: "chat", "whatsapp"/,
    );
    expect(() => createAssistantFromTemplate("respond-with-ai", { type: "lite" })).toThrow(
      /type "lite"; expected one of: "premium"/,
    );
  });
});

describe("templates pass validateAssistant", () => {
  it.each(supported.map((combination) => [label(combination), combination] as const))(
    "%s has no errors",
    (_label, combination) => {
      const { problems } = validateAssistant(build(combination));
      expect(problems.filter((problem) => problem.severity === "error")).toEqual([]);
    },
  );

  // Warnings do not block publishing, but a fresh template should not greet its author with any.
  it("gives no warnings either", () => {
    for (const combination of supported) {
      expect(validateAssistant(build(combination)).problems, label(combination)).toEqual([]);
    }
  });
});
