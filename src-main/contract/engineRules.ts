/**
 * The engine's defaults and display rules, for the renderer's specs and their fixtures
 * (src-renderer/testing/), which build snapshots and rows as the engine would send them. The shipped
 * renderer imports only types from contract, so it never reaches these: the tests may import
 * values from contract and nothing from core (eslint.config.js ROOMS, rendererTests).
 */
export { DEFAULT_SETTINGS } from '../core/app/Settings.ts';
export { isUserEmail, statusLabel } from '../core/notify/describeChange.ts';
export { displayTitle } from '../core/tasks/displayTitle.ts';
