/** Starts the preview (outside Excel): theme from ?theme= or the system, the bundled example by default. */
import * as React from "react";
import { createRoot } from "react-dom/client";
import { fluentTheme, isDarkPreview } from "../theme";
import { PreviewApp } from "./PreviewApp";

function prefersDark(): boolean {
  return typeof matchMedia === "function" && matchMedia("(prefers-color-scheme: dark)").matches;
}

function Root(): React.JSX.Element {
  const [dark, setDark] = React.useState(() => isDarkPreview(location.search, prefersDark()));
  React.useEffect(() => {
    if (typeof matchMedia !== "function") return undefined;
    const mq = matchMedia("(prefers-color-scheme: dark)");
    const onChange = (): void => setDark(isDarkPreview(location.search, mq.matches));
    mq.addEventListener?.("change", onChange);
    return () => mq.removeEventListener?.("change", onChange);
  }, []);
  return <PreviewApp theme={fluentTheme(dark)} />;
}

export function bootPreview(container: HTMLElement): void {
  document.body.dataset.mode = "preview";
  createRoot(container).render(<Root />);
}
