/*
 * The first script of the add-in's runtime page (taskpane.html, which is also the function file).
 * ES5 on purpose, and not bundled: it must parse in Internet Explorer 11, which Office 2019 uses for
 * add-ins with a shared runtime, and it must run before anything else.
 *
 * Why here and not in the bundle: Office delivers a ribbon click to the function registered with
 * Office.actions.associate; registered only after Office.onReady and a lazily loaded chunk of a
 * deferred script, the first click can find nothing and do nothing (office-js #5176, #2744). So the
 * action is registered at once; clicks that arrive before the bundle is ready wait in a queue that the
 * bundle drains (src/commands/commands.ts, registerCommands). Where the bundle cannot run (IE11,
 * legacy Edge), the click opens a short explanation and completes, instead of spinning forever.
 */
(function () {
  var COMMAND = "validateWorkbook";
  /** Office lets a command run for minutes; a click the bundle never picked up is completed after this. */
  var GIVE_UP_MS = 60000;
  var ua = navigator.userAgent || "";
  var legacy = ua.indexOf("Trident/") >= 0 || ua.indexOf("MSIE ") >= 0 || ua.indexOf("Edge/") >= 0;
  var queue = [];

  function completeOnce(event) {
    var done = false;
    return function () {
      if (done) return;
      done = true;
      try {
        event.completed();
      } catch (e) {
        // Nothing more can be done for this click.
      }
    };
  }

  function explain(event) {
    var complete = completeOnce(event);
    try {
      var url = location.href.replace(/[?#].*$/, "").replace(/[^/]*$/, "legacy.html");
      Office.context.ui.displayDialogAsync(url, { height: 45, width: 40, displayInIframe: true }, complete);
    } catch (e) {
      complete();
    }
  }

  function handler(event) {
    if (legacy) return explain(event);
    var run = window.__bfaRunCommand;
    if (typeof run === "function") return run(event);
    var complete = completeOnce(event);
    queue.push({ event: event, complete: complete });
    setTimeout(complete, GIVE_UP_MS);
  }

  window.__bfaCommandQueue = queue;
  // Function-file runtimes that predate Office.actions look the function up on the page by name.
  window[COMMAND] = handler;
  try {
    if (window.Office && Office.actions && Office.actions.associate) Office.actions.associate("validateWorkbook", handler);
  } catch (e) {
    // office.js did not load (offline, or outside Office): there is no ribbon to serve.
  }
  // Where the bundle never runs (IE11, legacy Edge) nothing else tells Office the page is ready, and
  // some Office applications "won't load the task pane until one of these happens" (Microsoft docs,
  // "Initialize your Office Add-in": Office.onReady or Office.initialize). Calling it here too is
  // harmless: onReady may be called any number of times.
  try {
    if (window.Office && typeof Office.onReady === "function") Office.onReady();
    else if (window.Office && !Office.initialize) Office.initialize = function () {};
  } catch (e) {
    // No Office: nothing to initialise.
  }
})();
