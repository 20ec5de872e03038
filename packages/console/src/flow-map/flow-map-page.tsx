/** Placeholder: replaced by the page's own work. */
export function FlowMapPage() {
  return <p>FlowMapPage</p>;
}
