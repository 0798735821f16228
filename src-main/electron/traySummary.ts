/**
 * The tray's words, composed here from the engine's TrayState parts: the tooltip, and the menu's
 * first line (SNI hosts often show no tooltip). The time of the last check changes with every poll,
 * so it is in the tooltip only: a menu rebuilt for it would close one the user has open.
 */
import type { TrayState } from '../core/app/TrayState.ts';
import { truncate } from '../core/base/truncate.ts';

export const PRODUCT_NAME = 'Chamelio Tray';
/** Windows cuts tray tooltips at 127 characters; keep every platform the same. */
export const MAX_TOOLTIP_LENGTH = 127;

interface TraySummary {
  tooltip: string;
  menuLine: string;
  /** Beside the icon where the OS shows a title (macOS): the needs-you count, or nothing. */
  title: string;
}

/** "10:42" in the user's locale. */
export const defaultFormatTime = (ms: number): string =>
  new Date(ms).toLocaleTimeString(undefined, { hour: '2-digit', minute: '2-digit' });

export function traySummary(state: TrayState, formatTime: (ms: number) => string = defaultFormatTime): TraySummary {
  const parts = [`${state.pinned} pinned`];
  if (state.changed > 0) parts.push(`${state.changed} changed`);
  if (state.needsYou > 0) parts.push(`${state.needsYou} ${state.needsYou === 1 ? 'needs' : 'need'} you`);
  const connection = connectionPart(state);
  if (connection) parts.push(connection);
  if (state.notificationsPausedUntil !== null) parts.push('notifications paused');
  const menuLine = [PRODUCT_NAME, ...parts].join(' · ');
  const checked = state.lastCheckedAt === null ? '' : ` · checked ${formatTime(state.lastCheckedAt)}`;
  return { tooltip: fitTooltip(menuLine + checked), menuLine, title: state.needsYou > 0 ? String(state.needsYou) : '' };
}

function connectionPart(state: TrayState): string | null {
  if (!state.hasKey) return 'no API key';
  switch (state.connection.kind) {
    case 'key-problem':
      return state.connection.detail.replace(/\s+/g, ' ').trim() || null;
    case 'offline':
      return 'offline';
    case 'degraded':
      return 'Chamelio has errors';
    case 'rate-limited':
      return 'rate limited';
    default:
      return null;
  }
}

function fitTooltip(text: string): string {
  return truncate(text, MAX_TOOLTIP_LENGTH);
}
