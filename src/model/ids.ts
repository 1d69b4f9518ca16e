/**
 * Row ids: `r1`, `r2`, ... per model instance. Deterministic so tests and snapshots are stable,
 * and never handed out twice, so an error or a DOM node keyed by an id can never latch onto a
 * different row that happens to be created later.
 */
export class IdSource {
  private last = 0;

  next(): string {
    this.last += 1;
    return `r${this.last}`;
  }
}
