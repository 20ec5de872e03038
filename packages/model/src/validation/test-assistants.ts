import { type Problem, type ProblemCode, type ValidationOptions, validateAssistant } from "./index.ts";

/**
 * Small builders of assistant definitions for tests. They return plain JSON,
 * as a file would hold, so tests can also build definitions the schema refuses.
 */
export type Definition = Record<string, unknown>;

export function assistant(fields: Definition = {}): Definition {
  return {
    schemaVersion: 1,
    id: "assistant-1",
    publicId: "public-1",
    internalName: "Support assistant",
    channel: "chat",
    type: "premium",
    dialogs: [welcome(), complete()],
    ...fields,
  };
}

export function dialog(
  id: string,
  name: string,
  interactions: Definition[] = [],
  end: Definition | null = transfer(`${id}-end`),
): Definition {
  return { id, name, interactions, end };
}

/** The Welcome dialog, leading to Complete Assistant unless told otherwise. */
export function welcome(
  interactions: Definition[] = [],
  end: Definition | null = redirect("welcome-end", "complete"),
) {
  return dialog("welcome", "Welcome", interactions, end);
}

export function complete(): Definition {
  return dialog(
    "complete",
    "Complete Assistant",
    [sendMessage("complete-thanks", "Thanks!")],
    transfer("complete-end"),
  );
}

export function sendMessage(id: string, text = "Hello"): Definition {
  return { id, kind: "send_message", text };
}

export function textQuestion(id: string, fields: Definition = {}): Definition {
  return { id, kind: "text_question", prompt: "What can we help with?", ...fields };
}

export function buttonQuestion(id: string, labels: string[] = ["Yes", "No"]): Definition {
  return {
    id,
    kind: "button_question",
    prompt: "Is this about an order?",
    buttons: labels.map((label, index) => ({ id: `${id}-button-${index}`, label })),
  };
}

export function updateAttribute(
  id: string,
  klass: string,
  attribute: string,
  value: unknown = "x",
): Definition {
  return { id, kind: "update_attribute", updates: [{ target: { klass, attribute }, value }] };
}

export function condition(scope: string, attribute: string, operator: string, value?: unknown): Definition {
  return value === undefined ? { scope, attribute, operator } : { scope, attribute, operator, value };
}

export function branch(id: string, path: Definition = {}, conditions: Definition[] = []): Definition {
  return {
    id,
    conditions: conditions.length > 0 ? conditions : [condition("customer", "authenticated", "is_true")],
    ...path,
  };
}

export function conditionalBranch(id: string, branches: Definition[], otherwise?: Definition): Definition {
  return otherwise === undefined
    ? { id, kind: "conditional_branch", branches }
    : { id, kind: "conditional_branch", branches, otherwise };
}

export function businessSchedule(id: string, duringHours: Definition, outsideHours: Definition): Definition {
  return { id, kind: "business_schedule", scheduleId: "office-hours", duringHours, outsideHours };
}

export function runWorkflow(id: string): Definition {
  return { id, kind: "run_workflow", workflowId: "lookup-order", inputs: { email: "{{customer.email}}" } };
}

export function objectSelector(id: string, notAuthenticated: string, noResults: string): Definition {
  return {
    id,
    kind: "object_selector",
    prompt: "Which order?",
    klass: "order",
    card: { title: "number", description: "status" },
    notAuthenticatedRedirect: notAuthenticated,
    noResultsRedirect: noResults,
  };
}

export function redirect(id: string, dialogId: string): Definition {
  return { id, kind: "redirect", dialogId };
}

export function transfer(id: string): Definition {
  return { id, kind: "transfer", message: "Connecting you to an agent." };
}

export function endConversation(id: string): Definition {
  return { id, kind: "end_conversation", message: "Goodbye!" };
}

export function navigationButtons(id: string, targets: string[]): Definition {
  return {
    id,
    kind: "navigation_buttons",
    prompt: "Where to?",
    buttons: targets.map((dialogId, index) => ({
      id: `${id}-button-${index}`,
      label: `Go ${index}`,
      dialogId,
    })),
  };
}

export function listSelector(id: string, targets: string[]): Definition {
  return {
    id,
    kind: "list_selector",
    prompt: "Pick a topic",
    options: targets.map((dialogId, index) => ({
      id: `${id}-option-${index}`,
      label: `Topic ${index}`,
      dialogId,
    })),
  };
}

export function aiResponse(id: string, fields: Definition = {}): Definition {
  return {
    id,
    kind: "ai_response",
    knowledgeBaseId: "public-kb",
    redirects: { answered: "complete", notAnswered: "complete", negativeFeedback: "complete" },
    ...fields,
  };
}

export function articleDeflection(id: string): Definition {
  return {
    id,
    kind: "article_deflection",
    knowledgeBaseId: "public-kb",
    redirects: { helped: "complete", notHelped: "complete", noArticles: "complete" },
  };
}

export function requestFeedback(id: string): Definition {
  return {
    id,
    kind: "request_feedback",
    prompt: "How did we do?",
    redirects: { positive: "complete", negative: "complete" },
  };
}

/** A Premium web chat assistant using most interactions, that validates without a single problem. */
export function fullPremiumChatAssistant(): Definition {
  return assistant({
    dialogs: [
      welcome(
        [
          sendMessage("greeting", "Hi {{customer.name}}, welcome to {{company.name}}!"),
          textQuestion("topic", {
            understandIntents: true,
            saveTo: { klass: "conversation", attribute: "topic" },
          }),
          conditionalBranch("vip-check", [
            branch("vip", { interactions: [sendMessage("vip-hello", "Thanks for being a VIP.")] }, [
              condition("conversation", "priority", "greater_or_equal", 4),
            ]),
          ]),
          businessSchedule(
            "hours",
            { interactions: [sendMessage("open", "We are open.")] },
            { interactions: [sendMessage("closed", "We are closed.")], redirectTo: "complete" },
          ),
        ],
        navigationButtons("menu", ["orders", "help", "feedback"]),
      ),
      dialog(
        "orders",
        "Orders",
        [
          objectSelector("pick-order", "help", "help"),
          runWorkflow("order-status"),
          updateAttribute("set-priority", "conversation", "priority", 3),
        ],
        redirect("orders-end", "complete"),
      ),
      dialog("help", "Help", [buttonQuestion("need-more")], aiResponse("answer")),
      dialog("articles", "Articles", [], articleDeflection("deflect")),
      dialog("feedback", "Feedback", [], requestFeedback("rate")),
      dialog("goodbye", "Goodbye", [], endConversation("bye")),
      complete(),
    ],
    intents: [
      { intent: "track_order", dialogId: "orders" },
      { intent: "read_articles", dialogId: "articles" },
      { intent: "say_goodbye", dialogId: "goodbye" },
    ],
  });
}

/** The problems of one code, the usual thing a test looks at. */
export function problemsCoded(
  definition: unknown,
  code: ProblemCode,
  options: ValidationOptions = {},
): Problem[] {
  return validateAssistant(definition, options).problems.filter((problem) => problem.code === code);
}
