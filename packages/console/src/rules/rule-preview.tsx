import {
  Box,
  Button,
  Divider,
  NumberInput,
  Paper,
  Select,
  SimpleGrid,
  Stack,
  Switch,
  Text,
  TextInput,
  Title,
} from "@mantine/core";
import type { Channel } from "@parley/model";
import { useMutation } from "@tanstack/react-query";
import { useMemo, useState } from "react";
import { ApiError, api } from "../api/client.ts";
import type { Klass, Named } from "../api/organization-data.ts";
import { fieldError } from "../components/problems.ts";
import { strings } from "../strings/index.ts";
import { PreviewResult } from "./preview-result.tsx";
import type { EvaluationRequest, EvaluationResult, Rule } from "./rules-api.ts";
import {
  type AttributeScope,
  attributeKey,
  attributeScopes,
  splitKey,
  type VisitorAttributes,
  VisitorAttributesInputs,
  type VisitorValue,
} from "./visitor-attributes.tsx";

const text = strings.rules.preview;
const sessionText = strings.rules.fields.session;
const noBrandValue = "none";
const phoneNumberChannels: readonly Channel[] = ["sms", "voice", "whatsapp", "twilio_whatsapp"];
const whatsappIdChannels: readonly Channel[] = ["whatsapp", "messagebird_whatsapp"];

interface Session {
  currentPage: string;
  previousPage: string;
  language: string;
  timeOnPage: number | "";
  userAgent: string;
}
const emptySession: Session = {
  currentPage: "",
  previousPage: "",
  language: "",
  timeOnPage: "",
  userAgent: "",
};

interface Visitor {
  brandId: string | null | undefined;
  proactive: boolean;
  session: Session;
  authenticated: boolean;
  messageText: string;
  attributes: VisitorAttributes;
  addedKeys: string[];
  removedKeys: string[];
  phoneNumber: string;
  whatsappId: string;
}

function isBlank(value: VisitorValue): boolean {
  return value === null || value === "" || (Array.isArray(value) && value.length === 0);
}

function requestFor(
  channel: Channel,
  visitor: Visitor,
  brandId: string | null,
  keys: string[],
): EvaluationRequest {
  const request: EvaluationRequest = { channel, proactive: channel === "chat" && visitor.proactive };
  if (brandId) request.brandId = brandId;
  if (channel === "chat") {
    const session: NonNullable<EvaluationRequest["session"]> = {};
    for (const name of ["currentPage", "previousPage", "language", "userAgent"] as const) {
      if (visitor.session[name].trim() !== "") session[name] = visitor.session[name].trim();
    }
    if (visitor.session.timeOnPage !== "") session.timeOnPage = visitor.session.timeOnPage;
    request.session = session;
  }
  const records: Record<AttributeScope, Record<string, VisitorValue>> = {
    customer: {},
    company: {},
    conversation: {},
  };
  for (const key of keys) {
    const value = visitor.attributes[key] ?? null;
    if (isBlank(value)) continue;
    const { scope, attribute } = splitKey(key);
    records[scope][attribute] = value;
  }
  request.customer = { authenticated: visitor.authenticated, attributes: records.customer };
  request.company = { attributes: records.company };
  request.conversation = { attributes: records.conversation };
  if (visitor.messageText.trim() !== "") request.message = { text: visitor.messageText.trim() };
  if (phoneNumberChannels.includes(channel) && visitor.phoneNumber.trim())
    request.phoneNumber = visitor.phoneNumber.trim();
  if (whatsappIdChannels.includes(channel) && visitor.whatsappId.trim())
    request.whatsappId = visitor.whatsappId.trim();
  return request;
}

interface Answer {
  /** The request answered, to tell when the visitor described has changed since. */
  request: string;
  result: EvaluationResult;
  brandId: string | null;
  proactive: boolean;
}

interface RulePreviewProps {
  channel: Channel;
  /** The channel's rules, in order: their attributes are the ones the visitor is asked about. */
  rules: Rule[];
  brands: readonly Named[];
  klasses: readonly Klass[];
  /** Beside the rules, the pane stays in view: its fields scroll and Check with its answer stay put. */
  sticky: boolean;
}

/** "Which assistant would this visitor get?": describe a visitor, and the server says (POST /v1/rules/evaluate). */
export function RulePreview({ channel, rules, brands, klasses, sticky }: RulePreviewProps) {
  const [visitor, setVisitor] = useState<Visitor>({
    brandId: undefined,
    proactive: false,
    session: emptySession,
    authenticated: false,
    messageText: "",
    attributes: {},
    addedKeys: [],
    removedKeys: [],
    phoneNumber: "",
    whatsappId: "",
  });
  const [answered, setAnswered] = useState<Answer | null>(null);
  const brandId = visitor.brandId === undefined ? (brands[0]?.id ?? null) : visitor.brandId;

  const keys = useMemo(() => {
    const used = rules.flatMap((rule) =>
      rule.audience.conditions
        .filter((condition) => (attributeScopes as readonly string[]).includes(condition.scope))
        .filter((condition) => !(condition.scope === "customer" && condition.attribute === "authenticated"))
        .map((condition) => attributeKey(condition.scope, condition.attribute)),
    );
    return [...new Set([...used, ...visitor.addedKeys])].filter((key) => !visitor.removedKeys.includes(key));
  }, [rules, visitor.addedKeys, visitor.removedKeys]);

  const request = requestFor(channel, visitor, brandId, keys);
  const requestText = JSON.stringify(request);
  const evaluate = useMutation({
    mutationFn: (body: EvaluationRequest) => api.post<EvaluationResult>("/v1/rules/evaluate", body),
    onSuccess: (result, body) =>
      setAnswered({
        request: JSON.stringify(body),
        result,
        brandId: body.brandId ?? null,
        proactive: body.proactive,
      }),
  });
  const error = evaluate.error instanceof ApiError ? evaluate.error : null;
  const change = (patch: Partial<Visitor>) => setVisitor((current) => ({ ...current, ...patch }));
  const changeSession = (patch: Partial<Session>) => change({ session: { ...visitor.session, ...patch } });

  return (
    <Paper
      withBorder
      radius="md"
      component="section"
      aria-labelledby="rule-preview-title"
      style={
        sticky ? { display: "flex", flexDirection: "column", maxHeight: "calc(100dvh - 88px)" } : undefined
      }
    >
      <Box p="md" pb="xs">
        <Title order={2} size="h4" id="rule-preview-title">
          {text.title}
        </Title>
        <Text size="sm" c="dimmed">
          {text.description}
        </Text>
      </Box>
      <form
        noValidate
        style={{ display: "flex", flexDirection: "column", minHeight: 0, flex: 1 }}
        onSubmit={(event) => {
          event.preventDefault();
          evaluate.mutate(request);
        }}
      >
        <Stack
          gap="sm"
          px="md"
          py="xs"
          style={sticky ? { overflowY: "auto", minHeight: 0, flex: 1 } : undefined}
        >
          <Select
            size="xs"
            label={text.brand}
            data={[
              ...brands.map((brand) => ({ value: brand.id, label: brand.name })),
              { value: noBrandValue, label: text.noBrand },
            ]}
            value={brandId ?? noBrandValue}
            allowDeselect={false}
            onChange={(value) => change({ brandId: value === noBrandValue ? null : value })}
            error={fieldError(error, "/brandId")}
          />
          {channel === "chat" && (
            <>
              <Switch
                size="sm"
                label={text.proactive}
                description={text.proactiveDescription}
                checked={visitor.proactive}
                onChange={(event) => change({ proactive: event.currentTarget.checked })}
              />
              <Divider label={text.sessionSection} labelPosition="left" />
              <TextInput
                size="xs"
                label={sessionText.currentPage}
                placeholder="https://shop.example/checkout"
                value={visitor.session.currentPage}
                onChange={(event) => changeSession({ currentPage: event.currentTarget.value })}
                error={fieldError(error, "/session/currentPage")}
              />
              <SimpleGrid cols={2} spacing="xs">
                <NumberInput
                  size="xs"
                  label={sessionText.timeOnPage}
                  min={0}
                  value={visitor.session.timeOnPage}
                  onChange={(value) => changeSession({ timeOnPage: typeof value === "number" ? value : "" })}
                  error={fieldError(error, "/session/timeOnPage")}
                />
                <TextInput
                  size="xs"
                  label={sessionText.language}
                  placeholder="en"
                  value={visitor.session.language}
                  onChange={(event) => changeSession({ language: event.currentTarget.value })}
                  error={fieldError(error, "/session/language")}
                />
              </SimpleGrid>
              <TextInput
                size="xs"
                label={sessionText.previousPage}
                value={visitor.session.previousPage}
                onChange={(event) => changeSession({ previousPage: event.currentTarget.value })}
                error={fieldError(error, "/session/previousPage")}
              />
              <TextInput
                size="xs"
                label={sessionText.userAgent}
                value={visitor.session.userAgent}
                onChange={(event) => changeSession({ userAgent: event.currentTarget.value })}
                error={fieldError(error, "/session/userAgent")}
              />
            </>
          )}
          {phoneNumberChannels.includes(channel) && (
            <TextInput
              size="xs"
              label={text.phone}
              placeholder="+19191234567"
              value={visitor.phoneNumber}
              onChange={(event) => change({ phoneNumber: event.currentTarget.value })}
              error={fieldError(error, "/phoneNumber")}
            />
          )}
          {whatsappIdChannels.includes(channel) && (
            <TextInput
              size="xs"
              label={text.whatsappId}
              value={visitor.whatsappId}
              onChange={(event) => change({ whatsappId: event.currentTarget.value })}
              error={fieldError(error, "/whatsappId")}
            />
          )}
          <Divider label={text.customerSection} labelPosition="left" />
          <Switch
            size="sm"
            label={text.authenticated}
            checked={visitor.authenticated}
            onChange={(event) => change({ authenticated: event.currentTarget.checked })}
          />
          <VisitorAttributesInputs
            keys={keys}
            values={visitor.attributes}
            klasses={klasses}
            onChange={(key, value) => change({ attributes: { ...visitor.attributes, [key]: value } })}
            onAdd={(key) =>
              change({
                addedKeys: [...visitor.addedKeys, key],
                removedKeys: visitor.removedKeys.filter((removed) => removed !== key),
              })
            }
            onRemove={(key) => change({ removedKeys: [...visitor.removedKeys, key] })}
          />
          <Divider label={text.messageSection} labelPosition="left" />
          <TextInput
            size="xs"
            label={text.messageText}
            value={visitor.messageText}
            onChange={(event) => change({ messageText: event.currentTarget.value })}
            error={fieldError(error, "/message/text")}
          />
        </Stack>
        <Stack gap="sm" p="md" pt="sm" style={{ borderTop: "1px solid var(--mantine-color-gray-3)" }}>
          <Button type="submit" loading={evaluate.isPending}>
            {text.check}
          </Button>
          <PreviewResult
            channel={channel}
            rules={rules}
            brands={brands}
            klasses={klasses}
            answered={answered}
            stale={answered !== null && answered.request !== requestText}
            error={evaluate.error}
          />
        </Stack>
      </form>
    </Paper>
  );
}
