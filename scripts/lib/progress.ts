/** One line per long step, with how long it took: what a newcomer watching `npm start` needs. */
export async function step<T>(label: string, work: () => Promise<T>): Promise<T> {
  const started = Date.now();
  process.stdout.write(`▸ ${label}…\n`);
  try {
    const result = await work();
    process.stdout.write(`  ✓ ${label} (${((Date.now() - started) / 1000).toFixed(1)} s)\n`);
    return result;
  } catch (error) {
    process.stdout.write(`  ✗ ${label} failed\n`);
    throw error;
  }
}
