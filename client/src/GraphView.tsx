import cytoscape, { type Core, type ElementDefinition } from 'cytoscape';
import { useEffect, useRef } from 'react';
import type { GraphEdge, GraphNode } from './api';
import { kindColor } from './kinds';

interface Props {
  nodes: GraphNode[];
  edges: GraphEdge[];
  selected: string | null;
  onTapNode: (node: GraphNode) => void;
}

const STYLE: cytoscape.StylesheetJson = [
  {
    selector: 'node',
    style: {
      label: 'data(label)',
      'background-color': 'data(color)',
      color: '#222',
      'font-size': 11,
      'font-family': '"WenQuanYi Micro Hei", "Noto Sans CJK SC", "Microsoft YaHei", sans-serif',
      'text-valign': 'bottom',
      'text-margin-y': 3,
      'text-max-width': '120px',
      'text-wrap': 'ellipsis',
      width: 'mapData(weight, 0, 10, 16, 40)',
      height: 'mapData(weight, 0, 10, 16, 40)',
    },
  },
  { selector: 'node[kind = "REPORT"]', style: { shape: 'round-rectangle' } },
  { selector: 'node.center', style: { 'border-width': 3, 'border-color': '#111', width: 40, height: 40 } },
  { selector: 'node:selected', style: { 'border-width': 4, 'border-color': '#f5b700' } },
  {
    selector: 'edge',
    style: {
      width: 'mapData(weight, 1, 10, 1, 6)',
      'line-color': '#b8c2cc',
      'curve-style': 'haystack',
      opacity: 0.8,
    },
  },
  { selector: 'edge[kind = "MENTIONED_IN"]', style: { 'line-style': 'dashed', 'line-color': '#999' } },
];

function toElements(nodes: GraphNode[], edges: GraphEdge[]): ElementDefinition[] {
  return [
    ...nodes.map((n) => ({ group: 'nodes' as const, data: { ...n, color: kindColor(n.kind) } })),
    ...edges.map((e) => ({ group: 'edges' as const, data: { ...e } })),
  ];
}

/** Cytoscape canvas; new elements are added in place and laid out again. */
export function GraphView({ nodes, edges, selected, onTapNode }: Props) {
  const container = useRef<HTMLDivElement>(null);
  const cy = useRef<Core | null>(null);
  const onTap = useRef(onTapNode);
  onTap.current = onTapNode;

  useEffect(() => {
    const instance = cytoscape({ container: container.current, style: STYLE, wheelSensitivity: 0.3, maxZoom: 1.6 });
    instance.on('tap', 'node', (evt) => onTap.current(evt.target.data() as GraphNode));
    cy.current = instance;
    (window as unknown as { __cy?: Core }).__cy = instance; // for browser tests and the console
    return () => instance.destroy();
  }, []);

  useEffect(() => {
    const instance = cy.current;
    if (!instance) return;
    const wanted = new Set([...nodes.map((n) => n.id), ...edges.map((e) => e.id)]);
    instance.elements().forEach((el) => {
      if (!wanted.has(el.id())) el.remove();
    });
    const firstDraw = instance.nodes().empty();
    const fresh = toElements(nodes, edges).filter((el) => instance.getElementById(String(el.data.id)).empty());
    if (fresh.length) {
      const added = instance.add(fresh);
      // New nodes start around a neighbour already placed, so the layout refines instead of restarting.
      added.nodes().forEach((n) => {
        const anchor = n.neighborhood().nodes().not(added);
        const base = anchor.nonempty() ? anchor.nodes()[0]!.position() : { x: 0, y: 0 };
        n.position({ x: base.x + (Math.random() - 0.5) * 120, y: base.y + (Math.random() - 0.5) * 120 });
      });
      instance
        .layout({
          name: 'cose',
          animate: false,
          randomize: firstDraw,
          fit: true,
          padding: 30,
          nodeRepulsion: () => 400000,
          idealEdgeLength: () => 100,
          edgeElasticity: () => 100,
          nodeOverlap: 20,
          gravity: 0.25,
          numIter: 1500,
        })
        .run();
    }
  }, [nodes, edges]);

  useEffect(() => {
    const instance = cy.current;
    if (!instance) return;
    instance.nodes().unselect().removeClass('center');
    if (selected) instance.getElementById(selected).select().addClass('center');
  }, [selected, nodes]);

  return <div className="graph" ref={container} data-testid="graph" />;
}
