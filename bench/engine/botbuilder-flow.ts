import type { Activity, TurnContext } from "botbuilder-core";
import botbuilderCore from "botbuilder-core";
import type { FoundChoice, WaterfallStepContext } from "botbuilder-dialogs";
import botbuilderDialogs from "botbuilder-dialogs";
import { chosenTeam, customerName, type Flow, type StateObserver, type Transcript } from "./script.ts";

// botbuilder is CommonJS: Node's ESM interop gives its module.exports as the default import.
const { ActivityTypes, ConversationState, MemoryStorage, TestAdapter } = botbuilderCore;
const { ChoiceFactory, ChoicePrompt, DialogSet, DialogTurnStatus, ListStyle, TextPrompt, WaterfallDialog } =
  botbuilderDialogs;

/** The same words as the tutorial template (English); run.ts checks both transcripts are identical. */
const text = {
  welcome:
    "Hi! I'm a bot, not a real person. I'll ask you two quick questions so I can connect you with the right team.",
  askName: "First, what's your name?",
  askTeam: "Thanks! Which team would you like to talk to?",
  complete: (name: string) =>
    `Thanks, ${name}! I'm connecting you with the team you chose. An agent will be with you shortly.`,
};
const teams = ["CX", "Sales", "Shipping"];
/** What the waterfall keeps between its steps (in its persisted `values`). */
interface StepValues {
  name?: string;
}
/** The event botbuilder's EventFactory.createHandoffInitiation sends; the peer's equivalent of a transfer. */
const handoffEventName = "handoff.initiate";

/**
 * The peer: the same flow as a botbuilder WaterfallDialog with a TextPrompt and
 * a ChoicePrompt, its dialog state in ConversationState over MemoryStorage, each
 * customer message driven straight through TestAdapter.processActivity (no
 * TestFlow promise chain), the usual turn handler: continue or begin, then save.
 */
export function createBotbuilderFlow(): Flow {
  const memory: Record<string, string> = {};
  const conversationState = new ConversationState(new MemoryStorage(memory));
  const dialogs = new DialogSet(conversationState.createProperty("dialogState"));
  dialogs.add(new TextPrompt("name"));
  dialogs.add(new ChoicePrompt("team"));
  dialogs.add(
    new WaterfallDialog("tutorial", [
      async (step: WaterfallStepContext) => {
        await step.context.sendActivity(text.welcome);
        return step.prompt("name", { prompt: text.askName });
      },
      async (step: WaterfallStepContext) => {
        (step.values as StepValues).name = String(step.result);
        return step.prompt("team", {
          prompt: text.askTeam,
          choices: ChoiceFactory.toChoices(teams),
          style: ListStyle.suggestedAction,
        });
      },
      async (step: WaterfallStepContext) => {
        const team = (step.result as FoundChoice).value;
        const name = (step.values as StepValues).name ?? "";
        await step.context.sendActivities([
          { type: ActivityTypes.Message, text: text.complete(name) },
          { type: ActivityTypes.Event, name: handoffEventName, value: { team, collected: { name, team } } },
        ]);
        return step.endDialog({ name, team });
      },
    ]),
  );

  const adapter = new TestAdapter();
  const bot = async (context: TurnContext) => {
    const dialogContext = await dialogs.createContext(context);
    const result = await dialogContext.continueDialog();
    if (result.status === DialogTurnStatus.empty) await dialogContext.beginDialog("tutorial");
    await conversationState.saveChanges(context);
  };

  async function turn(
    conversation: number,
    said: string,
    observe?: StateObserver,
  ): Promise<Partial<Activity>[]> {
    const id = `conversation-${conversation}`;
    await adapter.processActivity(
      {
        type: ActivityTypes.Message,
        text: said,
        locale: "en-us",
        conversation: { ...adapter.conversation.conversation, id, name: id },
      },
      bot,
    );
    // ConversationState's key: channel, conversation id, and its namespace (empty by default).
    const key = `${adapter.conversation.channelId}/conversations/${id}/`;
    observe?.(Buffer.byteLength(memory[key] ?? "", "utf8"));
    return adapter.activeQueue.splice(0);
  }

  async function converse(conversation: number, observe?: StateObserver): Promise<Partial<Activity>[][]> {
    const opening = await turn(conversation, "hi", observe);
    const afterName = await turn(conversation, customerName, observe);
    const afterTeam = await turn(conversation, chosenTeam, observe);
    const handoff = afterTeam.find((activity) => activity.name === handoffEventName);
    if ((handoff?.value as { team?: string } | undefined)?.team !== chosenTeam) {
      throw new Error(`botbuilder: conversation ${conversation} did not end in a handoff to ${chosenTeam}`);
    }
    return [opening, afterName, afterTeam];
  }

  return {
    name: "botbuilder-dialogs",
    async runConversation(conversation, observe) {
      await converse(conversation, observe);
    },
    async transcript(conversation): Promise<Transcript> {
      return (await converse(conversation)).map((activities) => activities.flatMap(describe));
    },
  };
}

function describe(activity: Partial<Activity>): string[] {
  if (activity.type === ActivityTypes.Event && activity.name === handoffEventName) {
    return [`transfer: ${(activity.value as { team: string }).team}`];
  }
  if (activity.type !== ActivityTypes.Message) return [];
  const actions = activity.suggestedActions?.actions ?? [];
  if (actions.length === 0) return [`text: ${activity.text}`];
  return [`choice: ${activity.text} [${actions.map((action) => action.title).join("|")}]`];
}
