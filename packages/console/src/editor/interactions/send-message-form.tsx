import { Group, Stack } from "@mantine/core";
import { attachmentMediaTypes, type SendMessage } from "@parley/model";
import { strings } from "../../strings/index.ts";
import { childPointer } from "../definition-pointer.ts";
import { useDraftEditor } from "../draft-editor.tsx";
import { SelectField, TextField } from "../fields/basic-fields.tsx";
import { RepeatedItems } from "../fields/repeated-items.tsx";
import { TextTemplateField } from "../fields/text-template-field.tsx";
import { bindFields } from "./form-helpers.tsx";
import type { InteractionFormProps } from "./interaction-form.tsx";

const text = strings.interactions.sendMessage;
const maxAttachments = 10;

/** Send a Message: the text, and on WhatsApp the attachments (JPEG, PNG, MP4; spec 04). */
export function SendMessageForm({
  interaction,
  pointer,
  update,
  readOnly,
}: InteractionFormProps<SendMessage>) {
  const { field } = bindFields(interaction, pointer, update, readOnly);
  const { definition } = useDraftEditor();
  const attachments = interaction.attachments ?? [];
  // Attachments travel on WhatsApp only; elsewhere the section shows only to remove ones already there.
  const showAttachments = definition.channel === "whatsapp" || attachments.length > 0;
  const attachmentsPointer = childPointer(pointer, "attachments");
  return (
    <Stack gap="sm">
      <TextTemplateField label={text.text} required {...field("text")} />
      {showAttachments && (
        <RepeatedItems
          items={attachments}
          pointer={attachmentsPointer}
          label={text.attachments}
          description={text.attachmentsHelp}
          itemName={text.attachment}
          addLabel={text.addAttachment}
          max={maxAttachments}
          readOnly={readOnly}
          itemKey={(_attachment, index) => String(index)}
          onAdd={() =>
            update((draft) => {
              draft.attachments = [
                ...(draft.attachments ?? []),
                { url: "https://", mediaType: "image/jpeg" },
              ];
            })
          }
          onRemove={(index) =>
            update((draft) => {
              draft.attachments?.splice(index, 1);
              if (draft.attachments?.length === 0) delete draft.attachments;
            })
          }
          renderItem={(attachment, index) => {
            const at = (field: string) => childPointer(attachmentsPointer, index, field);
            const change = (recipe: (target: NonNullable<SendMessage["attachments"]>[number]) => void) =>
              update((draft) => {
                const target = draft.attachments?.[index];
                if (target) recipe(target);
              });
            return (
              <Group gap="xs" align="flex-start" wrap="wrap">
                <TextField
                  label={text.url}
                  flex={2}
                  miw={220}
                  pointer={at("url")}
                  value={attachment.url}
                  onChange={(value) =>
                    change((target) => {
                      target.url = value;
                    })
                  }
                  readOnly={readOnly}
                  required
                />
                <SelectField
                  label={text.mediaType}
                  pointer={at("mediaType")}
                  value={attachment.mediaType}
                  data={attachmentMediaTypes.map((type) => ({
                    value: type,
                    label: text.mediaTypes[type] ?? type,
                  }))}
                  onChange={(value) =>
                    value &&
                    change((target) => {
                      target.mediaType = value as typeof target.mediaType;
                    })
                  }
                  readOnly={readOnly}
                  w={150}
                />
                <TextField
                  label={text.name}
                  flex={1}
                  miw={140}
                  pointer={at("name")}
                  value={attachment.name}
                  onChange={(value) =>
                    change((target) => {
                      if (value === "") delete target.name;
                      else target.name = value;
                    })
                  }
                  readOnly={readOnly}
                />
              </Group>
            );
          }}
        />
      )}
    </Stack>
  );
}
