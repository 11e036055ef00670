/** What Fluent UI needs from a browser that jsdom lacks: a ResizeObserver. Imported by the pane's UI tests. */
globalThis.ResizeObserver ??= class {
  observe() {}
  unobserve() {}
  disconnect() {}
} as unknown as typeof ResizeObserver;
