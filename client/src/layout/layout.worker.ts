/// <reference lib="webworker" />
import cytoscape from 'cytoscape';
import fcose from 'cytoscape-fcose';
import { layoutOptions } from './options';
import type { LayoutReply, LayoutRequest } from './protocol';

cytoscape.use(fcose);

// Runs fCoSE on a headless copy of the graph, so the page stays responsive while a big graph is laid out.
self.onmessage = (event: MessageEvent<LayoutRequest>) => {
  const { seq, nodes, edges, firstDraw } = event.data;
  const t0 = performance.now();
  const cy = cytoscape({
    headless: true,
    styleEnabled: true,
    style: [{ selector: 'node', style: { width: 'data(size)', height: 'data(size)' } }],
    elements: [
      ...nodes.map((n) => ({
        group: 'nodes' as const,
        data: { id: n.id, size: n.size },
        position: { x: n.x, y: n.y },
      })),
      ...edges.map((e, i) => ({ group: 'edges' as const, data: { id: `e${i}`, source: e.source, target: e.target } })),
    ],
  });
  cy.layout({ ...layoutOptions(firstDraw), fit: false } as cytoscape.LayoutOptions).run();
  const positions: LayoutReply['positions'] = {};
  cy.nodes().forEach((n) => {
    positions[n.id()] = n.position();
  });
  cy.destroy();
  (self as unknown as Worker).postMessage({ seq, positions, ms: performance.now() - t0 } satisfies LayoutReply);
};
