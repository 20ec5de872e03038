/** Placeholder: replaced by the page's own work. */
export function AssistantsTab() {
  return <p>AssistantsTab</p>;
}
