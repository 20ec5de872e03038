import { createInterface, type Interface } from "node:readline";
import type { ServerOptions } from "../api-client.ts";
import { shortValue } from "../chat/render-entries.ts";
import { CliError, exitCodes } from "../exit-codes.ts";
import type { CliIo } from "../io.ts";
import type { TerminalStyle } from "../terminal-style.ts";
import {
  type CustomerContent,
  customerWebhook,
  type SimulatedKind,
  type SimulatedProvider,
} from "./customer-webhooks.ts";
import { type SentChoice, type SentMessage, startProviderStandIn } from "./provider-stand-in.ts";
import { sentMessageLines } from "./sent-message-lines.ts";
import {
  type CreatedSimulation,
  createSimulatedConnection,
  deleteSimulatedConnection,
} from "./simulated-connection.ts";

export interface SimulationSettings {
  server: ServerOptions;
  provider: SimulatedProvider;
  kind: SimulatedKind;
  customer: string;
  brandId?: string;
  keep: boolean;
  /** Lines to send in order instead of reading them; null reads the input. */
  messages: string[] | null;
  waitMilliseconds: number;
  io: CliIo;
  style: TerminalStyle;
  input: NodeJS.ReadableStream;
  terminal: NodeJS.WritableStream;
  /** A person types at a terminal: replies are printed as they come, over the prompt. */
  interactive: boolean;
}

/**
 * Replies come one delivery job after another, a few milliseconds apart; a pause this long
 * after the last one means the assistant has said all it will for now.
 */
const quietMilliseconds = 2000;

const prompt = "you: ";

const providerNames: Record<SimulatedProvider, string> = {
  twilio: "Twilio",
  meta: "Meta's WhatsApp Cloud API",
  messagebird: "MessageBird",
};

/** The messages the stand-in received, and the options of the last one that offered any. */
class Inbox {
  received = 0;
  lastArrival = 0;
  choices: SentChoice[] = [];

  add(message: SentMessage): void {
    this.received += 1;
    this.lastArrival = Date.now();
    if (message.choices.length > 0) this.choices = message.choices;
  }

  /** Until a reply came and things went quiet, or the wait ran out; true when something came. */
  async settle(since: number, waitMilliseconds: number, signal: AbortSignal): Promise<boolean> {
    const deadline = Date.now() + waitMilliseconds;
    while (!signal.aborted && Date.now() < deadline) {
      if (this.received > since && Date.now() - this.lastArrival >= quietMilliseconds) return true;
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
    return this.received > since;
  }
}

/** A number answering the last buttons or list is a tap on that option, as Meta would report it. */
function contentOf(
  line: string,
  provider: SimulatedProvider,
  choices: readonly SentChoice[],
): CustomerContent {
  const position = /^\s*([0-9]{1,2})\s*$/.exec(line)?.[1];
  const choice = position === undefined ? undefined : choices[Number(position) - 1];
  if (provider !== "meta" || choice === undefined) return { type: "text", text: line };
  return {
    type: "choice",
    reply: choice.reply,
    id: choice.id,
    title: choice.title,
    ...(choice.description ? { description: choice.description } : {}),
  };
}

async function postWebhook(simulation: CreatedSimulation, customer: string, content: CustomerContent) {
  const { connection } = simulation;
  const signed = await customerWebhook(connection, customer, content, Date.now());
  let response: Response;
  try {
    response = await fetch(connection.webhookUrl, {
      method: "POST",
      headers: signed.headers,
      body: signed.body,
    });
  } catch (error) {
    const cause = (error as { cause?: { message?: string } }).cause?.message ?? String(error);
    throw new CliError(
      `cannot reach the webhook URL ${connection.webhookUrl}: ${cause}. If the server's PARLEY_PUBLIC_URL names an address this machine cannot reach, unset it for the simulation.`,
      exitCodes.failure,
    );
  }
  if (!response.ok) {
    const text = (await response.text()).slice(0, 300);
    throw new CliError(
      `the webhook answered HTTP ${response.status}: ${text || response.statusText}`,
      exitCodes.failure,
    );
  }
}

function createPrinter(settings: SimulationSettings, lines: () => Interface | null) {
  return (text: string[], stream: "stdout" | "stderr" = "stdout") => {
    if (text.length === 0) return;
    const readline = lines();
    // Over a prompt the person may be typing on: clear it, print, and draw it again with their text.
    if (readline) settings.terminal.write("\r\u001b[K");
    settings.io[stream](`${text.join("\n")}\n`);
    if (readline) readline.prompt(true);
  };
}

/**
 * `parley channels simulate`: a customer texting an SMS or WhatsApp number, through the server's
 * real webhook and delivery path, with a stand-in for the provider's API on loopback.
 */
export async function runSimulation(settings: SimulationSettings): Promise<void> {
  const { style } = settings;
  let readline: Interface | null = null;
  let simulation: CreatedSimulation | null = null;
  const inbox = new Inbox();
  const print = createPrinter(settings, () => readline);
  const standIn = await startProviderStandIn({
    provider: settings.provider,
    connection: () => simulation?.connection ?? null,
    onMessage: (message) => {
      inbox.add(message);
      print(sentMessageLines(message, style));
    },
    onProblem: (problem) => print([style.red(`[${problem}]`)], "stderr"),
  });
  const stop = new AbortController();
  const interrupt = () => stop.abort();
  process.once("SIGINT", interrupt);
  try {
    simulation = await createSimulatedConnection(settings.server, {
      provider: settings.provider,
      kind: settings.kind,
      customer: settings.customer,
      apiBaseUrl: standIn.apiBaseUrl,
      ...(settings.brandId ? { brandId: settings.brandId } : {}),
    });
    const { connection } = simulation;
    print([
      style.dim(
        `[${settings.customer} texting ${providerNames[settings.provider]} ${settings.kind === "sms" ? "SMS" : "WhatsApp"} ${connection.address} (channel ${simulation.channel}, connection ${simulation.id}); ${settings.interactive ? "type a message, Ctrl-D ends" : `waiting up to ${settings.waitMilliseconds / 1000} s for replies`}]`,
      ),
    ]);
    await converse(
      settings,
      simulation,
      inbox,
      stop.signal,
      (created) => {
        readline = created;
      },
      print,
    );
  } finally {
    process.removeListener("SIGINT", interrupt);
    if (simulation !== null) {
      if (settings.keep) {
        print([
          style.dim(`[kept connection ${simulation.id}; its API address is the stand-in, which has stopped]`),
        ]);
      } else {
        const failure = await deleteSimulatedConnection(settings.server, simulation.id);
        print(
          failure === null ? [style.dim(`[connection ${simulation.id} deleted]`)] : [`warning: ${failure}`],
          failure === null ? "stdout" : "stderr",
        );
      }
    }
    await standIn.close();
  }
}

async function converse(
  settings: SimulationSettings,
  simulation: CreatedSimulation,
  inbox: Inbox,
  signal: AbortSignal,
  onReadline: (readline: Interface | null) => void,
  print: (text: string[], stream?: "stdout" | "stderr") => void,
): Promise<void> {
  const { style } = settings;
  let source: AsyncIterable<string> | Iterable<string> = settings.messages ?? [];
  let readline: Interface | null = null;
  if (settings.messages === null) {
    readline = createInterface({
      input: settings.input,
      ...(settings.interactive ? { output: settings.terminal, terminal: true } : { terminal: false }),
      crlfDelay: Number.POSITIVE_INFINITY,
    });
    // Without a listener readline only pauses on Ctrl-C, which would leave the session hanging.
    readline.on("SIGINT", () => readline?.close());
    signal.addEventListener("abort", () => readline?.close());
    source = readline;
    if (settings.interactive) {
      onReadline(readline);
      readline.setPrompt(prompt);
      readline.prompt();
    }
  }
  try {
    for await (const line of source) {
      if (signal.aborted) break;
      if (line.trim() === "") {
        if (settings.interactive) readline?.prompt();
        continue;
      }
      const content = contentOf(line, settings.provider, inbox.choices);
      const tapped = content.type === "choice" ? style.dim(` [taps "${shortValue(content.title)}"]`) : "";
      if (!settings.interactive) print([`${prompt}${shortValue(line)}${tapped}`]);
      else if (tapped) print([tapped.trim()]);
      const before = inbox.received;
      try {
        await postWebhook(simulation, settings.customer, content);
      } catch (error) {
        // At a terminal the person can fix things (a wrong number, a restart) and go on typing.
        if (!settings.interactive || !(error instanceof CliError)) throw error;
        print([`error: ${error.message}`], "stderr");
      }
      if (!settings.interactive) {
        const replied = await inbox.settle(before, settings.waitMilliseconds, signal);
        // The usual cause: nothing runs on this channel, so the conversation waits for an agent.
        if (!replied) {
          print([
            style.dim(
              `[no reply within ${settings.waitMilliseconds / 1000} s: is an assistant published on ${simulation.channel} and the brand's default for it, or a rule set for this number?]`,
            ),
          ]);
        }
      } else {
        readline?.prompt();
      }
    }
  } finally {
    onReadline(null);
    readline?.close();
    if (settings.interactive) settings.io.stdout("\n");
  }
}
