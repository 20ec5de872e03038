/** Placeholder: replaced by the page's own work. */
export function DialogsWorkspace() {
  return <p>DialogsWorkspace</p>;
}
