/**
 * Turns a stream of "please rebuild" requests into as few builds as possible: requests are
 * gathered for `debounceMs`, one build runs at a time, and whatever arrives during a build
 * is gathered into exactly one follow-up build. A build that throws is handed to `failed`, never
 * dropped, and the queue goes on.
 */
export class BuildQueue {
  private reasons = new Set<string>();
  private timer?: NodeJS.Timeout;
  private running?: Promise<void>;
  private waiters: Array<() => void> = [];

  constructor(
    private readonly debounceMs: number,
    private readonly build: (reasons: string[]) => Promise<void>,
    private readonly failed: (error: unknown, reasons: string[]) => void,
  ) {}

  get state(): 'idle' | 'waiting' | 'building' {
    if (this.running) return 'building';
    return this.reasons.size ? 'waiting' : 'idle';
  }

  request(reason: string): void {
    this.reasons.add(reason);
    if (this.running) return; // picked up when the current build ends
    clearTimeout(this.timer);
    this.timer = setTimeout(() => void this.drain(), this.debounceMs);
  }

  /** Resolves once nothing is waiting or building. */
  idle(): Promise<void> {
    if (this.state === 'idle') return Promise.resolve();
    return new Promise((resolve) => this.waiters.push(resolve));
  }

  stop(): void {
    clearTimeout(this.timer);
    this.reasons.clear();
  }

  private async drain() {
    this.timer = undefined;
    while (this.reasons.size) {
      const reasons = [...this.reasons];
      this.reasons.clear();
      this.running = this.build(reasons).catch((error) => this.failed(error, reasons));
      await this.running;
      this.running = undefined;
    }
    for (const resolve of this.waiters.splice(0)) resolve();
  }
}
