// Installed in every page of the browser tests before the app's own scripts (helpers.new_context),
// called with Streamlit's protobuf field numbers: watches the app's websocket for the messages
// that ask for a run (a rerun, or the file URLs an upload's rerun follows) and those that end one,
// and notes when the page last changed; `idle()` is what helpers.wait_for_app waits for.
(FIELDS) => {
  const runs = { asked: 0, ended: 0, status: -1, changed: performance.now(), seq: 0, input: -Infinity, askedAtInput: 0 };
  window.__pressdraftRuns = runs;

  // The field numbers at the top level of a protobuf message, with the value of each varint field.
  const fields = (data) => {
    const bytes = ArrayBuffer.isView(data)
      ? new Uint8Array(data.buffer, data.byteOffset, data.byteLength)
      : new Uint8Array(data);
    const found = new Map();
    let i = 0;
    const varint = () => {
      let value = 0, scale = 1, byte;
      do {
        byte = bytes[i++];
        value += (byte & 0x7f) * scale;
        scale *= 128;
      } while (byte & 0x80);
      return value;
    };
    while (i < bytes.length) {
      const tag = varint(), field = Math.floor(tag / 8), wire = tag % 8;
      if (wire === 0) found.set(field, varint());
      else if (wire === 2) { const length = varint(); found.set(field, null); i += length; }
      else if (wire === 1) i += 8;
      else if (wire === 5) i += 4;
      else break;
    }
    return found;
  };

  const Native = window.WebSocket;
  window.WebSocket = class extends Native {
    constructor(...args) {
      super(...args);
      this.addEventListener("message", (event) => {
        if (!(event.data instanceof ArrayBuffer)) return;
        const message = fields(event.data);
        if (message.has(FIELDS.scriptFinished)) {
          runs.ended = ++runs.seq;
          runs.status = message.get(FIELDS.scriptFinished);
          runs.changed = performance.now();
        }
      });
    }
    send(data) {
      if (typeof data !== "string" && FIELDS.asksForRun.some((field) => fields(data).has(field))) {
        runs.asked = ++runs.seq;
      }
      return super.send(data);
    }
  };
  // A person's action (a click, a key, a typed value): the run it asks for may be sent a moment later
  // (React handles the widget's change after the event), so until FIELDS.inputGraceMs have passed with
  // no run asked since, the page is not idle.
  for (const type of ["pointerdown", "click", "keydown", "input", "change"]) {
    addEventListener(type, () => { runs.input = performance.now(); runs.askedAtInput = runs.asked; }, true);
  }
  new MutationObserver(() => { runs.changed = performance.now(); })
    .observe(document, { subtree: true, childList: true, attributes: true, characterData: true });

  // The app is connected, the last run asked for has ended (not to rerun at once), the app says so,
  // the page has not changed for FIELDS.settleMs (React has drawn what the run sent), and the last
  // action has asked for its run or, after FIELDS.inputGraceMs, clearly asks for none.
  runs.idle = () => {
    const app = document.querySelector("[data-testid=stApp]");
    return app?.dataset.testConnectionState === "CONNECTED" && app.dataset.testScriptState === "notRunning"
      && runs.ended > runs.asked && runs.status !== FIELDS.finishedEarlyForRerun
      && performance.now() - runs.changed >= FIELDS.settleMs
      && (runs.asked > runs.askedAtInput || performance.now() - runs.input >= FIELDS.inputGraceMs);
  };
}
