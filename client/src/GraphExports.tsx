import type { Core } from 'cytoscape';
import type { GraphEdge, GraphNode } from './api';
import { download, fileStem } from './export/download';
import { toGraphML } from './export/graphml';

/** Cytoscape.js JSON as Cytoscape desktop imports it (elements with data and positions). */
export function toCytoscapeJson(cy: Core, name: string): string {
  const { elements } = cy.json() as { elements: unknown };
  return JSON.stringify({ format_version: '1.0', generated_by: 'PolicyGraph', data: { name }, elements }, null, 2);
}

/** PNG, GraphML and Cytoscape JSON of the graph as currently shown (filters applied). */
export function GraphExports({
  cy,
  nodes,
  edges,
  name,
}: {
  cy: Core | null;
  nodes: GraphNode[];
  edges: GraphEdge[];
  name: string;
}) {
  const stem = fileStem(name);
  const disabled = !cy || nodes.length === 0;
  return (
    <div className="exports" role="group" aria-label="导出">
      <button
        data-testid="export-png"
        disabled={disabled}
        onClick={() => download(`${stem}.png`, cy!.png({ output: 'blob', full: true, scale: 2, bg: '#ffffff' }))}
      >
        PNG
      </button>
      <button
        data-testid="export-graphml"
        disabled={disabled}
        onClick={() => download(`${stem}.graphml`, toGraphML({ nodes, edges }), 'application/graphml+xml')}
      >
        GraphML
      </button>
      <button
        data-testid="export-cyjs"
        disabled={disabled}
        onClick={() => download(`${stem}.cyjs`, toCytoscapeJson(cy!, name), 'application/json')}
      >
        Cytoscape JSON
      </button>
    </div>
  );
}
