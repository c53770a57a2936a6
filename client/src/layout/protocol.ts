/** Messages between the page and the layout worker. */
export interface LayoutRequest {
  seq: number;
  firstDraw: boolean;
  nodes: Array<{ id: string; x: number; y: number; size: number }>;
  edges: Array<{ source: string; target: string }>;
}

export interface LayoutReply {
  seq: number;
  positions: Record<string, { x: number; y: number }>;
  ms: number;
}
