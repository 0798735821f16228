/**
 * Bytes written to disk per idle poll cycle: 100 pinned tasks against the simulator, on a fake
 * clock, the real file store; after the baseline, 60 poll intervals in which nothing changes.
 */
import { makeTask } from '../test/support/makeTask.ts';
import { startHarness } from '../test/support/harness.ts';

export async function measureIdleWrites(): Promise<{ cycles: number; bytesPerCycle: number; writesPerCycle: number }> {
  const h = await startHarness();
  try {
    for (let id = 1; id <= 100; id++) h.simulator.setTask(makeTask({ task_id: id }));
    await h.app.pin(Array.from({ length: 100 }, (_, i) => i + 1).join(' '));
    await h.run(5 * 60_000);
    const bytes = h.store.bytesWritten;
    const writes = h.store.writes;
    const cycles = 60;
    await h.run(cycles * 30_000);
    return { cycles, bytesPerCycle: (h.store.bytesWritten - bytes) / cycles, writesPerCycle: (h.store.writes - writes) / cycles };
  } finally {
    await h.close();
  }
}
