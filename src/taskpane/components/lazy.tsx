/**
 * Parts of the pane that the first paint does not show (the other tabs, a finding's 修复 and 建议),
 * split into chunks of their own so Excel downloads less before the pane appears (bench: first
 * load ≤ 200 KB gzip). The pane preloads them right after it is on screen.
 */
import * as React from "react";

export interface LazyPart<P extends object> {
  /** Renders the part; until its chunk is in, nothing (its own Suspense boundary), then the part. */
  Part(props: P): React.JSX.Element;
  /** Fetches the chunk; resolves once the part renders directly. */
  preload(): Promise<unknown>;
}

/**
 * A component loaded on first use. Once its module is in (shown before, or preloaded), it renders
 * directly rather than through React.lazy, which would suspend once more and show it a render later.
 */
export function lazyPart<P extends object>(load: () => Promise<React.ComponentType<P>>): LazyPart<P> {
  let loaded: React.ComponentType<P> | null = null;
  let loading: Promise<React.ComponentType<P>> | null = null;
  const preload = () =>
    (loading ??= load().then(
      (c) => (loaded = c),
      (e: unknown) => {
        // A failed download (the network dropped) may succeed when the part is next wanted.
        loading = null;
        throw e;
      },
    ));
  const Lazy = React.lazy(() => preload().then((c) => ({ default: c }))) as unknown as React.ComponentType<P>;
  function Part(props: P): React.JSX.Element {
    if (loaded) {
      const C = loaded;
      return <C {...props} />;
    }
    return (
      <React.Suspense fallback={null}>
        <Lazy {...props} />
      </React.Suspense>
    );
  }
  return { Part, preload };
}
