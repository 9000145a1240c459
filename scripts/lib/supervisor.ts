import { spawn, type ChildProcess } from 'node:child_process';

export interface ChildSpec {
  /** As the log names it: `Strapi`, `The site server`. */
  name: string;
  command: string;
  args: string[];
  cwd?: string;
  env?: NodeJS.ProcessEnv;
  /** Whether the child serves yet; polled after each start. */
  ready: () => Promise<boolean>;
  /** How long a start may take before it counts as a crash. */
  startTimeoutMs?: number;
  /** Pass the child's output through (prefixed with its name) instead of keeping it for the crash report only. */
  echo?: boolean;
}

export interface RestartPolicy {
  /** Wait before the nth restart in a row: `backoffMs * 2^(n-1)`, at most `maxBackoffMs`. */
  backoffMs: number;
  maxBackoffMs: number;
  /** More crashes than this within `windowMs` and the child is left stopped. */
  maxCrashes: number;
  windowMs: number;
}

export const DEFAULT_POLICY: RestartPolicy = { backoffMs: 1000, maxBackoffMs: 30_000, maxCrashes: 5, windowMs: 5 * 60_000 };

export type ChildState = 'starting' | 'running' | 'waiting to restart' | 'given up' | 'stopped';

interface Child {
  spec: ChildSpec;
  state: ChildState;
  process?: ChildProcess;
  output: string;
  /** When it crashed, within the policy's window. */
  crashes: number[];
  /** Why a start was abandoned (it did not answer in time), reported instead of the signal that ended it. */
  abandoned?: string;
  restartTimer?: NodeJS.Timeout;
  /** Set once it has served: only then is a crash restarted (a first start that fails is the caller's to report). */
  served: boolean;
}

const tail = (output: string, lines = 30) => output.trimEnd().split('\n').slice(-lines).join('\n');
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Whether the child says it is ready, within `ms` (a hung check counts as not ready). */
function readyWithin(ready: () => Promise<boolean>, ms: number): Promise<boolean> {
  let timer: NodeJS.Timeout | undefined;
  const late = new Promise<boolean>((resolve) => (timer = setTimeout(() => resolve(false), ms)));
  return Promise.race([ready().catch(() => false), late]).finally(() => clearTimeout(timer));
}

/** Signals a child and everything it started (each child leads its own process group). */
function signalGroup(child: ChildProcess, signal: NodeJS.Signals) {
  if (!child.pid) return;
  try {
    process.kill(-child.pid, signal);
  } catch {
    // the group is gone already
  }
}

/**
 * Runs long-lived children (Strapi, the site server) and keeps them up: a child that stops on
 * its own is reported with its last lines and restarted after a growing wait, unless it crashed
 * too often lately; the others never notice. `stop()` ends them all.
 */
export class Supervisor {
  private readonly children = new Map<string, Child>();
  private stopping = false;
  // If this process ends without stop(), its children end with it rather than hold their ports.
  private readonly onExit = () => this.children.forEach((child) => child.process && signalGroup(child.process, 'SIGTERM'));

  constructor(
    specs: ChildSpec[],
    private readonly policy: RestartPolicy = DEFAULT_POLICY,
    private readonly log: (message: string) => void = (message) => console.error(message),
  ) {
    for (const spec of specs) this.children.set(spec.name, { spec, state: 'stopped', output: '', crashes: [], served: false });
    process.on('exit', this.onExit);
  }

  /** Starts a child and resolves once it serves; rejects with its output if it cannot. */
  async start(name: string): Promise<void> {
    await this.launch(this.child(name));
  }

  state(name: string): ChildState {
    return this.child(name).state;
  }

  pid(name: string): number | undefined {
    return this.child(name).process?.pid;
  }

  /** What the running child printed since it started. */
  logs(name: string): string {
    return this.child(name).output;
  }

  /** Ends every child (SIGTERM, then SIGKILL after `graceMs`) and restarts none. */
  async stop(graceMs = 10_000): Promise<void> {
    this.stopping = true;
    process.off('exit', this.onExit);
    await Promise.all(
      [...this.children.values()].map(async (child) => {
        clearTimeout(child.restartTimer);
        const running = child.process;
        if (running && running.exitCode === null && running.signalCode === null) {
          const exited = new Promise((resolve) => running.once('exit', resolve));
          signalGroup(running, 'SIGTERM');
          const killer = setTimeout(() => signalGroup(running, 'SIGKILL'), graceMs);
          await exited;
          clearTimeout(killer);
        }
        child.state = 'stopped';
      }),
    );
  }

  private child(name: string): Child {
    const child = this.children.get(name);
    if (!child) throw new Error(`no child named ${name}`);
    return child;
  }

  private async launch(child: Child): Promise<void> {
    const { spec } = child;
    const startTimeoutMs = spec.startTimeoutMs ?? 60_000;
    child.state = 'starting';
    child.output = '';
    child.abandoned = undefined;
    // Its own process group: Ctrl-C reaches this supervisor only, which then stops the children in order.
    const running = spawn(spec.command, spec.args, { cwd: spec.cwd, env: spec.env ?? process.env, detached: true, stdio: ['ignore', 'pipe', 'pipe'] });
    child.process = running;
    let partial = '';
    const collect = (chunk: Buffer) => {
      const text = chunk.toString();
      child.output = (child.output + text).slice(-200_000);
      if (!spec.echo) return;
      const lines = (partial + text).split('\n');
      partial = lines.pop()!;
      for (const line of lines) process.stderr.write(`[${spec.name}] ${line}\n`);
    };
    running.stdout!.on('data', collect);
    running.stderr!.on('data', collect);

    let ended: string | undefined;
    const finished = new Promise<void>((resolve) => {
      const end = (reason: string) => {
        if (ended) return;
        ended = reason;
        resolve();
        if (spec.echo && partial) process.stderr.write(`[${spec.name}] ${partial}\n`);
        // What it started may outlive it and hold its port: end them before a restart.
        signalGroup(running, 'SIGKILL');
        if (!this.stopping && child.process === running && child.served) this.crashed(child, child.abandoned ?? reason);
      };
      running.once('exit', (code, signal) => end(signal ? `was killed by ${signal}` : `exited with code ${code}`));
      running.once('error', (error) => end(`could not run: ${error.message}`));
    });

    const deadline = Date.now() + startTimeoutMs;
    while (!ended) {
      const answering = await readyWithin(spec.ready, 5000);
      if (answering && !ended) break;
      if (Date.now() > deadline && !ended) {
        child.abandoned = `did not answer within ${startTimeoutMs / 1000} s`;
        signalGroup(running, 'SIGKILL');
        await finished;
      }
      await sleep(100);
    }
    if (ended) {
      // A restart that fails was reported and counted by `end`; a first start that fails is the caller's to report.
      if (!child.served) child.state = 'stopped';
      throw new Error(`${spec.name} ${child.abandoned ?? ended} while starting. Its last lines:\n${tail(child.output) || '(none)'}`);
    }
    child.state = 'running';
    child.served = true;
  }

  private crashed(child: Child, reason: string) {
    const { name } = child.spec;
    const now = Date.now();
    child.crashes = [...child.crashes.filter((at) => now - at < this.policy.windowMs), now];
    this.log(`${name} ${reason}. Its last lines:\n${tail(child.output) || '(none)'}`);
    const others = [...this.children.values()].filter((other) => other !== child && other.state === 'running').map((other) => other.spec.name);
    if (child.crashes.length > this.policy.maxCrashes) {
      child.state = 'given up';
      this.log(`${name} crashed ${child.crashes.length} times within ${this.policy.windowMs / 1000} s: it is not restarted again.` +
        `${others.length ? ` ${others.join(' and ')} keep${others.length > 1 ? '' : 's'} running.` : ''} Fix the cause and start again.`);
      return;
    }
    const waitMs = Math.min(this.policy.backoffMs * 2 ** (child.crashes.length - 1), this.policy.maxBackoffMs);
    this.log(`Restarting ${name} in ${waitMs / 1000} s (crash ${child.crashes.length} of at most ${this.policy.maxCrashes} within ${this.policy.windowMs / 1000} s).`);
    child.state = 'waiting to restart';
    child.restartTimer = setTimeout(() => {
      if (this.stopping) return;
      this.launch(child).then(
        () => this.log(`${name} is back.`),
        () => undefined, // its exit was reported and counted as a crash
      );
    }, waitMs);
  }
}
