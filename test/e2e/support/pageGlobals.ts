/**
 * The few browser globals the tests touch inside `page.evaluate` and `addInitScript`, typed here so
 * the Node-side TypeScript program does not need the DOM library (which would hide DOM use in core).
 * Use as `globalThis as unknown as PageGlobals`; the cast is erased, so it works in the page.
 */
export interface PageGlobals {
  __cspViolations?: string[];
  __pwned?: unknown;
  document: {
    addEventListener(type: 'securitypolicyviolation', listener: (e: { violatedDirective: string; blockedURI: string }) => void): void;
    activeElement: { blur?: () => void; tagName?: string } | null;
    body: unknown;
    querySelectorAll(selector: string): { length: number };
    documentElement: { scrollWidth: number; clientWidth: number; dataset: Record<string, string | undefined> };
    querySelector(selector: string): { scrollWidth: number; clientWidth: number } | null;
  };
  getComputedStyle(element: unknown): { backgroundColor: string };
  dispatchEvent(event: unknown): boolean;
  Event: new (type: string) => unknown;
  navigator: { clipboard: { writeText(text: string): Promise<void>; readText(): Promise<string> } };
  DataTransfer: new () => { setData(type: string, data: string): void };
}
