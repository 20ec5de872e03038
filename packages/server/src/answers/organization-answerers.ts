import {
  type AnswerProvider,
  createExtractiveAnswerer,
  createLanguageModelAnswerer,
  LanguageModelAnswerError,
} from "@parley/knowledge";
import type { CredentialCipher } from "../credentials/credential-cipher.ts";
import { OrganizationCache } from "../data/organization-cache.ts";
import type { Executor } from "../database/connection.ts";
import { findAiProfileRow } from "./ai-profile-store.ts";
import { languageModelConfigOf } from "./ai-settings-checks.ts";
import { findAiSettingsRow, openApiKey } from "./ai-settings-store.ts";

/** Who writes an answer, and the AI profile's guidance on tone and format for it. */
export interface AnswerSetup {
  provider: AnswerProvider;
  instructions?: string | undefined;
}

interface OrganizationAnswering {
  provider: AnswerProvider;
  defaultProfileId: string | null;
}

/** Settings saved in another process reach this one's answers within this time. */
const settingsLifetimeMilliseconds = 1000;

/**
 * The answer provider of each organization, from its AI settings, kept for a second (every
 * question would otherwise read them); a change saved in this process is seen at once (`forget`).
 * Profiles are read with each question instead: one row by id, next to a model's seconds.
 */
export class OrganizationAnswerers {
  private readonly cache = new OrganizationCache<OrganizationAnswering>(settingsLifetimeMilliseconds);
  private readonly extractive = createExtractiveAnswerer();
  private readonly executor: Executor;
  private readonly cipher: CredentialCipher | null;
  /** The guarded client's fetch (outgoing/guarded-fetch.ts): the endpoint must be allowed. */
  private readonly fetch: typeof globalThis.fetch;

  constructor(executor: Executor, cipher: CredentialCipher | null, fetch: typeof globalThis.fetch) {
    this.executor = executor;
    this.cipher = cipher;
    this.fetch = fetch;
  }

  /**
   * The provider for a question, with the instructions of the profile the assistant chose
   * (`aiProfileId`, which the engine already took from the interaction or the assistant's
   * settings), else of the organization's default profile. A profile that does not exist fails
   * the answer, which hands the conversation over, rather than answering without its guidance.
   */
  async setup(organizationId: string, aiProfileId?: string): Promise<AnswerSetup> {
    const answering = await this.cache.get(organizationId, () => this.load(organizationId));
    const profileId = aiProfileId ?? answering.defaultProfileId;
    if (profileId === null) return { provider: answering.provider };
    const profile = await findAiProfileRow(this.executor, organizationId, profileId);
    if (!profile) throw new Error(`the AI profile ${profileId} does not exist in this organization`);
    return {
      provider: answering.provider,
      ...(profile.instructions === "" ? {} : { instructions: profile.instructions }),
    };
  }

  forget(organizationId: string): void {
    this.cache.forget(organizationId);
  }

  private async load(organizationId: string): Promise<OrganizationAnswering> {
    const row = await findAiSettingsRow(this.executor, organizationId);
    const defaultProfileId = row?.defaultProfileId ?? null;
    if (!row || row.provider === "extractive") return { provider: this.extractive, defaultProfileId };
    // A key this server cannot decrypt fails the answer, which hands the conversation over with the reason.
    const apiKey = openApiKey(row, this.cipher);
    const provider = createLanguageModelAnswerer(languageModelConfigOf({ ...row, apiKey }), {
      fetch: this.fetch,
    });
    return { provider: withKeyRedacted(provider, apiKey), defaultProfileId };
  }
}

/**
 * The knowledge package already keeps keys out of its errors; this makes sure for the key it
 * knows best, since the message ends up in the conversation's activity, which agents read.
 */
function withKeyRedacted(provider: AnswerProvider, apiKey: string | null): AnswerProvider {
  if (apiKey === null) return provider;
  return {
    name: provider.name,
    async answer(request) {
      try {
        return await provider.answer(request);
      } catch (error) {
        const message = error instanceof Error ? error.message : String(error);
        if (!message.includes(apiKey)) throw error;
        const redacted = message.split(apiKey).join("[redacted]");
        throw error instanceof LanguageModelAnswerError
          ? new LanguageModelAnswerError(error.failure, redacted, error.status)
          : new Error(redacted);
      }
    },
  };
}
