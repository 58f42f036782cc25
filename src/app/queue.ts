/**
 * One queue for every call into a document (issue #21): a live re-check (read → mark), an apply, a
 * template insertion (read → apply) and the state I/O of the pane and the ribbon run one after the
 * other, never interleaved. A use case that makes several host calls runs them as ONE queued task,
 * so no other task's write lands between its read and its write.
 *
 * Hosts on the same document share a queue through Host.queueKey (Excel: the one Excel.run of the
 * runtime; WPS: the one Application object), so a ribbon command's host and the pane's host wait for
 * each other too. A task must never wait for another task of the same queue: it would wait on itself.
 */

/** Runs tasks one at a time, in the order given; a failed task does not stop the next one. */
export class SerialQueue {
  private tail: Promise<unknown> = Promise.resolve();
  private waiting = 0;

  run<T>(task: () => Promise<T> | T): Promise<T> {
    this.waiting++;
    const go = async () => {
      try {
        return await task();
      } finally {
        this.waiting--;
      }
    };
    const next = this.tail.then(go, go);
    this.tail = next.catch(() => undefined);
    return next;
  }

  /** Tasks queued or running (a test waits on this state, never on time). */
  get pending(): number {
    return this.waiting;
  }
}

const queues = new WeakMap<object, SerialQueue>();

/** The queue of the document `host` works on (its queueKey, or the host itself). */
export function queueOf(host: object): SerialQueue {
  const key = (host as { readonly queueKey?: object }).queueKey ?? host;
  let q = queues.get(key);
  if (!q) {
    q = new SerialQueue();
    queues.set(key, q);
  }
  return q;
}
