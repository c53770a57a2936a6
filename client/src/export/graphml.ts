/** What the exporters need of a graph: plain data, independent of Cytoscape. */
export interface ExportGraph {
  nodes: Array<{ id: string; label: string; kind: string; weight: number }>;
  edges: Array<{ id: string; source: string; target: string; weight: number; kind: string }>;
}

const xml = (s: string) =>
  s.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&apos;' })[c]!);

/** GraphML as Gephi and Cytoscape desktop read it: typed keys for label, kind and weight. */
export function toGraphML(g: ExportGraph): string {
  const lines = [
    '<?xml version="1.0" encoding="UTF-8"?>',
    '<graphml xmlns="http://graphml.graphdrawing.org/xmlns">',
    '  <key id="label" for="node" attr.name="label" attr.type="string"/>',
    '  <key id="kind" for="node" attr.name="kind" attr.type="string"/>',
    '  <key id="weight" for="node" attr.name="weight" attr.type="int"/>',
    '  <key id="ekind" for="edge" attr.name="kind" attr.type="string"/>',
    '  <key id="eweight" for="edge" attr.name="weight" attr.type="int"/>',
    '  <graph id="policygraph" edgedefault="undirected">',
  ];
  for (const n of g.nodes) {
    lines.push(
      `    <node id="${xml(n.id)}"><data key="label">${xml(n.label)}</data><data key="kind">${xml(n.kind)}</data><data key="weight">${Math.round(n.weight)}</data></node>`,
    );
  }
  for (const e of g.edges) {
    lines.push(
      `    <edge id="${xml(e.id)}" source="${xml(e.source)}" target="${xml(e.target)}"><data key="ekind">${xml(e.kind)}</data><data key="eweight">${Math.round(e.weight)}</data></edge>`,
    );
  }
  lines.push('  </graph>', '</graphml>', '');
  return lines.join('\n');
}
