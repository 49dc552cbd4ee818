/**
 * The dense targets of one apply call (SPEC §9), between validation (check.ts) and the result.
 * The maps are mixed first, into new arrays, through the instance's own kernel dispatch; the caller's
 * maps are written (inPlace) only after the images succeeded, so a failing call leaves them as they were.
 */
import type { Geometry } from '../backends/backend.js';
import type { DenseResult, MixParams, PixelData } from '../types.js';
import type { DenseTargets } from './check.js';
import { mixDetections } from './detections.js';
import { maskImage, maskParams, newMasks, partnerMasks } from './masks.js';
import { anySample } from './ops.js';

/** The instance's kernel dispatch: runs params on a batch of geometry g, src → dst. */
export type Dispatch = (p: MixParams, src: PixelData, dst: PixelData, g: Geometry) => Promise<void>;

/** Mixed dense targets, not yet handed to the caller. */
export interface PendingDense {
  /** The result; with inPlace, the mixed maps are first copied into the caller's maps. */
  finish(inPlace: boolean): DenseResult;
}

/** Mixes the maps (through `dispatch`) and the detections of a validated call on H×W images. */
export async function mixDense(p: MixParams, t: DenseTargets, h: number, w: number, dispatch: Dispatch): Promise<PendingDense> {
  const result: DenseResult = {};
  const masks = t.masks;
  if (masks) {
    const mixed = newMasks(masks);
    const from = maskImage(masks);
    await dispatch(maskParams(p), from.bytes, maskImage(mixed).bytes, from.geom);
    result.masks = mixed;
    if (anySample(p, masks.shape[0], 'mixup')) result.partnerMasks = partnerMasks(p, masks, mixed);
  }
  if (t.detections) result.detections = mixDetections(p, t.detections, h, w, t.minVisibility);
  return {
    finish(inPlace: boolean): DenseResult {
      if (inPlace && masks && result.masks) {
        (masks.data as Uint8Array).set(result.masks.data as Uint8Array);
        result.masks = masks;
      }
      return result;
    },
  };
}
