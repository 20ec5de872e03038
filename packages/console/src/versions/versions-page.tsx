/** Placeholder: replaced by the page's own work. */
export function VersionsPage() {
  return <p>VersionsPage</p>;
}
