/**
 * Runs a pass every `intervalMs`, never two at once (a pass still running when the next is due is waited for, not
 * doubled), and does not keep the process alive. What the event log's deliverers (webhooks, NATS) poll with.
 */
export class PollLoop {
  private timer: NodeJS.Timeout | undefined;
  private running: Promise<void> | null = null;

  constructor(private readonly pass: () => Promise<void>, private readonly intervalMs: number) {}

  start(): void {
    this.timer = setInterval(() => { this.running ??= this.pass().finally(() => { this.running = null; }); }, this.intervalMs);
    this.timer.unref();
  }

  /** Stops the timer and waits for a pass under way. */
  async stop(): Promise<void> {
    clearInterval(this.timer);
    await this.running;
  }
}
