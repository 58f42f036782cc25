/**
 * Whether this page was opened by Office. Office appends `_host_Info=Excel$Win32$…` to an add-in page's
 * address on desktop (in the query, or the hash on some builds) and shows it in a frame on the web. A
 * page opened by Office must never turn into the browser preview, even when Office.onReady is slow:
 * the preview would show the bundled example inside Excel and the ribbon command would never register.
 */
export function hostedByOffice(location: { search: string; hash: string }, framed: boolean): boolean {
  return framed || /[?&#]_host_Info=/i.test(`${location.search}${location.hash}`);
}

export function pageHostedByOffice(): boolean {
  let framed: boolean;
  try {
    framed = window.self !== window.top;
  } catch {
    framed = true; // a cross-origin parent: Excel on the web
  }
  return hostedByOffice(window.location, framed);
}
