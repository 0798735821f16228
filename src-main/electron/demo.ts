/**
 * Demo mode: the built-in simulated Chamelio API, run inside main on 127.0.0.1, with demo tasks that
 * change every few seconds. This is the one import from electron/ into node/: the simulator is plain
 * Node code, loaded lazily so a normal run never loads it.
 */
import type { Logger } from '../core/app/ports.ts';

interface DemoSetupTarget {
  useDemo(demo: { apiBaseUrl: string; apiKey: string; userEmail: string; taskIds: number[] }): Promise<void>;
}

/** How often a demo task moves on, so notifications show up while someone is looking. */
const DEMO_EVOLVE_EVERY_MS = 20_000;

export class DemoRunner {
  private simulator: { close(): Promise<void> } | null = null;
  private readonly logger: Logger;

  constructor(logger: Logger) {
    this.logger = logger;
  }

  async start(engine: DemoSetupTarget): Promise<void> {
    const { ChamelioSimulator } = await import('../node/simulator/ChamelioSimulator.ts');
    const { demoTasks, DEMO_USER_EMAIL } = await import('../node/simulator/demoTasks.ts');
    await this.stop();
    const simulator = await ChamelioSimulator.start({ port: 0, demo: true, evolveEveryMs: DEMO_EVOLVE_EVERY_MS });
    this.simulator = simulator;
    this.logger.info('demo simulator started', { url: simulator.url });
    await engine.useDemo({
      apiBaseUrl: simulator.url,
      apiKey: simulator.apiKey,
      userEmail: DEMO_USER_EMAIL,
      taskIds: demoTasks(Date.now()).map((task) => task.task_id),
    });
  }

  async stop(): Promise<void> {
    const running = this.simulator;
    this.simulator = null;
    if (running) await running.close();
  }
}
