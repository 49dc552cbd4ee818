/**
 * The DOM types the public declarations name (the webgl2 backend's context and textures, the browser
 * image functions' sources and targets), declared as empty global interfaces. A project with the DOM
 * lib merges them with the real ones and sees no difference; a Node project compiled without the DOM
 * lib (`lib: ["es2022"]`, skipLibCheck off) gets opaque types instead of "Cannot find name" errors.
 * Only interfaces are listed: declaration merging works for them, not for type aliases. Types only:
 * index.ts re-exports this module with `export type *`, which emits no JavaScript.
 */
declare global {
  interface WebGL2RenderingContext {}
  interface WebGLTexture {}
  interface WebGLContextAttributes {}
  interface HTMLCanvasElement {}
  interface HTMLImageElement {}
  interface OffscreenCanvas {}
  interface ImageData {}
  interface ImageBitmap {}
  interface CanvasRenderingContext2D {}
  interface OffscreenCanvasRenderingContext2D {}
}

export {};
