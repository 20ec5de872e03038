import type { ArticleDeflection } from "@parley/model";
import { findIntentDialog } from "../intents.ts";
import type { ArticleReference, ChoiceOption } from "../messages.ts";
import { type InteractionModule, ignore, redirect, wait } from "../outcome.ts";
import { rememberedText } from "../remembered-text.ts";
import type { Turn } from "../turn-context.ts";
import { answerChoice } from "./choice-answer.ts";

function helpedOptions(turn: Turn, interaction: ArticleDeflection): ChoiceOption[] {
  return [
    { id: "helped", label: turn.render(interaction.helpedLabel) },
    { id: "not_helped", label: turn.render(interaction.notHelpedLabel) },
  ];
}

function showArticles(turn: Turn, interaction: ArticleDeflection, articles: ArticleReference[]): void {
  turn.send({
    kind: "articles",
    text: turn.render(interaction.foundMessage),
    articles,
    options: helpedOptions(turn, interaction),
  });
}

export const articleDeflection: InteractionModule<"article_deflection"> = {
  kind: "article_deflection",
  enter(turn, interaction) {
    if (interaction.prompt) turn.sendText(turn.render(interaction.prompt));
    return wait({ for: "text", interactionId: interaction.id, step: "question" });
  },
  repeat(turn, interaction, waiting) {
    if (waiting.step === "question" && interaction.prompt) turn.sendText(turn.render(interaction.prompt));
    // The articles shown are kept while the customer reads them, so the reminder can show them again.
    if (waiting.step === "helped") {
      showArticles(turn, interaction, (waiting.data?.articles as ArticleReference[] | undefined) ?? []);
    }
  },
  resume(turn, interaction, waiting, event) {
    if (waiting.step === "question") {
      if (event.type !== "customer.text") return ignore;
      const question = rememberedText(event.text);
      if (question === "") return ignore;
      // Intents come first (spec 04): a mapped intent redirects before any search.
      if (interaction.understandIntents) {
        const dialogId = findIntentDialog(turn, question);
        if (dialogId) return redirect(dialogId);
      }
      const requestId = turn.nextId("r");
      turn.emit({
        type: "articles.search",
        requestId,
        knowledgeBaseId: interaction.knowledgeBaseId,
        query: question,
        language: turn.language,
        limit: interaction.maxArticles,
      });
      return wait({ for: "result", interactionId: interaction.id, requestId, step: "search" });
    }
    if (waiting.step === "search") {
      if (event.type !== "articles.found" || event.requestId !== waiting.requestId) return ignore;
      const articles = event.articles.slice(0, interaction.maxArticles);
      if (articles.length === 0) return redirect(interaction.redirects.noArticles);
      showArticles(turn, interaction, articles);
      return wait({ for: "choice", interactionId: interaction.id, step: "helped", data: { articles } });
    }
    return answerChoice(turn, event, waiting, helpedOptions(turn, interaction), (option) => {
      const helped = option.id === "helped";
      turn.emit({
        type: "feedback.record",
        interactionId: interaction.id,
        outcome: helped ? "positive" : "negative",
      });
      return redirect(helped ? interaction.redirects.helped : interaction.redirects.notHelped);
    });
  },
};
