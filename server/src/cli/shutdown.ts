/**
 * One stop path for every command: on Ctrl-C, SIGTERM, SIGHUP or a closed output pipe the
 * registered clean-ups run (close the driver, stop the local Neo4j this process started)
 * before the process exits. An interrupted write transaction is rolled back by Neo4j, so
 * stopping mid-ingest leaves only whole reports behind.
 */

type Cleanup = () => Promise<void>;

const EXIT_CODES = { SIGINT: 130, SIGTERM: 143, SIGHUP: 129, SIGPIPE: 141 } as const;
type StopSignal = keyof typeof EXIT_CODES;

const cleanups: Cleanup[] = [];
let waiter: ((sig: StopSignal) => void) | undefined;
let stopping = false;

/** Runs `fn` if the process is told to stop; the returned function forgets it again. */
export function atShutdown(fn: Cleanup): () => void {
  cleanups.push(fn);
  return () => {
    const i = cleanups.indexOf(fn);
    if (i >= 0) cleanups.splice(i, 1);
  };
}

/**
 * For a command that stops itself gracefully (a server): the next stop signal resolves
 * this promise instead of exiting, and the command's own clean-up runs.
 */
export function nextStopSignal(): Promise<StopSignal> {
  return new Promise((resolve) => (waiter = resolve));
}

async function runCleanups(): Promise<void> {
  for (const fn of cleanups.splice(0).reverse()) {
    try {
      await fn();
    } catch {
      // Stopping anyway: one failed clean-up must not keep the others from running.
    }
  }
}

function onStop(sig: StopSignal, log: (m: string) => void): void {
  if (waiter && !stopping) {
    const w = waiter;
    waiter = undefined;
    w(sig);
    return;
  }
  if (stopping) {
    log(`${sig} again: exiting now.`);
    process.exit(EXIT_CODES[sig]);
  }
  stopping = true;
  log(`\n${sig}: stopping…`);
  void runCleanups().finally(() => process.exit(EXIT_CODES[sig]));
}

/**
 * True once a stop signal is being handled. A command that fails meanwhile (its driver was just closed) must
 * not exit first with its own code: the stop path exits with the signal's, after the clean-ups.
 */
export function isStopping(): boolean {
  return stopping;
}

/** Installs the handlers once, at CLI start. */
export function installShutdown(log: (m: string) => void = (m) => console.error(m)): void {
  for (const sig of ['SIGINT', 'SIGTERM', 'SIGHUP'] as const) process.on(sig, () => onStop(sig, log));
  // Node ignores SIGPIPE; a closed pipe (`policygraph ingest … | head`) shows up as EPIPE instead.
  const onPipeError = (e: NodeJS.ErrnoException) => {
    if (e.code === 'EPIPE') onStop('SIGPIPE', () => {});
    else throw e;
  };
  process.stdout.on('error', onPipeError);
  process.stderr.on('error', onPipeError);
  // What fails while stopping (a query on the driver just closed) is the stop's doing: the stop path exits with the
  // signal's code. Otherwise as Node would: print and exit 1.
  const failed = (e: unknown) => {
    if (stopping) return;
    console.error(e);
    process.exit(1);
  };
  process.on('uncaughtException', failed);
  process.on('unhandledRejection', failed);
}
