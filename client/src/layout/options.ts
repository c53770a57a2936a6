import type { LayoutOptions } from 'cytoscape';

/**
 * fCoSE settings. A first draw starts from a spectral placement (randomize); later expansions refine the current
 * positions ('proof' is the only quality fCoSE allows without randomizing), so the view does not jump. The
 * spectral 'draft' alone piles a 2,000-node graph onto a few points (measured: 98% of nodes within 10 px of
 * another), so big graphs get the full quality too, off the main thread (see run-layout.ts).
 */
export function layoutOptions(firstDraw: boolean): LayoutOptions {
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
  if (firstDraw) return { ...base, quality: 'default', randomize: true } as LayoutOptions;
  return { ...base, quality: 'proof', randomize: false, numIter: 1500 } as LayoutOptions;
}
