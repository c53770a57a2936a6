import cytoscape, { type Core, type ElementDefinition } from 'cytoscape';
import fcose from 'cytoscape-fcose';
import { useEffect, useRef } from 'react';
import type { GraphEdge, GraphNode } from './api';
import { runLayout } from './layout/run-layout';
import { kindColor } from './kinds';

cytoscape.use(fcose);

interface Props {
  nodes: GraphNode[];
  edges: GraphEdge[];
  selected: string | null;
  onTapNode: (node: GraphNode) => void;
  /** Hands the Cytoscape instance to exporters. */
  onReady?: (cy: Core) => void;
  /** Told when a layout starts and ends (big graphs take seconds, off the main thread). */
  onLayout?: (busy: boolean, error?: string) => void;
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
      'min-zoomed-font-size': 7,
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
export function GraphView({ nodes, edges, selected, onTapNode, onReady, onLayout }: Props) {
  const container = useRef<HTMLDivElement>(null);
  const cy = useRef<Core | null>(null);
  const onTap = useRef(onTapNode);
  onTap.current = onTapNode;
  const onLayoutRef = useRef(onLayout);
  onLayoutRef.current = onLayout;

  useEffect(() => {
    const instance = cytoscape({
      container: container.current,
      style: STYLE,
      wheelSensitivity: 0.3,
      maxZoom: 1.6,
      // Big graphs stay smooth while panning: edges and labels are skipped during the gesture.
      hideEdgesOnViewport: true,
      textureOnViewport: true,
    });
    instance.on('tap', 'node', (evt) => onTap.current(evt.target.data() as GraphNode));
    cy.current = instance;
    // For browser tests and the console.
    (window as unknown as { __cy?: Core }).__cy = instance;
    (window as unknown as { __pgLayout?: typeof runLayout }).__pgLayout = runLayout;
    onReady?.(instance);
    return () => instance.destroy();
  }, []);

  useEffect(() => {
    const instance = cy.current;
    if (!instance) return;
    const wanted = new Set([...nodes.map((n) => n.id), ...edges.map((e) => e.id)]);
    instance.batch(() => {
      instance.elements().forEach((el) => {
        if (!wanted.has(el.id())) el.remove();
      });
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
      onLayoutRef.current?.(true);
      runLayout(instance, firstDraw)
        .then((r) => r.applied && onLayoutRef.current?.(false))
        .catch((e: Error) => onLayoutRef.current?.(false, e.message));
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
