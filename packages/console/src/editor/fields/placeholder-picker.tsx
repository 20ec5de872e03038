import { ActionIcon, Combobox, Group, Text, useCombobox } from "@mantine/core";
import { standardAttributes } from "@parley/model";
import { IconBraces } from "@tabler/icons-react";
import { useMemo, useState } from "react";
import { useKlasses, useSnippets } from "../../api/organization-data.ts";
import { strings } from "../../strings/index.ts";
import { placeholderFor } from "./insert-at-cursor.ts";

const text = strings.interactions.fields;

interface PlaceholderGroup {
  label: string;
  items: { placeholder: string; label: string }[];
}

/** The roots a text template may use (text-template.ts), with the organization's fields and snippets. */
function usePlaceholderGroups(): PlaceholderGroup[] {
  const klasses = useKlasses();
  const snippets = useSnippets();
  return useMemo(() => {
    const groups: PlaceholderGroup[] = [];
    for (const root of ["customer", "conversation", "company"]) {
      const klass = klasses.data?.find((candidate) => candidate.name === root);
      const attributes =
        klass?.attributes ??
        Object.keys(standardAttributes[root as "customer"]).map((name) => ({ name, label: name }));
      groups.push({
        label: klass?.label ?? text.placeholderGroups[root] ?? root,
        items: attributes.map((attribute) => ({
          placeholder: placeholderFor(root, attribute.name),
          label: attribute.label,
        })),
      });
    }
    groups.push({
      label: text.placeholderGroups.session ?? "session",
      items: Object.keys(standardAttributes.session).map((name) => ({
        placeholder: placeholderFor("session", name),
        label: strings.interactions.scopeAttributes.session?.[name] ?? name,
      })),
    });
    groups.push({
      label: text.placeholderGroups.snippet ?? "snippet",
      items: (snippets.data ?? []).map((snippet) => ({
        placeholder: placeholderFor("snippet", snippet.name),
        label: snippet.name,
      })),
    });
    return groups;
  }, [klasses.data, snippets.data]);
}

function matches(item: { placeholder: string; label: string }, group: string, search: string): boolean {
  const wanted = search.trim().toLowerCase();
  if (wanted === "") return true;
  return [item.label, item.placeholder, group].some((part) => part.toLowerCase().includes(wanted));
}

/** "Insert placeholder": a searchable list of attributes and snippets; picking one inserts it. */
export function PlaceholderPicker({
  onPick,
  disabled,
}: {
  onPick(placeholder: string): void;
  disabled: boolean;
}) {
  const [search, setSearch] = useState("");
  const combobox = useCombobox({
    onDropdownClose: () => {
      combobox.resetSelectedOption();
      setSearch("");
    },
    onDropdownOpen: () => combobox.focusSearchInput(),
  });
  const groups = usePlaceholderGroups()
    .map((group) => ({ ...group, items: group.items.filter((item) => matches(item, group.label, search)) }))
    .filter((group) => group.items.length > 0);
  return (
    <Combobox
      store={combobox}
      width={340}
      position="bottom-end"
      withinPortal
      onOptionSubmit={(placeholder) => {
        onPick(placeholder);
        combobox.closeDropdown();
      }}
    >
      <Combobox.Target withAriaAttributes={false}>
        <ActionIcon
          variant="subtle"
          color="gray"
          size="sm"
          aria-label={text.insertPlaceholder}
          title={text.insertPlaceholder}
          aria-haspopup="listbox"
          aria-expanded={combobox.dropdownOpened}
          disabled={disabled}
          onClick={() => combobox.toggleDropdown()}
        >
          <IconBraces size={16} aria-hidden />
        </ActionIcon>
      </Combobox.Target>
      <Combobox.Dropdown>
        <Combobox.Search
          value={search}
          onChange={(event) => {
            setSearch(event.currentTarget.value);
            combobox.updateSelectedOptionIndex();
          }}
          placeholder={text.searchPlaceholders}
          aria-label={text.searchPlaceholders}
        />
        <Combobox.Options mah={280} style={{ overflowY: "auto" }} aria-label={text.insertPlaceholder}>
          {groups.length === 0 && <Combobox.Empty>{text.noPlaceholders}</Combobox.Empty>}
          {groups.map((group) => (
            <Combobox.Group key={group.label} label={group.label}>
              {group.items.map((item) => (
                <Combobox.Option key={item.placeholder} value={item.placeholder}>
                  <Group justify="space-between" gap="xs" wrap="nowrap">
                    <Text size="sm">{item.label}</Text>
                    <Text size="xs" c="dimmed" ff="monospace">
                      {item.placeholder}
                    </Text>
                  </Group>
                </Combobox.Option>
              ))}
            </Combobox.Group>
          ))}
        </Combobox.Options>
      </Combobox.Dropdown>
    </Combobox>
  );
}
