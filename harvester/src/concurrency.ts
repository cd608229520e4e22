/**
 * Runs `task(0)` … `task(count - 1)`, at most `lanes` at a time, each lane taking the next index when its
 * task settles. Resolves when all are done; rejects with the first failure.
 */
export async function forEachConcurrently(count: number, lanes: number, task: (index: number) => Promise<void>): Promise<void> {
  let next = 0;
  const lane = async () => {
    while (next < count) await task(next++);
  };
  await Promise.all(Array.from({ length: Math.max(1, Math.min(lanes, count)) }, lane));
}
