import type { Core } from 'cytoscape';
import { layoutOptions } from './options';
import type { LayoutReply, LayoutRequest } from './protocol';

/** Up to this many nodes fCoSE runs in the page (measured well under a second); above, in a worker. */
export const MAIN_THREAD_MAX = 300;

let worker: Worker | null = null;
let latest = 0;

export interface LayoutResult {
  ms: number;
  offThread: boolean;
  /** False when a newer layout superseded this one before it finished. */
  applied: boolean;
}

/** Lays the graph out; big graphs are computed off the main thread and applied when they arrive. */
export function runLayout(cy: Core, firstDraw: boolean): Promise<LayoutResult> {
  const seq = ++latest;
  const n = cy.nodes().length;
  const t0 = performance.now();
  if (n <= MAIN_THREAD_MAX || typeof Worker === 'undefined') {
    cy.layout(layoutOptions(firstDraw)).run();
    return Promise.resolve({ ms: performance.now() - t0, offThread: false, applied: true });
  }
  worker ??= new Worker(new URL('./layout.worker.ts', import.meta.url), { type: 'module' });
  // Until the worker answers, show the graph zoomed out (a square of positions on a first draw): drawn at full zoom,
  // 2,000 overlapping labels stall the page for seconds; zoomed out, labels are skipped.
  if (firstDraw) {
    // A plain square of positions: Cytoscape's own grid layout measures every label and costs ~0.5 s here.
    const side = Math.ceil(Math.sqrt(n));
    cy.batch(() =>
      cy.nodes().forEach((node, i) => void node.position({ x: (i % side) * 40, y: Math.floor(i / side) * 40 })),
    );
  }
  cy.fit(undefined, 30);
  const request: LayoutRequest = {
    seq,
    firstDraw,
    nodes: cy.nodes().map((node) => ({ id: node.id(), ...node.position(), size: node.width() })),
    edges: cy.edges().map((e) => ({ source: e.source().id(), target: e.target().id() })),
  };
  const w = worker;
  return new Promise((resolve, reject) => {
    const onMessage = (event: MessageEvent<LayoutReply>) => {
      if (event.data.seq !== seq) return;
      w.removeEventListener('message', onMessage);
      w.removeEventListener('error', onError);
      // A newer graph was requested meanwhile: its own layout will place it.
      if (seq !== latest || cy.destroyed()) return resolve({ ms: event.data.ms, offThread: true, applied: false });
      const { positions } = event.data;
      cy.batch(() => {
        cy.nodes().forEach((node) => {
          const p = positions[node.id()];
          if (p) node.position(p);
        });
      });
      cy.fit(undefined, 30);
      resolve({ ms: performance.now() - t0, offThread: true, applied: true });
    };
    const onError = (e: ErrorEvent) => {
      w.removeEventListener('message', onMessage);
      w.removeEventListener('error', onError);
      reject(new Error(`layout worker: ${e.message}`));
    };
    w.addEventListener('message', onMessage);
    w.addEventListener('error', onError);
    w.postMessage(request);
  });
}
