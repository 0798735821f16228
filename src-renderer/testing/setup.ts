// Each component spec starts from an empty document: what one test rendered is gone before the next.
import { cleanup } from '@testing-library/svelte';
import { afterEach } from 'vitest';

afterEach(() => cleanup());

// jsdom does no layout, so it has no scrolling to do: a no-op stands in for it (the e2e tests in
// Chromium check what is scrolled into view).
Element.prototype.scrollIntoView ??= function scrollIntoView(): void {};
