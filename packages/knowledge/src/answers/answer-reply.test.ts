import { describe, expect, it } from "vitest";
import type { PromptSource } from "./answer-prompt.ts";
import {
  citationsOfReply,
  cleanReplyText,
  couldBecomeNoAnswerReply,
  isNoAnswerReply,
} from "./answer-reply.ts";

const sources: PromptSource[] = [
  { number: 1, articleId: "a", title: "A", url: "https://help.example.com/a" },
  { number: 2, articleId: "a", title: "A", url: "https://help.example.com/a" },
  { number: 3, articleId: "b", title: "B", url: "https://help.example.com/b" },
  { number: 4, articleId: "c", title: "C", url: "https://help.example.com/c" },
  { number: 5, articleId: "d", title: "D", url: "https://help.example.com/d" },
];

describe("isNoAnswerReply", () => {
  it.each(["NO_ANSWER", " no_answer ", "`NO_ANSWER`", "NO ANSWER.", "NO\\_ANSWER", "I am sorry. NO_ANSWER"])(
    "reads %j as the sentinel",
    (reply) => {
      expect(isNoAnswerReply(reply)).toBe(true);
    },
  );

  it("does not mistake prose for the sentinel", () => {
    expect(isNoAnswerReply("If there is no answer within 24 hours, write to us again.")).toBe(false);
    expect(couldBecomeNoAnswerReply("NO_ANS")).toBe(true);
    expect(couldBecomeNoAnswerReply("  **No")).toBe(true);
    expect(couldBecomeNoAnswerReply("Now")).toBe(false);
  });
});

describe("cleanReplyText", () => {
  it("removes citation markers and the spaces before them, and nothing else", () => {
    expect(cleanReplyText(" Returns are free [1]. Refunds take 5 days [2, 3][4-5].\n- Step one [1]\n")).toBe(
      "Returns are free. Refunds take 5 days.\n- Step one",
    );
    expect(cleanReplyText("See [our holiday page](https://help.example.com/holidays) or item [A].")).toBe(
      "See [our holiday page](https://help.example.com/holidays) or item [A].",
    );
  });
});

describe("citationsOfReply", () => {
  it("cites each article once, in the order first cited, including ranges", () => {
    expect(
      citationsOfReply("B says so [3]. A too [2][1]. And [4-5].", sources).map(
        (citation) => citation.articleId,
      ),
    ).toEqual(["b", "a", "c", "d"]);
  });

  it("ignores numbers of no passage, and falls back to the first three articles given", () => {
    expect(citationsOfReply("Nothing valid [0] [9].", sources).map((citation) => citation.articleId)).toEqual(
      ["a", "b", "c"],
    );
    expect(citationsOfReply("Only [9] and [2].", sources)).toEqual([
      { articleId: "a", title: "A", url: "https://help.example.com/a" },
    ]);
  });
});
