import type { LayoutOptions } from 'cytoscape';

/** Above this many nodes the spectral draft is used: a full force-directed pass freezes the tab. */
export const DRAFT_ABOVE = 500;

/**
 * fCoSE settings by graph size. A first draw is spectral (randomize); later expansions refine the current
 * positions ('proof' is the only quality fCoSE allows without randomizing), so the view does not jump.
 */
export function layoutOptions(nodeCount: number, firstDraw: boolean): LayoutOptions {
  const big = nodeCount > DRAFT_ABOVE;
  const base = {
    name: 'fcose',
    animate: false,
    fit: true,
    padding: 30,
    nodeRepulsion: () => 9000,
    idealEdgeLength: () => 90,
    edgeElasticity: () => 0.3,
    nodeSeparation: 60,
    packComponents: true,
  };
  if (firstDraw || big) return { ...base, quality: big ? 'draft' : 'default', randomize: true } as LayoutOptions;
  return { ...base, quality: 'proof', randomize: false, numIter: 1500 } as LayoutOptions;
}
