/** Placeholder: replaced by the page's own work. */
export function RulesTab() {
  return <p>RulesTab</p>;
}
