import { spawn, type SpawnOptions } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';

/** Parent of each running process, from /proc (Linux). */
function parents(): Map<number, number> {
  const map = new Map<number, number>();
  for (const name of readdirSync('/proc')) {
    if (!/^\d+$/.test(name)) continue;
    try {
      // The command name may hold spaces and parentheses: fields start after the last ')'.
      const stat = readFileSync(`/proc/${name}/stat`, 'utf8');
      map.set(Number(name), Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]));
    } catch {
      // exited meanwhile
    }
  }
  return map;
}

/** Resident memory of a process and all its descendants, in bytes. */
export function treeRss(root: number): number {
  const parentOf = parents();
  const tree = new Set([root]);
  for (let grew = true; grew;) {
    grew = false;
    for (const [pid, parent] of parentOf) {
      if (tree.has(parent) && !tree.has(pid)) {
        tree.add(pid);
        grew = true;
      }
    }
  }
  let bytes = 0;
  for (const pid of tree) {
    try {
      const rss = /VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
      if (rss) bytes += Number(rss[1]) * 1024;
    } catch {
      // exited meanwhile
    }
  }
  return bytes;
}

export interface Measured {
  code: number | null;
  output: string;
  seconds: number;
  /** Highest resident memory of the whole process tree, sampled every 100 ms. */
  peakRssBytes: number;
}

/** Runs a command to its end, measuring wall time and the peak memory of its process tree. */
export function runMeasured(command: string, args: string[], options: SpawnOptions & { onLine?: (line: string) => void } = {}): Promise<Measured> {
  return new Promise((resolve, reject) => {
    const started = performance.now();
    const child = spawn(command, args, { ...options, stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    let peak = 0;
    const sample = () => {
      if (child.pid) peak = Math.max(peak, treeRss(child.pid));
    };
    const timer = setInterval(sample, 100);
    let partial = '';
    const collect = (chunk: Buffer) => {
      const text = chunk.toString();
      output = (output + text).slice(-2_000_000);
      if (!options.onLine) return;
      const lines = (partial + text).split('\n');
      partial = lines.pop() ?? '';
      lines.forEach(options.onLine);
    };
    child.stdout!.on('data', collect);
    child.stderr!.on('data', collect);
    child.on('error', (error) => (clearInterval(timer), reject(error)));
    child.on('exit', (code) => {
      clearInterval(timer);
      resolve({ code, output, seconds: (performance.now() - started) / 1000, peakRssBytes: peak });
    });
  });
}
