/**
 * Where the popover goes: next to the tray icon, on the side away from the panel the icon sits in,
 * and always inside the display's work area. Linux (StatusNotifierItem) reports no tray bounds, so
 * there the popover opens near the mouse pointer instead. A native Wayland window can do neither:
 * Wayland tells clients nothing about the pointer's screen position (getCursorScreenPoint is not
 * supported) and ignores setPosition, so there the popover is centred (popoverPlacement).
 */
interface Rect {
  x: number;
  y: number;
  width: number;
  height: number;
}
interface Point {
  x: number;
  y: number;
}
interface Size {
  width: number;
  height: number;
}

interface PopoverPositionInput {
  /** tray.getBounds(); empty (or null) where the platform does not report it. */
  trayBounds: Rect | null;
  windowSize: Size;
  /** Work area of the display holding the tray icon (or the pointer). */
  workArea: Rect;
  cursor: Point;
  platform: NodeJS.Platform;
}

/** Space between the pointer and the popover when there are no tray bounds. */
export const CURSOR_GAP = 8;

function hasUsableBounds(bounds: Rect | null): bounds is Rect {
  return bounds !== null && bounds.width > 0 && bounds.height > 0;
}

type Edge = 'top' | 'bottom' | 'left' | 'right';

/** The work-area edge nearest the tray icon: that is where the panel (menu bar, taskbar) is. */
function panelEdge(tray: Rect, area: Rect, platform: NodeJS.Platform): Edge {
  const cx = tray.x + tray.width / 2;
  const cy = tray.y + tray.height / 2;
  const distances: Record<Edge, number> = {
    top: Math.abs(cy - area.y),
    bottom: Math.abs(area.y + area.height - cy),
    left: Math.abs(cx - area.x),
    right: Math.abs(area.x + area.width - cx),
  };
  // The macOS menu bar is always at the top; elsewhere pick the nearest edge, ties going to the
  // platform's usual place (Windows: taskbar at the bottom).
  if (platform === 'darwin') return 'top';
  const order: Edge[] = platform === 'win32' ? ['bottom', 'top', 'right', 'left'] : ['top', 'bottom', 'right', 'left'];
  let best: Edge = order[0] as Edge;
  for (const edge of order) if (distances[edge] < distances[best]) best = edge;
  return best;
}

function clamp(value: number, min: number, max: number): number {
  if (max < min) return min; // window larger than the work area: keep its top-left corner visible
  return Math.min(Math.max(value, min), max);
}

export type PopoverPlacement = 'near-tray' | 'centre';

/**
 * 'centre' for a native Wayland window: a Linux session whose XDG_SESSION_TYPE is `wayland`, unless
 * Electron was started on X11 (XWayland) with `--ozone-platform=x11` (or `--ozone-platform-hint=x11`),
 * the documented way to get the popover next to the tray again.
 */
export function popoverPlacement(input: {
  platform: NodeJS.Platform;
  env: Readonly<Record<string, string | undefined>>;
  /** app.commandLine.getSwitchValue: '' when the switch is absent. */
  switchValue: (name: string) => string;
}): PopoverPlacement {
  if (input.platform !== 'linux' || input.env['XDG_SESSION_TYPE'] !== 'wayland') return 'near-tray';
  const forcedX11 = input.switchValue('ozone-platform') === 'x11' || input.switchValue('ozone-platform-hint') === 'x11';
  return forcedX11 ? 'near-tray' : 'centre';
}

export function popoverPosition(input: PopoverPositionInput): Point {
  const { trayBounds, windowSize: size, workArea: area, cursor, platform } = input;
  let x: number;
  let y: number;

  if (hasUsableBounds(trayBounds)) {
    const t = trayBounds;
    const edge = panelEdge(t, area, platform);
    if (edge === 'top' || edge === 'bottom') {
      x = t.x + t.width / 2 - size.width / 2;
      y = edge === 'top' ? t.y + t.height : t.y - size.height;
    } else {
      y = t.y + t.height / 2 - size.height / 2;
      x = edge === 'left' ? t.x + t.width : t.x - size.width;
    }
  } else {
    x = cursor.x - size.width / 2;
    const pointerInUpperHalf = cursor.y < area.y + area.height / 2;
    y = pointerInUpperHalf ? cursor.y + CURSOR_GAP : cursor.y - CURSOR_GAP - size.height;
  }

  return {
    x: Math.round(clamp(x, area.x, area.x + area.width - size.width)),
    y: Math.round(clamp(y, area.y, area.y + area.height - size.height)),
  };
}
