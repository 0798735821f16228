/**
 * The one Content-Security-Policy of the UI. The page loads nothing but its own files; what differs
 * between where it is served is only whom it may talk to: nobody in the Electron app (app://, all
 * network calls happen in main), its own host in the browser preview (the HTTP bridge).
 */
type ConnectSrc = "'none'" | "'self'";

/**
 * The policy as a header, or (`delivery: 'meta'`) as index.html's <meta> fallback, which leaves
 * out frame-ancestors because browsers ignore it there and say so on the console.
 */
export function contentSecurityPolicy(connectSrc: ConnectSrc, delivery: 'header' | 'meta' = 'header'): string {
  return [
    "default-src 'none'",
    "script-src 'self'",
    "style-src 'self'",
    "img-src 'self' data:",
    "font-src 'self'",
    `connect-src ${connectSrc}`,
    "base-uri 'none'",
    "form-action 'none'",
    ...(delivery === 'header' ? ["frame-ancestors 'none'"] : []),
    "object-src 'none'",
  ].join('; ');
}
