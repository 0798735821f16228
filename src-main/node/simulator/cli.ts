/**
 * Runs the simulated Chamelio API with the demo tasks:
 *
 *   node src-main/node/simulator/cli.ts --port 8787 [--rate-limit 120] [--evolve-ms 20000]
 *        [--api-key ca_...] [--no-demo] [--no-rate-limit]
 *
 * Prints exactly one JSON line on stdout, {"url":…,"apiKey":…,"taskIds":[…]}, so a script or test
 * can read where it listens and with which key; then runs until SIGINT or SIGTERM.
 */
import { parseArgs } from 'node:util';
import { ChamelioSimulator } from './ChamelioSimulator.ts';
import { isApiKeyShape } from '../../core/chamelio/apiKey.ts';

const USAGE =
  'usage: cli.ts [--port N] [--rate-limit N] [--evolve-ms N] [--api-key ca_...] [--no-demo] [--no-rate-limit]';

function fail(message: string): never {
  process.stderr.write(`${message}\n${USAGE}\n`);
  process.exit(2);
}

function wholeNumber(text: string | undefined, name: string, fallback: number): number {
  if (text === undefined) return fallback;
  if (!/^\d{1,9}$/.test(text)) fail(`--${name} must be a whole number, got ${JSON.stringify(text)}`);
  return Number(text);
}

let values: ReturnType<typeof parse>['values'];
function parse() {
  return parseArgs({
    options: {
      port: { type: 'string' },
      'rate-limit': { type: 'string' },
      'evolve-ms': { type: 'string' },
      'api-key': { type: 'string' },
      'no-demo': { type: 'boolean' },
      'no-rate-limit': { type: 'boolean' },
    },
    strict: true,
  });
}
try {
  values = parse().values;
} catch (error) {
  fail(error instanceof Error ? error.message : String(error));
}

const port = wholeNumber(values.port, 'port', 0);
if (port > 65535) fail('--port must be at most 65535');
const apiKey = values['api-key'];
if (apiKey !== undefined && !isApiKeyShape(apiKey)) fail('--api-key must look like ca_<base64url>');

const simulator = await ChamelioSimulator.start({
  port,
  ...(apiKey === undefined ? {} : { apiKey }),
  rateLimitPerMinute: wholeNumber(values['rate-limit'], 'rate-limit', 120),
  enforceRateLimit: values['no-rate-limit'] !== true,
  evolveEveryMs: wholeNumber(values['evolve-ms'], 'evolve-ms', 0),
  demo: values['no-demo'] !== true,
}).catch((error: unknown) => fail(`could not start: ${error instanceof Error ? error.message : String(error)}`));

process.stdout.write(`${JSON.stringify({ url: simulator.url, apiKey: simulator.apiKey, taskIds: simulator.taskIds() })}\n`);

// The evolve timer is unref'd; the listening server keeps the process alive until a signal.
const stop = (): void => {
  void simulator.close().then(() => process.exit(0));
};
process.once('SIGINT', stop);
process.once('SIGTERM', stop);
