/**
 * What every turn reads and admins rarely change, kept per organization for a short
 * lifetime: each process reads it once per lifetime instead of once per turn. A change
 * reaches the other processes within that lifetime; the process that made it can
 * forget at once.
 */
export class OrganizationCache<Value> {
  private readonly entries = new Map<string, { value: Value; readAt: number }>();
  private readonly lifetimeMilliseconds: number;
  private readonly maximumOrganizations: number;

  constructor(lifetimeMilliseconds: number, maximumOrganizations = 1000) {
    this.lifetimeMilliseconds = lifetimeMilliseconds;
    this.maximumOrganizations = maximumOrganizations;
  }

  async get(organizationId: string, load: () => Promise<Value>): Promise<Value> {
    const cached = this.entries.get(organizationId);
    if (cached && performance.now() - cached.readAt < this.lifetimeMilliseconds) return cached.value;
    const value = await load();
    if (!cached && this.entries.size >= this.maximumOrganizations) {
      this.entries.delete(this.entries.keys().next().value as string);
    }
    this.entries.set(organizationId, { value, readAt: performance.now() });
    return value;
  }

  forget(organizationId: string): void {
    this.entries.delete(organizationId);
  }
}
