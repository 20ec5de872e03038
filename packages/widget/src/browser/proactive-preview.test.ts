import { describe, expect, it } from "vitest";
import { proactivePreview } from "./proactive-preview.ts";

const yes = { id: "yes", label: "Yes" };
const no = { id: "no", label: "No" };

describe("proactivePreview", () => {
  it("shows the first text and the first options", () => {
    expect(
      proactivePreview([
        { kind: "text", text: "Hi! Need help with your order?" },
        { kind: "buttons", text: "Choose one", options: [yes, no] },
      ]),
    ).toEqual({ text: "Hi! Need help with your order?", options: [yes, no] });
  });

  it("takes a buttons message alone, cards as options and answers' text", () => {
    expect(proactivePreview([{ kind: "buttons", text: "Shall we?", options: [yes] }])).toEqual({
      text: "Shall we?",
      options: [yes],
    });
    expect(proactivePreview([{ kind: "cards", text: "", cards: [{ id: "a", label: "A" }] }])).toEqual({
      text: "",
      options: [{ id: "a", label: "A" }],
    });
    expect(
      proactivePreview([
        { kind: "answer", answer: { found: true, text: "Returns take 5 days.", citations: [] } },
      ]),
    ).toEqual({ text: "Returns take 5 days.", options: [] });
  });

  it("has nothing to show for empty messages", () => {
    expect(proactivePreview([])).toBeNull();
    expect(proactivePreview([{ kind: "event", event: "transferred", text: " " }])).toBeNull();
  });
});
