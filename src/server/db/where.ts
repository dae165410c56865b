/**
 * A WHERE clause built from optional filters, keeping its positional parameters in step. Scope
 * conditions (`scopeCondition(actor, columns, where.params)`) bind into the same list.
 */
export class Where {
  readonly params: unknown[] = [];
  private readonly parts: string[] = [];

  bind(value: unknown): string {
    this.params.push(value);
    return `$${this.params.length}`;
  }

  and(condition: string): this {
    this.parts.push(condition);
    return this;
  }

  /** Adds the condition only when the filter was given; `sql` receives the value's placeholder. */
  when(value: unknown, sql: (placeholder: string) => string): this {
    if (value !== undefined && value !== null && value !== '') this.parts.push(sql(this.bind(value)));
    return this;
  }

  toString(): string {
    return this.parts.length > 0 ? this.parts.join(' AND ') : 'true';
  }
}
