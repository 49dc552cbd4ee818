/**
 * The demo's images: the repository's samples/*.png and any the user drops, each a class of its
 * own; and the batch made of the selected ones (imagesToBatch: 96×96, centre-cropped, uint8 RGB NHWC).
 */
import { imagesToBatch, type ImageBatch, type ImageSource } from '../src/index.js';

export interface DemoImage {
  readonly name: string;
  readonly source: ImageSource;
  /** What the thumbnail shows: a URL for samples, the bitmap itself for dropped files. */
  readonly thumb: string | ImageBitmap;
  selected: boolean;
}

/** The batch's image size: the samples' own size, so they are read exactly. */
export const SIZE = { width: 96, height: 96 } as const;

const SAMPLE_URLS = import.meta.glob('../samples/*.png', { eager: true, query: '?url', import: 'default' }) as Record<string, string>;

/** The bundled samples, in file-name order, all selected. */
export function sampleImages(): DemoImage[] {
  return Object.keys(SAMPLE_URLS).sort().map((path) => {
    const url = SAMPLE_URLS[path];
    const img = new Image();
    img.src = url;
    const name = path.slice(path.lastIndexOf('/') + 1).replace(/\.png$/, '');
    return { name, source: img, thumb: url, selected: true };
  });
}

/** Dropped or chosen files as images (decoded once, to ImageBitmaps), selected. */
export async function fileImages(files: Iterable<File>): Promise<DemoImage[]> {
  const out: DemoImage[] = [];
  for (const file of files) {
    if (!file.type.startsWith('image/')) throw new Error(`${file.name} is not an image (${file.type || 'unknown type'})`);
    let bitmap: ImageBitmap;
    try {
      bitmap = await createImageBitmap(file);
    } catch (e) {
      throw new Error(`${file.name} cannot be decoded: ${(e as Error).message}`);
    }
    out.push({ name: file.name.replace(/\.[^.]+$/, ''), source: bitmap, thumb: bitmap, selected: true });
  }
  return out;
}

/** The batch of the selected images (class id = position among the selected) and its class ids. */
export async function batchOf(images: readonly DemoImage[]): Promise<{ batch: ImageBatch; labels: Int32Array; names: string[] }> {
  const chosen = images.filter((im) => im.selected);
  const batch = await imagesToBatch(chosen.map((im) => im.source), { size: SIZE, fit: 'cover' });
  return { batch, labels: Int32Array.from(chosen, (_, i) => i), names: chosen.map((im) => im.name) };
}
