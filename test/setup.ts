// Fluent UI v9's MessageBar measures itself with ResizeObserver, which jsdom lacks.
const g = globalThis as { ResizeObserver?: unknown };
g.ResizeObserver ??= class {
  observe(): void {}
  unobserve(): void {}
  disconnect(): void {}
};
