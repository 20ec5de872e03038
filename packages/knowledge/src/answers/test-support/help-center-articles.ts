import type { KnowledgeArticle, Passage, SearchHit, SearchResult } from "../../types.ts";

/**
 * A small help center written for the answer tests, in the plain-text form
 * search hands over: paragraphs separated by blank lines, lists one item
 * per line.
 */
export const returnsPolicy: KnowledgeArticle = {
  id: "article-returns",
  title: "Returns policy",
  language: "en",
  url: "https://help.example.com/articles/returns-policy",
  text: [
    "Returns policy",
    "You can return most items within 30 days of delivery for a full refund. Items must be unused and in their original packaging, e.g. with all tags still attached.",
    "To start a return:\n- Sign in and open Account > Orders.\n- Choose the order and select Return items.\n- Print the prepaid return label and drop the package at any U.S. Postal Service location.",
    "Return shipping is free for orders shipped within the U.S. For international orders, a return fee of $4.99 is deducted from your refund.",
    "Refunds go back to the original payment method within 5–7 business days after we receive the package. Gift cards, final-sale items and opened software can't be returned.",
  ].join("\n\n"),
};

export const shippingTimes: KnowledgeArticle = {
  id: "article-shipping",
  title: "How long does shipping take?",
  language: "en",
  url: "https://help.example.com/articles/shipping-times",
  text: [
    "Orders placed before 12:00 p.m. Eastern Time on a business day usually leave our warehouse the same day. Orders placed later, on weekends or on holidays ship the next business day.",
    "Transit time",
    "- Standard: 5–7 business days\n- Expedited: 2–3 business days\n- Overnight: next business day",
    "Deliveries to Alaska and Hawaii take 2–4 extra business days. The delivery date shown at checkout is an estimate from the carrier, not a guarantee.",
  ].join("\n\n"),
};

export const passwordReset: KnowledgeArticle = {
  id: "article-password",
  title: "Reset your password",
  language: "en",
  url: "https://help.example.com/articles/reset-password",
  text: [
    "If you forgot your password, you can reset it from the sign-in page. Follow these steps:",
    "1. Click Forgot password? on the sign-in page.\n2. Enter the email address of your account and click Send reset link.\n3. Open the email and click Reset password. The link is valid for 60 minutes.",
    "If you didn't ask for a reset, you can safely disregard the email. Your password stays the same.",
    "After 5 incorrect passwords in a row, sign-in is locked for 15 minutes.",
  ].join("\n\n"),
};

export const refundTiming: KnowledgeArticle = {
  id: "article-refund-timing",
  title: "When will I get my refund?",
  language: "en",
  url: "https://help.example.com/articles/refund-timing",
  text: [
    'We process refunds within 3 business days after your return arrives at our warehouse. You\'ll get an email saying "Your refund has been issued" with the amount. Our warehouse team works Monday to Friday.',
    "- Credit or debit card: 5–10 business days\n- PayPal: up to 3 business days\n- Gift card: instantly, as store credit",
  ].join("\n\n"),
};

/** The same returns policy in Spanish. */
export const politicaDeDevoluciones: KnowledgeArticle = {
  id: "article-devoluciones",
  title: "Política de devoluciones",
  language: "es",
  url: "https://help.example.com/es/articles/politica-de-devoluciones",
  text: [
    "Puedes devolver la mayoría de los productos dentro de los 30 días posteriores a la entrega. Los productos deben estar sin usar y en su embalaje original.",
    "El reembolso se hace al método de pago original en un plazo de 5 a 7 días hábiles después de recibir el paquete.",
  ].join("\n\n"),
};

/** The same returns policy in Portuguese. */
export const politicaDeDevolucoes: KnowledgeArticle = {
  id: "article-devolucoes",
  title: "Política de devoluções",
  language: "pt",
  url: "https://help.example.com/pt/articles/politica-de-devolucoes",
  text: [
    "Você pode devolver a maioria dos produtos em até 30 dias após a entrega. Os produtos devem estar sem uso e na embalagem original.",
    "O reembolso é feito na forma de pagamento original em até 5 a 7 dias úteis após recebermos o pacote.",
  ].join("\n\n"),
};

/** The paragraphs of an article as passages, in article order. */
export function passagesOf(article: KnowledgeArticle): Passage[] {
  return article.text.split(/\n\s*\n/u).map((text, index) => ({ articleId: article.id, index, text }));
}

/**
 * A search hit on an article. `passageOrder` lists the paragraphs that
 * matched, best first, by their position in the article (all of them in
 * article order when left out).
 */
export function hitOn(article: KnowledgeArticle, relevance: number, passageOrder?: number[]): SearchHit {
  const passages = passagesOf(article);
  const chosen = passageOrder ? passageOrder.map((index) => passages[index] as Passage) : passages;
  return {
    articleId: article.id,
    title: article.title,
    url: article.url,
    snippet: chosen[0]?.text.slice(0, 160) ?? "",
    score: relevance * 10,
    relevance,
    coverage: relevance,
    passages: chosen,
  };
}

export function searchResult(hits: SearchHit[], relevant = true): SearchResult {
  return { hits, relevant };
}
