import { Select, SimpleGrid, TextInput } from "@mantine/core";
import type { Channel } from "@parley/model";
import { useBrands } from "../api/organization-data.ts";
import { strings } from "../strings/index.ts";
import { channelName, channelOptions } from "./channel-names.ts";
import { isPublished, type RuleInput, useAllAssistants, usePublishedDialogs } from "./rules-api.ts";

const text = strings.rules.form;
const allBrandsValue = "all";
// Not a dialog id (ids cannot hold ":"), so it never collides with a dialog named "welcome".
const welcomeValue = ":first";

/** Channels whose conversations arrive at a phone number or a WhatsApp sender (as the server checks). */
const phoneNumberChannels: readonly Channel[] = ["sms", "voice", "whatsapp", "twilio_whatsapp"];
const whatsappIdChannels: readonly Channel[] = ["whatsapp", "messagebird_whatsapp"];

export interface RuleFieldProps {
  input: RuleInput;
  update: (change: Partial<RuleInput>) => void;
  problemAt: (pointer: string) => string | undefined;
}

/**
 * What the rule starts (spec 06, "Create a rule"): its name, the channel, the brand, the published
 * assistant and the dialog it starts with, and for SMS and WhatsApp the number or sender.
 */
export function RuleTargetFields({ input, update, problemAt }: RuleFieldProps) {
  const brands = useBrands();
  const assistants = useAllAssistants();
  const published = (assistants.data ?? []).filter(
    (assistant) => assistant.channel === input.channel && isPublished(assistant),
  );
  const chosen = assistants.data?.find((assistant) => assistant.id === input.assistantId);
  const dialogs = usePublishedDialogs(chosen?.id, chosen?.liveVersion);
  const assistantOptions = published.map((assistant) => ({
    value: assistant.id,
    label: assistant.internalName,
  }));
  if (chosen && !published.some((assistant) => assistant.id === chosen.id)) {
    assistantOptions.push({
      value: chosen.id,
      label: strings.rules.defaults.unpublished(chosen.internalName),
    });
  }
  const dialogOptions = [
    { value: welcomeValue, label: text.firstDialog(dialogs.data?.[0]?.name) },
    ...(dialogs.data ?? []).map((dialog) => ({ value: dialog.id, label: dialog.name })),
  ];
  if (input.startDialogId && !dialogs.data?.some((dialog) => dialog.id === input.startDialogId)) {
    dialogOptions.push({ value: input.startDialogId, label: input.startDialogId });
  }

  const changeChannel = (channel: Channel) => {
    const keepsAssistant = chosen?.channel === channel;
    update({
      channel,
      ...(keepsAssistant ? {} : { assistantId: "", startDialogId: null }),
      // Fields the new channel does not have would only be refused by the server.
      ...(channel === "chat" ? {} : { proactive: false }),
      ...(phoneNumberChannels.includes(channel) ? {} : { phoneNumber: null }),
      ...(whatsappIdChannels.includes(channel) ? {} : { whatsappId: null }),
    });
  };

  return (
    <>
      <TextInput
        label={text.name}
        placeholder={text.namePlaceholder}
        required
        maxLength={100}
        value={input.name}
        onChange={(event) => update({ name: event.currentTarget.value })}
        error={problemAt("/name")}
        data-pointer="/name"
        data-autofocus
      />
      <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="md">
        <Select
          label={text.channel}
          data={channelOptions}
          value={input.channel}
          allowDeselect={false}
          onChange={(value) => value && changeChannel(value as Channel)}
          error={problemAt("/channel")}
          data-pointer="/channel"
        />
        <Select
          label={text.brand}
          data={[
            { value: allBrandsValue, label: text.allBrands },
            ...(brands.data ?? []).map((brand) => ({ value: brand.id, label: brand.name })),
          ]}
          value={input.brandId ?? allBrandsValue}
          allowDeselect={false}
          onChange={(value) => update({ brandId: value === allBrandsValue ? null : value })}
          error={problemAt("/brandId")}
          data-pointer="/brandId"
        />
      </SimpleGrid>
      <Select
        label={text.assistant}
        description={text.assistantDescription}
        placeholder={
          published.length === 0 ? text.noPublished(channelName(input.channel)) : text.assistantPlaceholder
        }
        required
        searchable
        data={assistantOptions}
        value={input.assistantId || null}
        allowDeselect={false}
        onChange={(value) => value && update({ assistantId: value, startDialogId: null })}
        error={problemAt("/assistantId")}
        data-pointer="/assistantId"
      />
      <Select
        label={text.dialog}
        description={text.dialogDescription}
        data={dialogOptions}
        value={input.startDialogId ?? welcomeValue}
        allowDeselect={false}
        disabled={!chosen}
        placeholder={dialogs.isFetching ? text.loadingDialogs : undefined}
        onChange={(value) => update({ startDialogId: value === welcomeValue ? null : value })}
        error={problemAt("/startDialogId")}
        data-pointer="/startDialogId"
      />
      {(phoneNumberChannels.includes(input.channel) || input.phoneNumber !== null) && (
        <TextInput
          label={text.phone}
          description={text.phoneDescription}
          placeholder="+19191234567"
          value={input.phoneNumber ?? ""}
          onChange={(event) => update({ phoneNumber: event.currentTarget.value.trim() || null })}
          error={problemAt("/phoneNumber")}
          data-pointer="/phoneNumber"
        />
      )}
      {(whatsappIdChannels.includes(input.channel) || input.whatsappId !== null) && (
        <TextInput
          label={text.whatsappId}
          description={text.whatsappIdDescription}
          value={input.whatsappId ?? ""}
          onChange={(event) => update({ whatsappId: event.currentTarget.value.trim() || null })}
          error={problemAt("/whatsappId")}
          data-pointer="/whatsappId"
        />
      )}
    </>
  );
}
