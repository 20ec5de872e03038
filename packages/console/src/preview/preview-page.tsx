/** Placeholder: replaced by the page's own work. */
export function PreviewPage() {
  return <p>PreviewPage</p>;
}
