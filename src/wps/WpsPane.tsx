/**
 * The WPS pane around the shared App: it owns the one WpsHost (bound to one workbook, issue #21) and
 * starts afresh (a new host, the workbook's own state, a new check) when the user has moved to
 * another workbook — told by the host's refusal, or by 一键校验 clicked in another workbook. The
 * ribbon's 一键校验 is served here: this page is the only one that touches the workbook.
 */
import * as React from "react";
import { FluentProvider, MessageBar, MessageBarBody, Theme, webLightTheme } from "@fluentui/react-components";
import { CheckRequest, subscribeCheckRequests, takeCheckRequest } from "../app/lastResult";
import { App } from "../taskpane/components/App";
import { EtApp } from "../hosts/wps/et";
import { WpsHost, WpsHostOptions } from "../hosts/wps/wpsHost";

/** The id the host would bind to now: the active workbook's. */
function activeDocumentId(app: EtApp): string | null {
  try {
    const wb = app.ActiveWorkbook as Et.Workbook | null;
    return wb ? `wps:${wb.FullName}` : null;
  } catch {
    return null;
  }
}

export interface WpsPaneProps {
  app: EtApp;
  theme?: Theme;
  /** Host options for tests (timers). */
  hostOptions?: Omit<WpsHostOptions, "app" | "onDocumentChanged">;
}

interface Session {
  host: WpsHost;
  /** Colour the cells on the first check: the session was started by 一键校验. */
  mark: boolean;
  n: number;
}

export function WpsPane({ app, theme = webLightTheme, hostOptions }: WpsPaneProps): React.JSX.Element {
  const restart = React.useRef<(mark: boolean, why?: string) => void>(() => undefined);
  const start = React.useCallback(
    (mark: boolean, n: number): Session => ({
      host: new WpsHost({ ...hostOptions, app, onDocumentChanged: (why) => restart.current(false, why) }),
      mark,
      n,
    }),
    [app, hostOptions],
  );
  const [session, setSession] = React.useState<Session>(() => {
    // Opened by 一键校验: serve its request when it was made in the workbook in front.
    const waiting = takeCheckRequest();
    return start(waiting !== null && waiting.doc === activeDocumentId(app), 0);
  });
  // Why the pane started over, shown above it: the refused action's own toast went with the old pane.
  const [notice, setNotice] = React.useState<string | null>(null);
  restart.current = (mark, why) => {
    setNotice(why ?? null);
    setSession((s) => start(mark, s.n + 1));
  };

  const listeners = React.useRef(new Set<() => void>());
  const externalChecks = React.useCallback((l: () => void) => {
    listeners.current.add(l);
    return () => void listeners.current.delete(l);
  }, []);

  const sessionRef = React.useRef(session);
  sessionRef.current = session;
  React.useEffect(
    () =>
      subscribeCheckRequests((r: CheckRequest) => {
        const bound = sessionRef.current.host.bind();
        if (bound === r.doc) for (const l of listeners.current) l();
        // Clicked in another workbook than the one this pane shows: start over on that one, marking.
        else if (r.doc === activeDocumentId(app)) restart.current(true);
      }),
    [app],
  );

  return (
    <>
      {notice && (
        <FluentProvider theme={theme}>
          <MessageBar intent="info" layout="multiline" data-testid="document-changed">
            <MessageBarBody>{notice}</MessageBarBody>
          </MessageBar>
        </FluentProvider>
      )}
      <App key={session.n} host={session.host} theme={theme} markOnOpen={session.mark} externalChecks={externalChecks} />
    </>
  );
}
