import { type Command, InvalidArgumentError, Option } from "commander";
import { addServerOptions, type ServerOptions } from "../api-client.ts";
import {
  type SimulatedKind,
  type SimulatedProvider,
  simulatedProviders,
} from "../channels/customer-webhooks.ts";
import { runSimulation } from "../channels/run-simulation.ts";
import { CliError } from "../exit-codes.ts";
import type { CommandContext } from "../io.ts";
import { createTerminalStyle, wantsColor } from "../terminal-style.ts";

interface SimulateOptions extends ServerOptions {
  provider: SimulatedProvider;
  kind?: SimulatedKind;
  from: string;
  brand?: string;
  message?: string[];
  waitSeconds: number;
  keep?: boolean;
}

function parsePhoneNumber(value: string): string {
  if (!/^\+[1-9][0-9]{7,14}$/.test(value)) {
    throw new InvalidArgumentError("must be an E.164 phone number such as +15557778888");
  }
  return value;
}

function parseWaitSeconds(value: string): number {
  const seconds = Number(value);
  if (!Number.isFinite(seconds) || seconds <= 0 || seconds > 600) {
    throw new InvalidArgumentError("must be a number of seconds between 0 and 600, such as 15");
  }
  return seconds;
}

function collect(value: string, previous: string[] | undefined): string[] {
  return [...(previous ?? []), value];
}

/** Meta's Cloud API carries WhatsApp only; the others default to SMS, the cheaper one to try. */
function kindOf(options: SimulateOptions): SimulatedKind {
  if (options.provider === "meta") {
    if (options.kind === "sms") {
      throw new CliError(
        "option --kind: Meta's Cloud API carries WhatsApp only; use --kind whatsapp or another --provider",
      );
    }
    return "whatsapp";
  }
  return options.kind ?? "sms";
}

function registerSimulate(channels: Command, context: CommandContext): void {
  const command = channels
    .command("simulate")
    .description("text an SMS or WhatsApp assistant from the terminal, through the server's real webhook")
    .addOption(
      new Option("--provider <provider>", "the provider to imitate")
        .choices(simulatedProviders)
        .makeOptionMandatory(),
    )
    .addOption(
      new Option("--kind <kind>", "sms or whatsapp (default: sms; whatsapp with --provider meta)").choices([
        "sms",
        "whatsapp",
      ]),
    )
    .option("--from <number>", "the customer's phone number", parsePhoneNumber, "+15557778888")
    .option(
      "--brand <id>",
      "the brand whose rules and default assistant answer (default: the organization's)",
    )
    .option("--message <text>", "send this line instead of reading the terminal; repeat for several", collect)
    .option(
      "--wait-seconds <seconds>",
      "with --message or piped input: how long to wait for replies to each line",
      parseWaitSeconds,
      15,
    )
    .option("--keep", "keep the connection when the simulation ends, instead of deleting it");
  addServerOptions(command)
    .addHelpText(
      "after",
      `
How it works:
  1. A stand-in for the provider's sending API starts on 127.0.0.1 (Twilio's Messages.json,
     Meta's /{version}/{phone number id}/messages or MessageBird's /v1/send).
  2. A temporary channel connection is created through the API, with made-up credentials
     and the stand-in as its API address.
  3. Each line you type is posted to the connection's webhook URL exactly as the provider
     would: a form signed with X-Twilio-Signature, Meta's JSON signed with
     X-Hub-Signature-256, or MessageBird's JSON signed with MessageBird-Signature-JWT.
  4. What the assistant sends reaches the stand-in and is printed. With Meta, buttons and
     lists are numbered: answer with the number to tap the option.
  5. Ctrl-D or Ctrl-C deletes the connection (unless --keep).

The server must be allowed to send to the stand-in on loopback: start it with
  PARLEY_ALLOWED_OUTGOING_HOSTS=127.0.0.1 parley serve
The brand needs a published assistant on the channel (sms, twilio_whatsapp, whatsapp or
messagebird_whatsapp) as its default, or a rule that picks one. The key needs the scopes
org.read and org.admin.apps.write (the admin key printed at the first start has them).

Examples:
  parley channels simulate --provider twilio --key $PARLEY_API_KEY
  parley channels simulate --provider meta --server http://localhost:3000
  parley channels simulate --provider messagebird --kind whatsapp --from +447700900123
  parley channels simulate --provider twilio --message "Hi" --message "Ana" --message "2"

Without --message, lines come from the terminal, or from piped input (one message a line),
where like --message each line waits for the replies (--wait-seconds) before the next.
Exit codes: 0 the conversation ended, 1 the server refused a request or cannot be reached,
2 bad options.`,
    )
    .action(async (options: SimulateOptions) => {
      const kind = kindOf(options);
      const interactive = options.message === undefined && process.stdin.isTTY === true;
      await runSimulation({
        server: { server: options.server, ...(options.key ? { key: options.key } : {}) },
        provider: options.provider,
        kind,
        customer: options.from,
        ...(options.brand ? { brandId: options.brand } : {}),
        keep: options.keep === true,
        messages: options.message ?? null,
        waitMilliseconds: options.waitSeconds * 1000,
        io: context.io,
        style: createTerminalStyle(wantsColor(process.stdout)),
        input: process.stdin,
        terminal: process.stdout,
        interactive,
      });
    });
}

export function registerChannelsCommand(program: Command, context: CommandContext): void {
  const channels = program
    .command("channels")
    .description("try SMS and WhatsApp assistants from the terminal");
  registerSimulate(channels, context);
}
