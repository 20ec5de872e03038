/** Placeholder: replaced by the page's own work. */
export function AssistantSettingsPage() {
  return <p>AssistantSettingsPage</p>;
}
